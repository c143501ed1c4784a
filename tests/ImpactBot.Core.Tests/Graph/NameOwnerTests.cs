using ImpactBot.Core.Graph;
using ImpactBot.Core.Snapshot;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage;
using static ImpactBot.Core.Tests.SqlAssets;

namespace ImpactBot.Core.Tests.Graph;

/// <summary>
/// "The same code binds the same way": an unqualified name ambiguous between two FROM items whose columns are unknown
/// takes the owner another model's query of the same shape binds it to on known columns (a macro called over sources
/// that declare columns and over sources that do not).
/// </summary>
public sealed class NameOwnerTests
{
    /// <summary>The query a macro renders for each caller: same aliases, same output names, different tables.</summary>
    private static string Trades(string project, string t = "t", string f = "f", string extra = "") =>
        $"select {t}.pair, {f}.token, amount_in{extra} from {project}.swaps {t} join {project}.pairs {f} on {f}.pair = {t}.pair";

    /// <summary>ape's sources declare their columns (amount_in is the swap's); abo's declare none.</summary>
    private static AssetDefinition[] Project(params AssetDefinition[] more) =>
    [
        Source("ape.swaps", "pair", "amount_in"),
        Source("ape.pairs", "pair", "token"),
        Source("abo.swaps"),
        Source("abo.pairs"),
        Model("ape_trades", Trades("ape"), "ape.swaps", "ape.pairs"),
        Model("abo_trades", Trades("abo"), "abo.swaps", "abo.pairs"),
        .. more,
    ];

    private static string Sources(ColumnNode column) => string.Join(", ", column.Sources.Select(s => $"{s.Asset}.{s.Column}"));

    private static string[] Codes(AssetNode node) => [.. node.Diagnostics.Select(d => d.Code).Distinct()];

    [Test]
    public void Build_SameShapeBoundOnKnownColumnsElsewhere_TakesThatOwnerAsInferred()
    {
        var graph = Build(Project());

        var abo = graph.Find("abo_trades")!;
        Assert.That(Sources(abo.FindColumn("amount_in")!), Is.EqualTo("abo.swaps.amount_in"));
        Assert.That(abo.Status, Is.EqualTo(LineageStatus.Inferred));
        var diagnostic = abo.Diagnostics.Single(d => d.Code == SqlLineage.InferredOwnerCode);
        Assert.That(diagnostic.Severity, Is.EqualTo(Sql.Text.DiagnosticSeverity.Info));
        Assert.That(diagnostic.Message, Does.Contain("column amount_in is read from t (abo.swaps)").And.Contain("in ape_trades binds it to t"));
        Assert.That(graph.Find("abo.swaps")!.FindColumn("amount_in")!.Inferred, Is.True);
        Assert.That(graph.Find("abo.pairs")!.FindColumn("amount_in"), Is.Null);
        Assert.That(graph.Find("ape_trades")!.Status, Is.EqualTo(LineageStatus.Complete));
        Assert.That((graph.CountByStatus(LineageStatus.Complete), graph.CountByStatus(LineageStatus.Inferred), graph.CountByStatus(LineageStatus.Partial)), Is.EqualTo((1, 1, 0)));
    }

    [Test]
    public void Build_WithoutEvidence_StaysAmbiguousAndPartial()
    {
        var graph = Build([.. Project().Where(a => a.Id != "ape_trades")]);

        var abo = graph.Find("abo_trades")!;
        Assert.That(abo.Status, Is.EqualTo(LineageStatus.Partial));
        Assert.That(Codes(abo), Does.Contain("ambiguous-column").And.No.Contain(SqlLineage.InferredOwnerCode));
        Assert.That(Sources(abo.FindColumn("amount_in")!), Is.EqualTo("abo.swaps.amount_in, abo.pairs.amount_in"));
    }

    [Test]
    public void Build_ConflictingEvidence_SettlesNothing()
    {
        // odd's sources put amount_in on the pair: the same shape binds it to f there.
        var graph = Build(Project(
            Source("odd.swaps", "pair"),
            Source("odd.pairs", "pair", "token", "amount_in"),
            Model("odd_trades", Trades("odd"), "odd.swaps", "odd.pairs")));

        var abo = graph.Find("abo_trades")!;
        Assert.That(abo.Status, Is.EqualTo(LineageStatus.Partial));
        Assert.That(Codes(abo), Does.Contain("ambiguous-column").And.No.Contain(SqlLineage.InferredOwnerCode));
        Assert.That(Sources(graph.Find("odd_trades")!.FindColumn("amount_in")!), Is.EqualTo("odd.pairs.amount_in"));
    }

