using ImpactBot.Sql.Lineage;
using ImpactBot.Sql.Lineage.Binding;

namespace ImpactBot.Sql.Tests.Lineage;

public sealed partial class SqlLineageTests
{
    private const string SwapsOnKnownColumns = "select t.pair, amount_in from ape_swaps t join ape_pairs f on f.pair = t.pair";

    private const string SwapsOnUnknownColumns = "select t.pair, amount_in from abo_swaps t join abo_pairs f on f.pair = t.pair";

    [Test]
    public void Analyze_NameBoundOnKnownColumnsAmongSeveralItems_IsEvidenceForItsShape()
    {
        var known = Analyze(Postgres, SwapsOnKnownColumns, "ape_swaps(pair, amount_in); ape_pairs(pair, token)");
        var unknown = Analyze(Postgres, SwapsOnUnknownColumns);

        Assert.That(known.NameShapes.Select(s => s.Source), Is.EqualTo(new[] { "t" }));
        Assert.That(unknown.NameShapes.Select(s => s.Source), Is.EqualTo(new string?[] { null }));
        Assert.That(unknown.NameShapes[0].Key, Is.EqualTo(known.NameShapes[0].Key), "same aliases and output names, other tables");
        Assert.That(Analyze(Postgres, SwapsOnUnknownColumns.Replace("amount_in", "amount_in, t.fee", StringComparison.Ordinal)).NameShapes[0].Key, Is.Not.EqualTo(known.NameShapes[0].Key));
    }

    [Test]
    public void Analyze_AmbiguousNameTheSchemaGivesAnOwner_ReadsThatItemWithAnInfoDiagnostic()
    {
        var key = Analyze(Postgres, SwapsOnUnknownColumns).NameShapes[0].Key;

        var lineage = AnalyzeWithOwners(SwapsOnUnknownColumns, new() { [key] = new NameOwner("t", "ape_trades") });

        AssertEdges(lineage, Postgres, "pair: abo_swaps.pair copy", "amount_in: abo_swaps.amount_in copy", "row: abo_pairs.pair join, abo_swaps.pair join");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete));
        Assert.That(lineage.SettledNames, Is.EqualTo(1));
        Assert.That(lineage.Diagnostics.Single().Code, Is.EqualTo(SqlLineage.InferredOwnerCode));
        Assert.That(lineage.OpenReads.Select(r => $"{r.Table}.{r.Column}"), Does.Contain("abo_swaps.amount_in"));
    }

    [Test]
    public void Analyze_OwnerNotAmongTheItems_StaysAmbiguous()
    {
        var key = Analyze(Postgres, SwapsOnUnknownColumns).NameShapes[0].Key;

        var lineage = AnalyzeWithOwners(SwapsOnUnknownColumns, new() { [key] = new NameOwner("s", "elsewhere") });

        Assert.That(lineage.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "ambiguous-column" }));
        Assert.That(lineage.SettledNames, Is.Zero);
    }

    private static QueryLineage AnalyzeWithOwners(string sql, Dictionary<string, NameOwner> owners)
    {
        using var strict = StrictMode.Enable();
        return SqlLineage.Analyze(sql, Postgres, new OwnersOnly(owners));
    }

    /// <summary>No table's columns are known; only the owners of ambiguous names by query shape.</summary>
    private sealed class OwnersOnly(Dictionary<string, NameOwner> owners) : ISchemaProvider
    {
        public IReadOnlyList<string>? FindColumns(IReadOnlyList<string> nameParts) => null;

        public NameOwner? OwnerOf(string shapeKey) => owners.GetValueOrDefault(shapeKey);
    }
}
