using ImpactBot.Core.Changes;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Snapshot;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage;
using static ImpactBot.Core.Tests.SqlAssets;

namespace ImpactBot.Core.Tests.Graph;

/// <summary>Columns of `select *` over sources without declared columns, inferred from what downstream models read.</summary>
public sealed class ColumnInferenceTests
{
    /// <summary>
    /// raw.events declares no columns; stg and int pass it on through stars; the marts read it qualified, unqualified,
    /// in a join (where only int has unknown columns), through USING and in a filter.
    /// </summary>
    private static AssetDefinition[] Chain() =>
    [
        Source("raw.events"),
        Source("raw.users", "id", "name"),
        Model("stg", "select * from raw.events", "raw.events"),
        Model("int", "select * from stg where kind = 'click'", "stg"),
        Model("by_user", "select e.id, e.amount, u.name from int e join raw.users u on u.id = e.user_id", "int", "raw.users"),
        Model("sessions", "select session, count(*) as n from int group by session", "int"),
        Model("named", "select name, amount as spent from int join raw.users using (id)", "int", "raw.users"),
    ];

    private static string Names(AssetNode node) => string.Join(",", node.Columns.Select(c => c.Name + (c.Inferred ? "~" : "")));

    private static string Sources(ColumnNode column) => string.Join(", ", column.Sources.Select(s => $"{s.Asset}.{s.Column}"));

    [Test]
    public void Build_ThreeLevelStarChainOverUnknownSource_InfersWhatDownstreamReads()
    {
        var graph = Build(Chain());

        Assert.That(Names(graph.Find("raw.events")!), Is.EqualTo("amount~,id~,kind~,session~,user_id~"));
        Assert.That(Names(graph.Find("stg")!), Is.EqualTo("amount~,id~,kind~,session~,user_id~"));
        Assert.That(Names(graph.Find("int")!), Is.EqualTo("amount~,id~,kind~,session~,user_id~"));
        Assert.That(Sources(graph.Find("stg")!.FindColumn("session")!), Is.EqualTo("raw.events.session"));
        Assert.That(Sources(graph.Find("int")!.FindColumn("session")!), Is.EqualTo("stg.session"));
        Assert.That(graph.Find("int")!.RowSources.Select(e => $"{e.Asset}.{e.Column}"), Is.EqualTo(new[] { "stg.kind" }));
        Assert.That(Sources(graph.Find("named")!.FindColumn("spent")!), Is.EqualTo("int.amount"));
        Assert.That(graph.Find("stg")!.HasWildcard, Is.False);
    }

    [Test]
    public void Build_ColumnsNobodyReads_AreNotInvented()
    {
        var graph = Build(Chain());

        // raw.users' name is read in the joins, but it is raw.users' (declared), never the unknown source's.
        Assert.That(graph.Find("raw.events")!.FindColumn("name"), Is.Null);
        Assert.That(graph.Find("raw.users")!.Columns.Any(c => c.Inferred), Is.False);
        Assert.That(graph.Find("int")!.FindColumn("n"), Is.Null);
    }

    [Test]
    public void Build_ModelsOnInferredColumns_CountAsInferredNotComplete()
    {
        var graph = Build(Chain());

        Assert.That(
            new[] { "stg", "int", "by_user", "sessions", "named" }.Select(id => graph.Find(id)!.Status),
            Is.All.EqualTo(LineageStatus.Inferred));
        Assert.That(graph.CountByStatus(LineageStatus.Inferred), Is.EqualTo(5));
        Assert.That(graph.CountByStatus(LineageStatus.Complete), Is.Zero);
    }

    [Test]
    public void Build_StarOverTableNoAssetDefines_InfersTheModelsColumns()
    {
        AssetDefinition[] Project(string martSql) =>
        [
            Model("stg", "select * from raw.appointment"),
            Model("mart", martSql, "stg"),
        ];

        var first = Build(Project("select id, booked_at from stg"));
        var grown = GraphBuilder.Build(Project("select id, booked_at, room from stg"), "commit", DialectFacts.Postgres, first).Graph;

        Assert.That(Names(first.Find("stg")!), Is.EqualTo("booked_at~,id~"));
        Assert.That(Sources(first.Find("stg")!.FindColumn("id")!), Is.EqualTo("raw.appointment.id"));
        Assert.That((first.Find("stg")!.Status, first.Find("mart")!.Status), Is.EqualTo((LineageStatus.Inferred, LineageStatus.Inferred)));
        Assert.That(Names(grown.Find("stg")!), Is.EqualTo("booked_at~,id~,room~"));
        Assert.That(Bytes(grown), Is.EqualTo(Bytes(Build(Project("select id, booked_at, room from stg")))));
    }

