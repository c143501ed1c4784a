using ImpactBot.Core.Files;
using System.Security.Cryptography;
using System.Text;
using ImpactBot.Core.Graph;

namespace ImpactBot.Core.Snapshot;

/// <summary>Writes a <see cref="LineageGraph"/> in the <see cref="SnapshotFormat"/> layout.</summary>
public static class SnapshotWriter
{
    public static void Write(LineageGraph graph, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var strings = new StringTable();
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            WriteGraph(writer, graph, strings);
        }

        using var header = new MemoryStream();
        using (var output = new BinaryWriter(header, Encoding.UTF8, leaveOpen: true))
        {
            output.Write(SnapshotFormat.Magic);
            output.Write7BitEncodedInt(SnapshotFormat.Version);
            output.Write(SnapshotFormat.EngineVersion);
            output.Write7BitEncodedInt(strings.Count);
            foreach (var s in strings.Items)
            {
                output.Write(s);
            }
        }

        using var checksum = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in new[] { header, body })
        {
            var bytes = part.GetBuffer().AsSpan(0, (int)part.Length);
            checksum.AppendData(bytes);
            stream.Write(bytes);
        }

        stream.Write(checksum.GetHashAndReset());
    }

    private static void WriteGraph(BinaryWriter w, LineageGraph graph, StringTable s)
    {
        w.Write7BitEncodedInt(s.Id(graph.Commit));
        w.Write7BitEncodedInt(graph.Assets.Length);
        var chunks = graph.Assets.Chunk(SnapshotFormat.AssetsPerChunk).ToList();
        w.Write7BitEncodedInt(chunks.Count);
        using var chunk = new MemoryStream();
        foreach (var assets in chunks)
        {
            // Each chunk says how long it is, so a reader can decode the chunks side by side.
            chunk.SetLength(0);
            using (var cw = new BinaryWriter(chunk, Encoding.UTF8, leaveOpen: true))
            {
                foreach (var asset in assets)
                {
                    WriteAsset(cw, asset, s);
                }
            }

            w.Write7BitEncodedInt(assets.Length);
            w.Write7BitEncodedInt((int)chunk.Length);
            w.Write(chunk.GetBuffer(), 0, (int)chunk.Length);
        }

        WriteDiagnostics(w, graph.Diagnostics, s);
        w.Write(graph.Project is not null);
        if (graph.Project is { } project)
        {
            w.Write7BitEncodedInt(s.Id(project.RootDir));
            w.Write7BitEncodedInt(s.Id(project.Dialect));
            WriteStrings(w, project.GroupFiles, s);
            WriteStrings(w, project.DisabledNames, s);
            w.Write7BitEncodedInt(s.Id(project.Packages));
            w.Write(project.RendersReadGraph);
        }

        w.Write(graph.Settings is not null);
        if (graph.Settings is { } settings)
        {
            w.Write7BitEncodedInt(s.Id(settings.Dialect));
            w.Write7BitEncodedInt(s.Id(settings.DialectSource));
            w.Write7BitEncodedInt(s.Id(settings.Target));
            w.Write7BitEncodedInt(s.Id(settings.Vars));
        }
    }

    private static void WriteAsset(BinaryWriter w, AssetNode a, StringTable s)
    {
        w.Write7BitEncodedInt(s.Id(a.Id));
        w.Write((byte)a.Type);
        w.Write7BitEncodedInt(s.Id(a.Path));
        w.Write7BitEncodedInt(a.Line);
        w.Write((byte)a.Status);
        w.Write(a.HasWildcard);
        w.Write7BitEncodedInt(s.Id(a.ContentHash));
        w.Write7BitEncodedInt(s.Id(a.BodyHash));
        w.Write7BitEncodedInt(s.Id(a.DocsHash));
        w.Write7BitEncodedInt(s.Id(a.Clauses.Filter));
        w.Write7BitEncodedInt(s.Id(a.Clauses.Join));
        w.Write7BitEncodedInt(s.Id(a.Clauses.Grain));
        w.Write7BitEncodedInt(s.Id(a.Clauses.Sources));
        w.Write7BitEncodedInt(s.Id(a.Clauses.Limit));
        WriteTraits(w, a.Traits, s);
        WriteStrings(w, a.Owners, s);
        WriteStrings(w, a.DependsOn, s);
        w.Write7BitEncodedInt(a.Columns.Length);
        foreach (var c in a.Columns)
        {
            w.Write7BitEncodedInt(s.Id(c.Name));
            w.Write7BitEncodedInt(s.Id(c.Fingerprint));
            w.Write7BitEncodedInt(s.Id(c.Type));
            w.Write7BitEncodedInt(c.Line);
            w.Write(c.Inferred);
            WriteEdges(w, c.Sources, s);
        }

        WriteEdges(w, a.RowSources, s);
        WriteEdges(w, a.References, s);
        WriteDiagnostics(w, a.Diagnostics, s);
        w.Write7BitEncodedInt(a.NameShapes.Length);
        foreach (var shape in a.NameShapes)
        {
            w.Write7BitEncodedInt(s.Id(shape.Key));
            w.Write7BitEncodedInt(s.Id(shape.Source));
        }

        WriteInputs(w, a.Inputs, s);
    }

    private static void WriteInputs(BinaryWriter w, AssetInputs i, StringTable s)
    {
        w.Write7BitEncodedInt(i.Ordinal);
        WriteStrings(w, i.Relations, s);
        w.Write7BitEncodedInt(i.DeclaredColumns.Length);
        foreach (var c in i.DeclaredColumns)
        {
            w.Write7BitEncodedInt(s.Id(c.Name));
            w.Write7BitEncodedInt(s.Id(c.Type));
            w.Write7BitEncodedInt(c.Line);
        }

        WriteStrings(w, i.Upstreams, s);
        w.Write(i.PartiallyRendered);
        w.Write7BitEncodedInt(s.Id(i.SourceMapFingerprint));
        w.Write7BitEncodedInt(s.Id(i.DbtName));
        w.Write7BitEncodedInt(s.Id(i.PatchPath));
        w.Write7BitEncodedInt(s.Id(i.OwnersOf));
        w.Write7BitEncodedInt(s.Id(i.StoredSql));
    }

    private static void WriteTraits(BinaryWriter w, AssetTraits t, StringTable s)
    {
        w.Write7BitEncodedInt(s.Id(t.Materialization));
        w.Write(t.Contracted);
        w.Write7BitEncodedInt(s.Id(t.Access));
        w.Write7BitEncodedInt(s.Id(t.Group));
        w.Write7BitEncodedInt((t.LatestVersion ?? -1) + 1);
        w.Write7BitEncodedInt(s.Id(t.Url));
        w.Write7BitEncodedInt(s.Id(t.Kind));
        WriteStrings(w, t.Tags, s);
        w.Write7BitEncodedInt(s.Id(t.IncrementalStrategy));
        w.Write7BitEncodedInt(t.FullRefresh switch { null => 0, false => 1, true => 2 });
        w.Write7BitEncodedInt(s.Id(t.IncrementalFilter));
        w.Write(t.OpenColumns);
        w.Write7BitEncodedInt(s.Id(t.OpenColumnsFrom));
    }

    private static void WriteEdges(BinaryWriter w, IReadOnlyList<ColumnEdge> edges, StringTable s)
    {
        w.Write7BitEncodedInt(edges.Count);
        foreach (var e in edges)
        {
            w.Write7BitEncodedInt(s.Id(e.Asset));
            w.Write7BitEncodedInt(s.Id(e.Column));
            w.Write((byte)e.Kind);
            w.Write7BitEncodedInt(e.Line);
        }
    }

    private static void WriteStrings(BinaryWriter w, IReadOnlyList<string> values, StringTable s)
    {
        w.Write7BitEncodedInt(values.Count);
        foreach (var v in values)
        {
            w.Write7BitEncodedInt(s.Id(v));
        }
    }

    private static void WriteDiagnostics(BinaryWriter w, IReadOnlyList<FileDiagnostic> diagnostics, StringTable s)
    {
        w.Write7BitEncodedInt(diagnostics.Count);
        foreach (var d in diagnostics)
        {
            w.Write7BitEncodedInt(s.Id(d.Code));
            w.Write7BitEncodedInt(s.Id(d.Message));
            w.Write7BitEncodedInt(s.Id(d.Path));
            w.Write7BitEncodedInt(d.Line);
            w.Write7BitEncodedInt(d.Column);
            w.Write((byte)d.Severity);
        }
    }

    /// <summary>Interns strings; id 0 is null so optional values cost one byte.</summary>
    private sealed class StringTable
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

        public List<string> Items { get; } = [];

        public int Count => Items.Count;

        public int Id(string? value)
        {
            if (value is null)
            {
                return 0;
            }

            if (!_ids.TryGetValue(value, out var id))
            {
                Items.Add(value);
                id = Items.Count;
                _ids[value] = id;
            }

            return id;
        }
    }
}
