using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Snapshot;
using ImpactBot.Sql.Lineage;
using static ImpactBot.Core.Tests.TestGraphs;

namespace ImpactBot.Core.Tests.Snapshot;

public sealed class SnapshotRoundTripTests
{
    [Test]
    public void Read_WhatWriteWrote_SameGraph()
    {
        var graph = new LineageGraph("abc123", [
            Source("shop.orders", "id", "amount"),
            Model("orders", Col("order_id", "shop.orders.id"), Col("total", "shop.orders.amount:aggregate")) with
            {
                RowSources = [Edge("shop.orders.status:filter")],
                Owners = ["@alice", "Carol <carol@example.com>"],
                Traits = new AssetTraits { Materialization = "incremental", Contracted = true, Access = "public", LatestVersion = 2, Tags = ["finance"], IncrementalFilter = "5d41402abc4b2a76" },
                Status = LineageStatus.Partial,
                HasWildcard = true,
                Clauses = new ClauseFingerprints("f", "j", "g", "s", "l"),
                Diagnostics = [new FileDiagnostic("unparsed-span", "skipped", "models/orders.sql", 3, 7)],
            },
        ], [new FileDiagnostic("dependency-cycle", "cycle", "models/a.sql", 1, 1)]);

        using var stream = new MemoryStream();
        SnapshotWriter.Write(graph, stream);
        stream.Position = 0;
        var read = SnapshotReader.Read(stream);

        Assert.That(read.Error, Is.Null);
        var loaded = read.Graph!;
        Assert.That(loaded.Commit, Is.EqualTo("abc123"));
        Assert.That(loaded.Diagnostics, Is.EqualTo(graph.Diagnostics));
        var orders = loaded.Find("orders")!;
        var original = graph.Find("orders")!;
        Assert.Multiple(() =>
        {
            Assert.That(orders.Columns.Select(c => (c.Name, c.Fingerprint, string.Join(",", c.Sources))), Is.EqualTo(original.Columns.Select(c => (c.Name, c.Fingerprint, string.Join(",", c.Sources)))));
            Assert.That(orders.RowSources, Is.EqualTo(original.RowSources));
            Assert.That(orders.Owners, Is.EqualTo(original.Owners));
            Assert.That(orders.Traits.Materialization, Is.EqualTo("incremental"));
            Assert.That(orders.Traits.LatestVersion, Is.EqualTo(2));
            Assert.That(orders.Traits.Tags, Is.EqualTo(new[] { "finance" }));
            Assert.That(orders.Traits.IncrementalFilter, Is.EqualTo("5d41402abc4b2a76"));
            Assert.That(orders.Status, Is.EqualTo(LineageStatus.Partial));
            Assert.That(orders.HasWildcard, Is.True);
            Assert.That(orders.Clauses, Is.EqualTo(original.Clauses));
            Assert.That(orders.Diagnostics, Is.EqualTo(original.Diagnostics));
        });
    }

    [Test]
    public void Read_NotASnapshot_ErrorSaysHowToRebuild()
    {
        using var stream = new MemoryStream("{\"json\": true}"u8.ToArray());

        var read = SnapshotReader.Read(stream);

        Assert.That(read.Graph, Is.Null);
        Assert.That(read.Error, Does.Contain("snapshot build"));
    }