    [Test]
    public void Build_ColumnReadOnlyInAProjectionNothingUses_IsInferredToo()
    {
        var graph = Build(
            Source("raw.pools"),
            Model("pools", "with p as (select ip.id, ip.fee_tier as unused from raw.pools ip) select id from p", "raw.pools"));

        // Bound again on the inferred columns, the unused projection still finds fee_tier: no unresolved column.
        Assert.That(Names(graph.Find("raw.pools")!), Is.EqualTo("fee_tier~,id~"));
        Assert.That(graph.Find("pools")!.Status, Is.EqualTo(LineageStatus.Inferred));
    }

    [Test]
    public void Build_StarNobodyReadsThrough_StaysPartialWildcard()
    {
        var graph = Build(Source("raw.events"), Model("stg", "select * from raw.events", "raw.events"));

        Assert.That(graph.Find("stg")!.HasWildcard, Is.True);
        Assert.That(graph.Find("stg")!.Status, Is.EqualTo(LineageStatus.Partial));
        Assert.That(graph.Find("raw.events")!.Columns, Is.Empty);
    }

    [Test]
    public void Build_StarOverJoinOfTwoUnknownSources_InfersNothing()
    {
        var graph = Build(
            Source("raw.a"),
            Source("raw.b"),
            Model("both", "select * from raw.a join raw.b on raw.a.k = raw.b.k", "raw.a", "raw.b"),
            Model("mart", "select x from both", "both"));

        // x may be raw.a's or raw.b's: neither gets it (the join key k is read of both, so both hold k).
        Assert.That(Names(graph.Find("raw.a")!), Is.EqualTo("k~"));
        Assert.That(Names(graph.Find("raw.b")!), Is.EqualTo("k~"));
        Assert.That(graph.Find("both")!.HasWildcard, Is.True);
        Assert.That(graph.Find("both")!.Status, Is.EqualTo(LineageStatus.Partial));
    }

    [Test]
    public void Build_UnqualifiedNameOverTwoInferredSources_KeepsBothCandidates()
    {
        var graph = Build(
            Source("raw.swaps"),
            Source("raw.pairs"),
            Model("trades", "select s.tx, amount_in from raw.swaps s join raw.pairs p on p.pair = s.pair", "raw.swaps", "raw.pairs"));

        // The second pass binds on the inferred columns (tx, pair; pair): they are some of each source's columns, so
        // amount_in stays a candidate of both, as in the first pass, instead of a name no source has.
        var trades = graph.Find("trades")!;
        Assert.That(Sources(trades.FindColumn("amount_in")!), Is.EqualTo("raw.swaps.amount_in, raw.pairs.amount_in"));
        Assert.That(trades.Diagnostics.Select(d => d.Code), Does.Contain("ambiguous-column").And.Not.Contain("unresolved-column"));
    }

    [Test]
    public void Build_SourceWithDeclaredColumns_StaysComplete()
    {
        var graph = Build(
            Source("raw.events", "id", "amount"),
            Model("stg", "select * from raw.events", "raw.events"),
            Model("mart", "select id from stg", "stg"));

        Assert.That(graph.Find("mart")!.Status, Is.EqualTo(LineageStatus.Complete));
        Assert.That(graph.Find("stg")!.Columns.Any(c => c.Inferred), Is.False);
    }

    [Test]
    public void Impact_ChangeOfAColumnReadThroughStars_ReachesExactlyItsReaders()
    {
        var graph = Build(Chain());
        var change = new AssetChange("stg", AssetType.Model, AssetChangeKind.Modified) { Columns = [new ColumnChange("session", ColumnChangeKind.Expression)] };

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [change]);

