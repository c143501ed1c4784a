namespace ImpactBot.Sql.Tests.Lineage;

public sealed partial class SqlLineageTests
{
    [Test]
    public void Analyze_SnowflakePivotWithoutAliases_KeepsQuotedNames() =>
        AssertLineage(Snowflake, "select * from (select region, quarter, amount from sales) pivot (sum(amount) for quarter in ('Q1', 'Q2'))", null,
            "region: sales.region copy",
            "'q1': sales.amount aggregate, sales.quarter conditional",
            "'q2': sales.amount aggregate, sales.quarter conditional",
            "row: sales.region group");

    [Test]
    public void Analyze_PivotOverSchemaTable_LeftoverColumnsAreGroupKeys() =>
        AssertLineage(Databricks, "select * from sales pivot (sum(amount) as total for quarter in ('Q1' as q1))", "sales(region, rep, quarter, amount)",
            "region: sales.region copy", "rep: sales.rep copy", "q1: sales.amount aggregate, sales.quarter conditional",
            "row: sales.region group, sales.rep group");

    [Test]
    public void Analyze_PivotTwoAggregates_NamesCombineValueAndAlias() =>
        AssertLineage(Databricks, "select * from (select r, q, a, b from s) pivot (sum(a) as sa, max(b) as mb for q in ('x' as x))", null,
            "r: s.r copy", "x_sa: s.a aggregate, s.q conditional", "x_mb: s.b aggregate, s.q conditional", "row: s.r group");

    [Test]
    public void Analyze_PivotOverUnknownTable_NamedColumnsStillResolve() =>
        AssertLineage(Snowflake, "select region, q1 from sales pivot (sum(amount) for quarter in ('Q1' as q1)) p", null,
            "region: sales.region copy", "q1: sales.amount aggregate, sales.quarter conditional");

    [Test]
    public void Analyze_UnpivotIncludeNulls_NoFilterEdges() =>
        AssertLineage(Snowflake, "select id, m, v from monthly unpivot include nulls (v for m in (jan, feb))", null,
            "id: monthly.id copy", "m: monthly.jan conditional, monthly.feb conditional", "v: monthly.jan copy, monthly.feb copy");

    [Test]
    public void Analyze_UnpivotWithSchemaStar_LeftoverThenNameThenValue() =>
        AssertLineage(Snowflake, "select * from monthly unpivot (v for m in (jan, feb))", "monthly(id, jan, feb)",
            "id: monthly.id copy", "m: monthly.jan conditional, monthly.feb conditional", "v: monthly.jan copy, monthly.feb copy",
            "row: monthly.jan filter, monthly.feb filter");
}