    [Test]
    public void Read_UnknownVersion_ErrorNamesTheVersion()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(SnapshotFormat.Magic);
            w.Write7BitEncodedInt(99);
        }

        stream.Position = 0;
        var read = SnapshotReader.Read(stream);

        Assert.That(read.Error, Does.Contain("version 99"));
    }

    [Test]
    public void Read_TruncatedFile_ErrorNotException()
    {
        using var full = new MemoryStream();
        SnapshotWriter.Write(GraphOf(Source("s", "a", "b"), Model("m", Col("a", "s.a"))), full);
        using var truncated = new MemoryStream(full.ToArray()[..(int)(full.Length / 2)]);

        var read = SnapshotReader.Read(truncated);

        Assert.That(read.Graph, Is.Null);
        Assert.That(read.Error, Does.Contain("truncated or corrupt"));
    }

    [Test]
    public void Read_GraphOfManyChunks_ReadersInputsAndOrderSurvive()
    {
        var assets = Enumerable.Range(0, 5000).Select(i => Model($"m{i}", Col("id", i == 0 ? "s.a" : $"m{i - 1}.id")) with
        {
            Inputs = new AssetInputs
            {
                Ordinal = 4999 - i,
                Relations = [$"__ref__.m{i}"],
                DeclaredColumns = [new DeclaredColumn("id", i % 2 == 0 ? "int" : null, i)],
                Upstreams = i == 0 ? [] : [$"m{i - 1}"],
                PartiallyRendered = i % 7 == 0,
                SourceMapFingerprint = $"map{i}",
                DbtName = $"m{i}",
                PatchPath = "models/_models.yml",
            },
        });
        var graph = new LineageGraph("c", [Source("s", "a"), .. assets], [])
        {
            Project = new ProjectInputs { RootDir = "analytics", Dialect = "snowflake", GroupFiles = ["models/_groups.yml"], DisabledNames = ["old_model"] },
        };

        var bytes = Bytes(graph);
        using var stream = new MemoryStream(bytes);
        var loaded = SnapshotReader.Read(stream).Graph!;

        Assert.That(loaded.Assets.Select(a => a.Id), Is.EqualTo(graph.Assets.Select(a => a.Id)));
        Assert.That(loaded.Find("m4321")!.Inputs, Is.EqualTo(graph.Find("m4321")!.Inputs).Using<AssetInputs>(SameInputs));
        Assert.That((loaded.Project!.RootDir, loaded.Project.Dialect), Is.EqualTo(("analytics", "snowflake")));
        Assert.That(loaded.Project.GroupFiles, Is.EqualTo(new[] { "models/_groups.yml" }));
        Assert.That(loaded.Project.DisabledNames, Is.EqualTo(new[] { "old_model" }));
        Assert.That(Bytes(loaded), Is.EqualTo(bytes), "written again, byte for byte");
    }

    [Test]
    public void Read_FileCutInsideAChunk_ErrorNotException()
    {
        var bytes = Bytes(new LineageGraph("c", [.. Enumerable.Range(0, 3000).Select(i => Model($"m{i}", Col("id", "s.a")))], []));
        using var truncated = new MemoryStream(bytes[..(bytes.Length - 100)]);

        var read = SnapshotReader.Read(truncated);

        Assert.That(read.Graph, Is.Null);
        Assert.That(read.Error, Does.Contain("truncated or corrupt"));
    }

    private static bool SameInputs(AssetInputs a, AssetInputs b) =>
        a.Ordinal == b.Ordinal && a.Relations.SequenceEqual(b.Relations) && a.DeclaredColumns.SequenceEqual(b.DeclaredColumns)
        && a.Upstreams.SequenceEqual(b.Upstreams) && a.PartiallyRendered == b.PartiallyRendered && a.SourceMapFingerprint == b.SourceMapFingerprint
        && a.DbtName == b.DbtName && a.PatchPath == b.PatchPath && a.OwnersOf == b.OwnersOf && a.StoredSql == b.StoredSql;

    private static byte[] Bytes(LineageGraph graph)
    {
        using var stream = new MemoryStream();
        SnapshotWriter.Write(graph, stream);
        return stream.ToArray();
    }

    [Test]
    public void Read_SettingsWritten_ComeBackSoAStaleCacheIsNoticed()
    {
        var settings = new ReadSettings { Dialect = "bigquery", DialectSource = "profiles.yml: profile shop, target prod, type bigquery", Target = "prod", Vars = """{"a":"1"}""" };
        using var stream = new MemoryStream();
        SnapshotWriter.Write(new LineageGraph("c", [Source("s", "a")], []) { Settings = settings }, stream);

        var read = SnapshotReader.Read(stream.ToArray()).Graph!;

        Assert.That(read.Settings, Is.EqualTo(settings));
        Assert.That(read.Settings!.SameReading(settings with { Vars = """{"a":"2"}""" }), Is.False);
        Assert.That(read.Settings.SameReading(settings with { DialectSource = "--dialect" }), Is.True);
    }
}