        Assert.That(impacts.Select(i => i.Asset), Is.EqualTo(new[] { "int", "sessions" }));
        Assert.That(impacts.All(i => !i.ModelLevel), Is.True);
    }

    [Test]
    public void Changes_ReaderStopsReadingAColumn_NoChangeOnTheInferredChain()
    {
        var before = Chain();
        var after = before.Where(d => d.Id != "sessions").ToArray();
        var baseGraph = Build(before);
        var headGraph = Build(after);

        var changes = ChangeDetector.Detect(baseGraph, headGraph, ["models/sessions.sql"]);

        Assert.That(headGraph.Find("raw.events")!.FindColumn("session"), Is.Null);
        Assert.That(changes.Select(c => $"{c.Asset}:{c.Kind}"), Is.EqualTo(new[] { "sessions:Removed" }));
    }

    [Test]
    public void Changes_SourceDeclaresColumnsWithoutAnInferredOne_RemovedColumnSaysItWasInferred()
    {
        var before = Chain();
        var after = before.Select(d => d.Id == "raw.events" ? Source("raw.events", "id", "amount", "kind", "user_id") : d).ToArray();
        var baseGraph = Build(before);
        var headGraph = Build(after);

        var changes = ChangeDetector.Detect(baseGraph, headGraph, ["models/sources.yml"]);
        var impacts = ImpactAnalyzer.Analyze(baseGraph, headGraph, changes);

        var removed = changes.Single(c => c.Asset == "raw.events").Columns.Single();
        Assert.That((removed.Name, removed.Kind, removed.Inferred), Is.EqualTo(("session", ColumnChangeKind.Removed, true)));
        Assert.That(ImpactBot.Core.Report.ChangeText.Describe(removed, n => n), Does.Contain("inferred"));
        var shown = impacts.Where(i => i.FoldedUnder is null).ToDictionary(i => i.Asset, i => (i.Severity, i.Reason));
        Assert.That(shown["stg"], Is.EqualTo((Severity.Schema, "passes raw.events.session on unchanged: its column session is gone with it")));
        Assert.That(shown["sessions"].Severity, Is.EqualTo(Severity.Breaking));
        Assert.That(headGraph.Find("sessions")!.Status, Is.EqualTo(LineageStatus.Partial));
    }

    [Test]
    public void Build_AgainWithPreviousGraph_SameGraphAndNewReadsStillInferred()
    {
        var first = Build(Chain());
        var same = GraphBuilder.Build(Chain(), "commit", DialectFacts.Postgres, first);
        var more = Chain().Append(Model("late", "select device from int", "int")).ToArray();
        var grown = GraphBuilder.Build(more, "commit", DialectFacts.Postgres, first);

        Assert.That(Bytes(same.Graph), Is.EqualTo(Bytes(first)));
        Assert.That(same.Reused, Is.EqualTo(5));
        Assert.That(Names(grown.Graph.Find("raw.events")!), Is.EqualTo("amount~,device~,id~,kind~,session~,user_id~"));
        Assert.That(Bytes(grown.Graph), Is.EqualTo(Bytes(Build(more))));
    }

    [Test]
    public void Snapshot_RoundTrip_KeepsInferredColumnsAndStatus()
    {
        var graph = Build(Chain());

        var read = SnapshotReader.Read(Bytes(graph)).Graph!;

        Assert.That(Names(read.Find("int")!), Is.EqualTo(Names(graph.Find("int")!)));
        Assert.That(read.Find("by_user")!.Status, Is.EqualTo(LineageStatus.Inferred));
        Assert.That(Bytes(read), Is.EqualTo(Bytes(graph)));
    }

    [Test]
    public void Export_MarksInferredColumnsAndCountsInferredModels()
    {
        var json = LineageExport.Render(Build(Chain()));

        Assert.That(json, Does.Contain("\"inferred\": 5"));
        Assert.That(json, Does.Contain("\"status\": \"inferred\""));
        Assert.That(json, Does.Contain("\"inferred\": true"));
        Assert.That(json, Does.Contain("columns inferred from what downstream models read"));
    }

    private static byte[] Bytes(LineageGraph graph)
    {
        using var stream = new MemoryStream();
        SnapshotWriter.Write(graph, stream);
        return stream.ToArray();
    }
}
