using ImpactBot.Sql.Lineage;

namespace ImpactBot.Sql.Tests.Lineage;

// Snowflake multi-table INSERT: one lineage per target through AnalyzeAll.
public sealed partial class SqlLineageTests
{
    private const string ConditionalInsert = """
        insert all
          when amount > 100 then into big (id, amt) values (id, amount)
          when region = 'EU' then into eu (id) values (id)
                                  into audit (id, note) values (id, 'eu')
          else into rest
        select id, amount, region from orders where not deleted
        """;

    [Test]
    public void AnalyzeAll_InsertAllWithWhen_EachTargetFilteredByItsOwnCondition()
    {
        var all = AnalyzeAll(ConditionalInsert, Snowflake);
        Assert.That(all.Select(l => l.Target), Is.EqualTo(new[] { "big", "eu", "audit", "rest" }));
        AssertEdges(all[0], Snowflake, "id: orders.id copy", "amt: orders.amount copy", "row: orders.deleted filter, orders.amount filter");
        AssertEdges(all[1], Snowflake, "id: orders.id copy", "row: orders.deleted filter, orders.region filter");
        AssertEdges(all[2], Snowflake, "id: orders.id copy", "note:", "row: orders.deleted filter, orders.region filter");
        AssertEdges(all[3], Snowflake, "id: orders.id copy", "amount: orders.amount copy", "region: orders.region copy",
            "row: orders.deleted filter, orders.amount filter, orders.region filter");
        Assert.That(all.Select(l => l.Status), Has.All.EqualTo(LineageStatus.Complete));
        Assert.That(all.Select(l => l.Tables.Single()), Has.All.EqualTo("orders"));
    }

    [Test]
    public void AnalyzeAll_InsertFirst_LaterTargetsAlsoFilteredByEarlierConditions()
    {
        var all = AnalyzeAll(ConditionalInsert.Replace("insert all", "insert first", StringComparison.Ordinal), Snowflake);
        AssertEdges(all[0], Snowflake, "id: orders.id copy", "amt: orders.amount copy", "row: orders.deleted filter, orders.amount filter");
        AssertEdges(all[1], Snowflake, "id: orders.id copy", "row: orders.deleted filter, orders.amount filter, orders.region filter");
    }

    [Test]
    public void AnalyzeAll_UnconditionalInsertAll_EveryTargetMapsByPosition()
    {
        var all = AnalyzeAll("insert overwrite all into t1 into t2 (x, y) select a, b + 1 as c from s", Snowflake, Schema(Snowflake, "t1(p, q)"));
        Assert.That(all.Select(l => l.Target), Is.EqualTo(new[] { "t1", "t2" }));
        AssertEdges(all[0], Snowflake, "p: s.a copy", "q: s.b transform");
        AssertEdges(all[1], Snowflake, "x: s.a copy", "y: s.b transform");
    }

    [Test]
    public void AnalyzeAll_InsertAllValuesReadQueryAliases_ComposeThroughTheQuery()
    {
        var all = AnalyzeAll("insert all into t (total) values (c) select sum(v) as c from s group by k", Snowflake);
        AssertEdges(all.Single(), Snowflake, "total: s.v aggregate", "row: s.k group");
    }

    [Test]
    public void Analyze_MultiTableInsert_MainLineageIsTheLastTarget()
    {
        var lineage = Analyze(Snowflake, ConditionalInsert);
        Assert.That(lineage.Target, Is.EqualTo("rest"));
    }

    [Test]
    public void AnalyzeAll_WithBeforeMultiTableInsert_CtesFeedTheQuery()
    {
        var all = AnalyzeAll("with c as (select a from s where ok) insert all into t1 into t2 select a from c", Snowflake);
        AssertEdges(all[1], Snowflake, "a: s.a copy", "row: s.ok filter");
    }

    [Test]
    public void AnalyzeAll_MultiTableInsertWithoutQuery_PartialWithLineAndColumn()
    {
        var all = AnalyzeAll("insert all\n  into t1 values (a)\n  ;", Snowflake);
        var diagnostic = all.Single().Diagnostics.First(d => d.Code == "unexpected-token");
        Assert.That(all.Single().Status, Is.Not.EqualTo(LineageStatus.Complete));
        Assert.That((diagnostic.Span.Line, diagnostic.Span.Column), Is.EqualTo((2, 20)));
    }
}
