using ImpactBot.Sql.Lineage;

namespace ImpactBot.Sql.Tests.Lineage;

// MATCH_RECOGNIZE: a wildcard over its input, partial.
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
    public void Analyze_SnowflakeMatchRecognizeStar_WildcardOverInputAndPartial()
    {
        var lineage = AssertLineage(Snowflake, SnowflakeMatchRecognize, "stock_price_history(company, price_date, price)",
            "*: stock_price_history.* copy",
            "row: stock_price_history.company filter");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Partial));
        Assert.That(lineage.Tables, Is.EqualTo(new[] { "stock_price_history" }));
        Assert.That(lineage.Diagnostics.Select(d => d.Code), Does.Contain("match-recognize"));
        Assert.That(lineage.Columns.Single().Opaque, Is.True);
    }

    [Test]
    public void Analyze_TrinoMatchRecognizeNamedColumns_ResolveByNameOnTheInput()
    {
        var lineage = AssertLineage(Trino, """
            select m.custkey, m.bottom_total
            from orders match_recognize (
              partition by custkey order by orderdate
              measures a.totalprice as starting_price, last(b.totalprice) as bottom_total
              all rows per match
              pattern (a b+ c+)
              define b as b.totalprice < prev(b.totalprice), c as c.totalprice > prev(c.totalprice)
            ) as m
            """, null,
            "custkey: orders.custkey copy", "bottom_total: orders.bottom_total copy");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Partial));
    }

    [Test]
    public void Analyze_MatchRecognizeOverDerivedTable_KeepsInnerRowEdgesAndSources()
    {
        var lineage = AssertLineage(Snowflake,
            "select * from (select id, v from t where ok) match_recognize (order by id measures count(*) as n pattern (a+) define a as v > 0)", null,
            "*: t.id copy, t.v copy",
            "row: t.ok filter");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Partial));
    }

    [Test]
    public void Analyze_MatchRecognizeChanged_FingerprintChanges()
    {
        var before = Analyze(Snowflake, "select * from t match_recognize (order by id pattern (a+) define a as v > 0)");
        var after = Analyze(Snowflake, "select * from t match_recognize (order by id pattern (a+) define a as v > 1)");
        Assert.That(after.Clauses, Is.Not.EqualTo(before.Clauses));
    }
}
