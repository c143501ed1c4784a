using ImpactBot.Core.Files;
using System.Collections.Immutable;
using System.Text;
using ImpactBot.Core.Graph;
using ImpactBot.Sql.Lineage;
using ImpactBot.Sql.Text;

namespace ImpactBot.Core.Snapshot;

/// <summary>Reads the <see cref="SnapshotFormat"/> layout. A wrong, truncated or future file is an error value, never an exception.</summary>
public static class SnapshotReader
{
    public static SnapshotReadResult Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (r.ReadString() != SnapshotFormat.Magic)
            {
                return new(null, "not an ImpactBot snapshot; build one with `impactbot snapshot build --out FILE`");
            }

            var version = r.Read7BitEncodedInt();
            if (version != SnapshotFormat.Version)
            {
                return new(null, $"snapshot format version {version} is not supported (this build reads version {SnapshotFormat.Version}); rebuild it with `impactbot snapshot build`");
            }

            var engine = r.ReadString();
            var count = r.Read7BitEncodedInt();
            var strings = new string?[count + 1];
            for (var i = 1; i <= count; i++)
            {
                strings[i] = r.ReadString();
            }

            var graph = new Reader(r, strings).ReadGraph();
            return new(graph, null) { EngineMismatch = engine != SnapshotFormat.EngineVersion };
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or IndexOutOfRangeException or FormatException or DecoderFallbackException or ArgumentException)
        {
            return new(null, $"the snapshot file is truncated or corrupt ({e.Message}); delete it and rebuild with `impactbot snapshot build`");
        }
    }

    private sealed class Reader(BinaryReader r, string?[] strings)
    {
        public LineageGraph ReadGraph()
        {
            var commit = Str() ?? "";
            var assets = ImmutableArray.CreateBuilder<AssetNode>(r.Read7BitEncodedInt());
            for (var i = assets.Capacity; i > 0; i--)
            {
                assets.Add(ReadAsset());
            }

            var diagnostics = Diagnostics();
            var project = r.ReadBoolean() ? new ProjectInputs { GroupFiles = Strings(), DisabledNames = Strings() } : null;
            return new LineageGraph(commit, assets.MoveToImmutable(), diagnostics) { Project = project };
        }

        private string? Str() => strings[r.Read7BitEncodedInt()];

        private string Req() => Str() ?? "";

        private int Int() => r.Read7BitEncodedInt();

        private AssetNode ReadAsset()
        {
            var id = Req();
            var type = (AssetType)r.ReadByte();
            return new AssetNode(id, type)
            {
                Path = Str(),
                Line = Int(),
                Status = (LineageStatus)r.ReadByte(),
                HasWildcard = r.ReadBoolean(),
                ContentHash = Req(),
                BodyHash = Req(),
                DocsHash = Req(),
                Clauses = new ClauseFingerprints(Req(), Req(), Req(), Req(), Req()),
                Traits = ReadTraits(),
                Owners = Strings(),
                DependsOn = Strings(),
                Columns = Columns(),
                RowSources = Edges(),
                References = Edges(),
                Diagnostics = Diagnostics(),
                Inputs = ReadInputs(),
            };
        }

        private AssetInputs ReadInputs()
        {
            var ordinal = Int();
            var relations = Strings();
            var declared = ImmutableArray.CreateBuilder<DeclaredColumn>(Int());
            for (var i = declared.Capacity; i > 0; i--)
            {
                declared.Add(new DeclaredColumn(Req(), Str(), Int()));
            }

            return new AssetInputs
            {
                Ordinal = ordinal,
                Relations = relations,
                DeclaredColumns = declared.MoveToImmutable(),
                Upstreams = Strings(),
                PartiallyRendered = r.ReadBoolean(),
                SourceMapFingerprint = Str(),
                DbtName = Str(),
                PatchPath = Str(),
                OwnersOf = Str(),
                StoredSql = Str(),
            };
        }

        private AssetTraits ReadTraits()
        {
            var materialization = Str();
            var contracted = r.ReadBoolean();
            var access = Str();
            var group = Str();
            var latest = Int() - 1;
            return new AssetTraits
            {
                Materialization = materialization,
                Contracted = contracted,
                Access = access,
                Group = group,
                LatestVersion = latest < 0 ? null : latest,
                Url = Str(),
                Kind = Str(),
                Tags = Strings(),
            };
        }

        private ImmutableArray<ColumnNode> Columns()
        {
            var columns = ImmutableArray.CreateBuilder<ColumnNode>(Int());
            for (var i = columns.Capacity; i > 0; i--)
            {
                var name = Req();
                var fingerprint = Req();
                var type = Str();
                var line = Int();
                columns.Add(new ColumnNode(name, Edges()) { Fingerprint = fingerprint, Type = type, Line = line });
            }

            return columns.MoveToImmutable();
        }

        private ImmutableArray<ColumnEdge> Edges()
        {
            var edges = ImmutableArray.CreateBuilder<ColumnEdge>(Int());
            for (var i = edges.Capacity; i > 0; i--)
            {
                edges.Add(new ColumnEdge(Req(), Req(), (EdgeKind)r.ReadByte()) { Line = Int() });
            }

            return edges.MoveToImmutable();
        }

        private ImmutableArray<string> Strings()
        {
            var values = ImmutableArray.CreateBuilder<string>(Int());
            for (var i = values.Capacity; i > 0; i--)
            {
                values.Add(Req());
            }

            return values.MoveToImmutable();
        }

        private ImmutableArray<FileDiagnostic> Diagnostics()
        {
            var list = ImmutableArray.CreateBuilder<FileDiagnostic>(Int());
            for (var i = list.Capacity; i > 0; i--)
            {
                list.Add(new FileDiagnostic(Req(), Req(), Req(), Int(), Int(), (DiagnosticSeverity)r.ReadByte()));
            }

            return list.MoveToImmutable();
        }
    }
}
