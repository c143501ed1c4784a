using ImpactBot.Sql.Lineage;

namespace ImpactBot.Sql.Tests.Lineage;

// MATCH_RECOGNIZE: partition columns and measures (ONE ROW PER MATCH), or the input's rows with the measures in the
// dialect's order (ALL ROWS PER MATCH); a clause that cannot be read stays a wildcard over its input, partial.
public sealed partial class SqlLineageTests
{
    private const string SnowflakeMatchRecognize = """
        select * from stock_price_history
          match_recognize (
            partition by company order by price_date
            measures match_number() as match_number, first(price_date) as start_date, last(price_date) as end_date
            one row per match
            after match skip to last row
            pattern (row_before_decrease row_with_price_decrease+ row_with_price_increase+)
            define row_with_price_decrease as price < lag(price), row_with_price_increase as price > lag(price)
          ) mr
        where company = 'ABCD'
        """;

    [Test]
    public void Analyze_MatchRecognizeOneRowPerMatch_PartitionColumnsThenMeasures()
    {
        var lineage = AssertLineage(Snowflake, SnowflakeMatchRecognize, "stock_price_history(company, price_date, price)",
            "company: stock_price_history.company copy",
            "match_number:",
            "start_date: stock_price_history.price_date aggregate",
            "end_date: stock_price_history.price_date aggregate",
            "row: stock_price_history.company group, stock_price_history.company filter, stock_price_history.price_date filter, stock_price_history.price filter");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete), string.Join("\n", lineage.Diagnostics));
    }

    [Test]
    public void Analyze_TrinoMatchRecognizeMeasures_ReadTheColumnsTheirPatternVariablesQualify()
    {
        var lineage = AssertLineage(Trino, """
            select m.custkey, m.starting_price, m.bottom_total, m.comment
            from orders match_recognize (
              partition by custkey order by orderdate
              measures a.totalprice as starting_price, last(b.totalprice) as bottom_total
              all rows per match
              after match skip past last row
              pattern (a b+ c+)
              subset u = (b, c)
              define b as b.totalprice < prev(b.totalprice), c as c.totalprice > prev(c.totalprice)
            ) as m
            """, null,
            "custkey: orders.custkey copy", "starting_price: orders.totalprice copy", "bottom_total: orders.totalprice aggregate", "comment: orders.comment copy",
            "row: orders.custkey filter, orders.orderdate filter, orders.totalprice filter");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete), string.Join("\n", lineage.Diagnostics));
    }

    [Test]
    public void Analyze_TrinoAllRowsPerMatchStar_PartitionOrderMeasuresThenTheRest() =>
        AssertLineage(Trino, """
            with trades as (select tx, idx, sold, bought from t)
            select * from trades match_recognize (
              partition by tx order by idx
              measures classifier() as kind
              all rows per match
              pattern (a b+)
              define b as sold = prev(bought)
            ) p
            """, "t(tx, idx, sold, bought)",
            "tx: t.tx copy", "idx: t.idx copy", "kind:", "sold: t.sold copy", "bought: t.bought copy",
            "row: t.tx filter, t.idx filter, t.sold filter, t.bought filter");

    [Test]
    public void Analyze_SnowflakeAllRowsPerMatchStar_InputColumnsThenMeasures() =>
        AssertLineage(Snowflake, """
            select * from t match_recognize (
              partition by tx order by idx
              measures match_number() as n
              all rows per match
              pattern (a b+)
              define b as sold = lag(bought)
            )
            """, "t(tx, idx, sold, bought)",
            "tx: t.tx copy", "idx: t.idx copy", "sold: t.sold copy", "bought: t.bought copy", "n:",
            "row: t.tx filter, t.idx filter, t.sold filter, t.bought filter");

    [Test]
    public void Analyze_UnreadableMatchRecognize_WildcardOverInputAndPartial()
    {
        var lineage = AssertLineage(Snowflake,
            "select * from (select id, v from t where ok) match_recognize (order by id pattern (a+) define a as v > 0 whatever comes here)", null,
            "*: t.id copy, t.v copy",
            "row: t.ok filter");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Partial));
        Assert.That(lineage.Diagnostics.Select(d => d.Code), Does.Contain("match-recognize"));
        Assert.That(lineage.Columns.Single().Opaque, Is.True);
    }

    [Test]
    public void Analyze_MatchRecognizeChanged_FingerprintChanges()
    {
        var before = Analyze(Snowflake, "select * from t match_recognize (order by id pattern (a+) define a as v > 0)");
        var after = Analyze(Snowflake, "select * from t match_recognize (order by id pattern (a+) define a as v > 1)");
        Assert.That(after.Clauses, Is.Not.EqualTo(before.Clauses));
    }
}
