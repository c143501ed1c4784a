using ImpactBot.Core.Files;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using ImpactBot.Core.Graph;
using ImpactBot.Sql.Lineage;
using ImpactBot.Sql.Text;

namespace ImpactBot.Core.Snapshot;

/// <summary>
/// Reads the <see cref="SnapshotFormat"/> layout. A wrong, truncated, corrupted or future file is an error value, never an
/// exception: the checksum catches damaged bytes, and every count and length is checked against the bytes left before
/// anything is allocated for it, so even a crafted file with a valid checksum cannot ask for more memory than its size.
/// </summary>
public static class SnapshotReader
{
    public static SnapshotReadResult Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Read(copy.ToArray());
    }

    /// <summary>Reads a whole snapshot file's bytes (decoded in place, chunks side by side).</summary>
    public static SnapshotReadResult Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            var r = new Decoder(bytes, 0, bytes.Length, []);
            if (r.RawString() != SnapshotFormat.Magic)
            {
                return new(null, "not an ImpactBot snapshot; build one with `impactbot snapshot build --out FILE`");
            }

            var version = r.Int();
            if (version != SnapshotFormat.Version)
            {
                return new(null, $"snapshot format version {version} is not supported (this build reads version {SnapshotFormat.Version}); rebuild it with `impactbot snapshot build`");
            }

            if (!ChecksumMatches(bytes))
            {
                return new(null, "the snapshot file is truncated or corrupt (its checksum does not match its content); delete it and rebuild with `impactbot snapshot build`");
            }

            r = new Decoder(bytes, r.Position, bytes.Length - SnapshotFormat.ChecksumLength, []);
            var engine = r.RawString();
            var strings = new string?[r.Count() + 1];
            for (var i = 1; i < strings.Length; i++)
            {
                strings[i] = r.RawString();
            }

            var graph = ReadGraph(new Decoder(bytes, r.Position, bytes.Length - SnapshotFormat.ChecksumLength, strings));
            return new(graph, null) { EngineMismatch = engine != SnapshotFormat.EngineVersion };
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or IndexOutOfRangeException or FormatException or DecoderFallbackException or ArgumentException or OverflowException or AggregateException)
        {
            var message = e is AggregateException aggregate ? aggregate.InnerExceptions[0].Message : e.Message;
            return new(null, $"the snapshot file is truncated or corrupt ({message}); delete it and rebuild with `impactbot snapshot build`");
        }
    }

    /// <summary>The last <see cref="SnapshotFormat.ChecksumLength"/> bytes are the SHA-256 of all before them.</summary>
    private static bool ChecksumMatches(byte[] bytes)
    {
        if (bytes.Length < SnapshotFormat.ChecksumLength)
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[SnapshotFormat.ChecksumLength];
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - SnapshotFormat.ChecksumLength), hash);
        return hash.SequenceEqual(bytes.AsSpan(bytes.Length - SnapshotFormat.ChecksumLength));
    }

    private static LineageGraph ReadGraph(Decoder r)
    {
        var commit = r.Str() ?? "";
        var assets = new AssetNode[r.Count()];
        var chunks = new (int First, int Count, int Start, int End)[r.Count()];
        var first = 0;
        for (var i = 0; i < chunks.Length; i++)
        {
            var count = r.Count();
            var length = r.Int();
            if (count > assets.Length - first)
            {
                throw new FormatException($"the chunks hold more assets than the header's {assets.Length}");
            }

            chunks[i] = (first, count, r.Position, r.Position + length);
            first += count;
            r.Skip(length);
        }

        if (first != assets.Length)
        {
            throw new FormatException($"the chunks hold {first} assets, the header says {assets.Length}");
        }

        // Decoding allocates most of a large graph; chunks side by side spread that over the cores.
        Parallel.ForEach(chunks, chunk =>
        {
            var decoder = r.Slice(chunk.Start, chunk.End);
            for (var i = 0; i < chunk.Count; i++)
            {
                assets[chunk.First + i] = decoder.Asset();
            }
        });

        var diagnostics = r.Diagnostics();
        var project = r.Bool() ? new ProjectInputs { RootDir = r.Str() ?? "", Dialect = r.Str() ?? "", GroupFiles = r.Strings(), DisabledNames = r.Strings(), Packages = r.Str() ?? "", RendersReadGraph = r.Bool() } : null;
        var settings = r.Bool()
            ? new ReadSettings { Dialect = r.Str() ?? "", DialectSource = r.Str() ?? "", Target = r.Str() ?? "", Vars = r.Str() ?? "{}" }
            : null;
        return new LineageGraph(commit, ImmutableCollectionsMarshal.AsImmutableArray(assets), diagnostics) { Project = project, Settings = settings };
    }

    /// <summary>Reads 7-bit integers, string-table ids and records from a stretch of the file's bytes.</summary>
    private sealed class Decoder(byte[] bytes, int start, int end, string?[] strings)
    {
        public int Position { get; private set; } = start;

        public Decoder Slice(int from, int to) => new(bytes, from, to, strings);

        public void Skip(int count)
        {
            if (count < 0 || count > end - Position)
            {
                throw new EndOfStreamException("a chunk runs past the end of the file");
            }

            Position += count;
        }

        public int Int()
        {
            var result = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = Byte();
                if (shift == 28 && b > 0x0F)
                {
                    throw new FormatException("a number does not fit in 32 bits");
                }

                result |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return result;
                }
            }

            throw new FormatException("a number is too long");
        }

        /// <summary>A count of items that take at least a byte each, so never more than the bytes left.</summary>
        public int Count()
        {
            var count = Int();
            return count >= 0 && count <= end - Position
                ? count
                : throw new FormatException($"a count of {count} does not fit in the {end - Position} bytes left");
        }

        public bool Bool() => Byte() != 0;

        public string RawString()
        {
            var length = Int();
            Skip(length);
            return Encoding.UTF8.GetString(bytes, Position - length, length);
        }

        public string? Str()
        {
            var id = Int();
            return id >= 0 && id < strings.Length ? strings[id] : throw new FormatException($"string {id} is not in the string table");
        }

        public ImmutableArray<string> Strings() => Array(static d => d.Req());

        public AssetNode Asset()
        {
            var id = Req();
            var type = Enum<AssetType>(Byte());
            return new AssetNode(id, type)
            {
                Path = Str(),
                Line = Int(),
                Status = Enum<LineageStatus>(Byte()),
                HasWildcard = Bool(),
                ContentHash = Req(),
                BodyHash = Req(),
                DocsHash = Req(),
                Clauses = Clauses(),
                Traits = Traits(),
                Owners = Strings(),
                DependsOn = Strings(),
                Columns = Columns(),
                RowSources = Edges(),
                References = Edges(),
                Diagnostics = Diagnostics(),
                NameShapes = Array(static d => new NameShape(d.Req(), d.Str())),
                Inputs = Inputs(),
            };
        }

        public ImmutableArray<FileDiagnostic> Diagnostics() =>
            Array(static d => new FileDiagnostic(d.Req(), d.Req(), d.Req(), d.Int(), d.Int(), Enum<DiagnosticSeverity>(d.Byte())));

        /// <summary>An enum value written as its byte; the enums hold 0..N-1, so a byte of N or more is damage.</summary>
        private static T Enum<T>(byte value)
            where T : struct, Enum
        {
            return value < EnumSize<T>.Count
                ? System.Runtime.CompilerServices.Unsafe.BitCast<int, T>(value)
                : throw new FormatException($"{value} is not a {typeof(T).Name}");
        }

        private byte Byte() => Position < end ? bytes[Position++] : throw new EndOfStreamException("the file ends inside a record");

        private string Req() => Str() ?? "";

        private ClauseFingerprints Clauses()
        {
            var clauses = new ClauseFingerprints(Req(), Req(), Req(), Req(), Req());
            return clauses == ClauseFingerprints.Empty ? ClauseFingerprints.Empty : clauses;
        }

        private AssetTraits Traits()
        {
            var materialization = Str();
            var contracted = Bool();
            var access = Str();
            var group = Str();
            var latest = Int() - 1;
            var url = Str();
            var kind = Str();
            var tags = Strings();
            var strategy = Str();
            var fullRefresh = Int();
            var incrementalFilter = Str();
            var openColumns = Bool();
            var openColumnsFrom = Str();
            // Most assets (data tests, sources) have none: one shared instance instead of thousands.
            if (materialization is null && !contracted && access is null && group is null && latest < 0 && url is null && kind is null && tags.IsEmpty && strategy is null && fullRefresh == 0
                && incrementalFilter is null && !openColumns && openColumnsFrom is null)
            {
                return AssetTraits.None;
            }

            return new AssetTraits
            {
                Materialization = materialization,
                Contracted = contracted,
                Access = access,
                Group = group,
                LatestVersion = latest < 0 ? null : latest,
                Url = url,
                Kind = kind,
                Tags = tags,
                IncrementalStrategy = strategy,
                FullRefresh = fullRefresh == 0 ? null : fullRefresh == 2,
                IncrementalFilter = incrementalFilter,
                OpenColumns = openColumns,
                OpenColumnsFrom = openColumnsFrom,
            };
        }

        private AssetInputs Inputs()
        {
            return new AssetInputs
            {
                Ordinal = Int(),
                Relations = Strings(),
                DeclaredColumns = Array(static d => new DeclaredColumn(d.Req(), d.Str(), d.Int())),
                Upstreams = Strings(),
                PartiallyRendered = Bool(),
                SourceMapFingerprint = Str(),
                DbtName = Str(),
                PatchPath = Str(),
                OwnersOf = Str(),
                StoredSql = Str(),
            };
        }

        private ImmutableArray<ColumnNode> Columns() => Array(static d =>
        {
            var name = d.Req();
            var fingerprint = d.Req();
            var type = d.Str();
            var line = d.Int();
            var inferred = d.Bool();
            return new ColumnNode(name, d.Edges()) { Fingerprint = fingerprint, Type = type, Line = line, Inferred = inferred };
        });

        private ImmutableArray<ColumnEdge> Edges() =>
            Array(static d => new ColumnEdge(d.Req(), d.Req(), Enum<EdgeKind>(d.Byte())) { Line = d.Int() });

        /// <summary>A counted list; the empty one allocates nothing.</summary>
        private ImmutableArray<T> Array<T>(Func<Decoder, T> read)
        {
            var count = Count();
            if (count == 0)
            {
                return [];
            }

            var items = new T[count];
            for (var i = 0; i < count; i++)
            {
                items[i] = read(this);
            }

            return ImmutableCollectionsMarshal.AsImmutableArray(items);
        }
    }
}

/// <summary>How many values an enum of contiguous values from 0 holds, computed once per type.</summary>
file static class EnumSize<T>
    where T : struct, Enum
{
    public static readonly int Count = Enum.GetValues<T>().Length;
}
