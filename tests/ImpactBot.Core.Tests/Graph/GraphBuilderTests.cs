using ImpactBot.Core.Graph;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage;
using static ImpactBot.Core.Tests.SqlAssets;

namespace ImpactBot.Core.Tests.Graph;

public sealed class GraphBuilderTests
{
    private static string Sources(ColumnNode column) => string.Join(", ", column.Sources.Select(s => $"{s.Asset}.{s.Column}:{s.Kind.ToName()}"));

    [Test]
    public void Build_StarOverUpstreamModel_ExpandsFromItsOutputs()
    {
        var graph = Build(
            Source("raw.payments", "id", "amount", "status"),
            Model("stg", "select id, amount * 100 as cents from raw.payments", "raw.payments"),
            Model("mart", "select * from stg", "stg"));

        var mart = graph.Find("mart")!;
        Assert.That(mart.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "cents" }));
        Assert.That(Sources(mart.Columns[1]), Is.EqualTo("stg.cents:copy"));
        Assert.That(mart.HasWildcard, Is.False);
    }

    [Test]
    public void Build_StarOverSourceWithoutColumns_WildcardAndPartial()
    {
        var graph = Build(Source("raw.events"), Model("stg", "select * from raw.events", "raw.events"));

        var stg = graph.Find("stg")!;
        Assert.That(stg.HasWildcard, Is.True);
        Assert.That(stg.Status, Is.EqualTo(LineageStatus.Partial));
    }

    [Test]
    public void Build_TablesResolveToAssetIds_RowEdgesKept()
    {
        var graph = Build(
            Source("raw.payments", "id", "amount", "status"),
            Model("stg", "select id from raw.payments where status = 'ok'", "raw.payments"));

        var stg = graph.Find("stg")!;
        Assert.That(Sources(stg.Columns[0]), Is.EqualTo("raw.payments.id:copy"));
        Assert.That(stg.RowSources.Select(e => $"{e.Asset}.{e.Column}:{e.Kind.ToName()}"), Is.EqualTo(new[] { "raw.payments.status:filter" }));
    }

    [Test]
    public void Build_PlainSqlWithoutDeclaredDependencies_OrdersByWhatTheSqlReads()
    {
        var graph = Build(
            Model("mart", "select * from stg"),
            Model("stg", "select id, amount from raw_payments"));

        Assert.That(graph.Find("mart")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "amount" }));
        Assert.That(graph.Find("mart")!.DependsOn, Does.Contain("stg"));
    }

    [Test]
    public void Build_SamePreviousGraph_ReusesEveryModel()
    {
        var assets = new[] { Source("raw", "id"), Model("a", "select id from raw", "raw"), Model("b", "select id from a", "a") };
        var first = GraphBuilder.Build(assets, "c1", DialectFacts.Postgres);

        var second = GraphBuilder.Build(assets, "c2", DialectFacts.Postgres, first.Graph);

        Assert.That((second.Analysed, second.Reused), Is.EqualTo((0, 2)));
    }

    [Test]
    public void Build_UpstreamExpressionEdit_DownstreamReused()
    {
        var before = new[] { Source("raw", "id", "x"), Model("a", "select id, x + 1 as y from raw", "raw"), Model("b", "select * from a", "a") };
        var after = new[] { before[0], Model("a", "select id, x + 2 as y from raw", "raw"), before[2] };
        var first = GraphBuilder.Build(before, "c1", DialectFacts.Postgres);

        var second = GraphBuilder.Build(after, "c2", DialectFacts.Postgres, first.Graph);

        Assert.That((second.Analysed, second.Reused), Is.EqualTo((1, 1)));
    }

    [Test]
    public void Build_UpstreamInterfaceChange_DownstreamReanalysed()
    {
        var before = new[] { Source("raw", "id", "x"), Model("a", "select id from raw", "raw"), Model("b", "select * from a", "a") };
        var after = new[] { before[0], Model("a", "select id, x from raw", "raw"), before[2] };
        var first = GraphBuilder.Build(before, "c1", DialectFacts.Postgres);

        var second = GraphBuilder.Build(after, "c2", DialectFacts.Postgres, first.Graph);

        Assert.That(second.Analysed, Is.EqualTo(2));
        Assert.That(second.Graph.Find("b")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "x" }));
    }

    [Test]
    public void Build_DependencyCycle_DiagnosticAndBothModelsBound()
    {
        var graph = Build(Model("a", "select id from b", "b"), Model("b", "select id from a", "a"));

        Assert.That(graph.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "dependency-cycle", "dependency-cycle" }));
        Assert.That(graph.Find("a")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id" }));
    }

    [Test]
    public void Build_DependencyCycle_DiagnosticAtTheTableThatClosesIt()
    {
        var graph = Build(Model("a", "select id\nfrom b", "b"), Model("b", "select id\n  from a", "a"));

        var positions = graph.Diagnostics.Select(d => $"{d.Path}:{d.Line}:{d.Column}");
        Assert.That(positions, Is.EquivalentTo(new[] { "models/a.sql:2:6", "models/b.sql:2:8" }));
    }

    [Test]
    public void Build_UnreadableSql_FailedWithDeclaredColumnsAndModelLevelDependency()
    {
        var model = Model("broken", "this is not sql at all (((", "raw") with { DeclaredColumns = [new DeclaredColumn("id", null, 4)] };

        var graph = Build(Source("raw", "id"), model);

        var broken = graph.Find("broken")!;
        Assert.That(broken.Status, Is.EqualTo(LineageStatus.Failed));
        Assert.That(broken.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id" }));
        Assert.That(broken.DependsOn, Is.EqualTo(new[] { "raw" }));
        Assert.That(broken.Diagnostics, Is.Not.Empty);
    }
}