    [TestCase("s", "p", "")]
    [TestCase("t", "f", ", t.fee")]
    public void Build_DifferentShape_IsNotMatched(string t, string f, string extra)
    {
        var graph = Build(Project(
            Source("xyz.swaps"),
            Source("xyz.pairs"),
            Model("xyz_trades", Trades("xyz", t, f, extra), "xyz.swaps", "xyz.pairs")));

        Assert.That(graph.Find("abo_trades")!.Status, Is.EqualTo(LineageStatus.Inferred));
        var xyz = graph.Find("xyz_trades")!;
        Assert.That(xyz.Status, Is.EqualTo(LineageStatus.Partial));
        Assert.That(Codes(xyz), Does.Contain("ambiguous-column").And.No.Contain(SqlLineage.InferredOwnerCode));
    }

    [Test]
    public void Build_NameOtherModelsReadQualifiedOnOneItem_IsBoundThereWithoutShapeEvidence()
    {
        // No caller declares columns, but another model reads abo.swaps.amount_in qualified: it is inferred there only.
        var graph = Build([.. Project(Model("abo_volume", "select s.amount_in from abo.swaps s", "abo.swaps")).Where(a => a.Id != "ape_trades")]);

        var abo = graph.Find("abo_trades")!;
        Assert.That(Sources(abo.FindColumn("amount_in")!), Is.EqualTo("abo.swaps.amount_in"));
        Assert.That(abo.Status, Is.EqualTo(LineageStatus.Inferred));
        Assert.That(Codes(abo), Has.No.Member(SqlLineage.InferredOwnerCode).And.No.Member("ambiguous-column"));
    }

    [Test]
    public void Build_AgainWithPreviousGraph_SameAsFullReadWhenTheWitnessChanges()
    {
        var first = Build(Project());

        var same = GraphBuilder.Build(Project(), "commit", DialectFacts.Postgres, first);
        var witnessGone = Project().Select(a => a.Id == "ape_trades" ? Model("ape_trades", "select t.pair, t.amount_in from ape.swaps t", "ape.swaps") : a).ToArray();
        var changed = GraphBuilder.Build(witnessGone, "commit", DialectFacts.Postgres, first).Graph;

        Assert.That(Bytes(same.Graph), Is.EqualTo(Bytes(first)));
        Assert.That(changed.Find("abo_trades")!.Status, Is.EqualTo(LineageStatus.Partial));
        Assert.That(Bytes(changed), Is.EqualTo(Bytes(Build(witnessGone))));
        Assert.That(Bytes(GraphBuilder.Build(Project(), "commit", DialectFacts.Postgres, changed).Graph), Is.EqualTo(Bytes(first)));
    }

    [Test]
    public void Snapshot_RoundTripAndExport_KeepTheShapesAndSayWhy()
    {
        var graph = Build(Project());

        var read = SnapshotReader.Read(Bytes(graph)).Graph!;
        var json = LineageExport.Render(read);

        Assert.That(Bytes(read), Is.EqualTo(Bytes(graph)));
        Assert.That(read.Find("ape_trades")!.NameShapes.Select(s => s.Source), Is.EqualTo(new[] { "t" }));
        Assert.That(read.Find("abo_trades")!.NameShapes.Select(s => s.Source), Is.EqualTo(new string?[] { null }));
        var summary = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("summary");
        Assert.That((summary.GetProperty("complete").GetInt32(), summary.GetProperty("inferred").GetInt32(), summary.GetProperty("partial").GetInt32()), Is.EqualTo((1, 1, 0)));
        Assert.That(json, Does.Contain("\"code\": \"inferred-column-owner\""));
        Assert.That(json, Does.Contain("\"why\": [").And.Contain("in ape_trades binds it to t on known columns"));
    }

    private static byte[] Bytes(LineageGraph graph)
    {
        using var stream = new MemoryStream();
        SnapshotWriter.Write(graph, stream);
        return stream.ToArray();
    }
}
