using ImpactBot.Sql.Lineage;

namespace ImpactBot.Sql.Tests.Lineage;

// DuckDB's PIVOT / UNPIVOT statements share the FROM-clause pivot model.
public sealed partial class SqlLineageTests
{
    private const string Cities = "cities(country, name, year, population)";

    [Test]
    public void Analyze_DuckDbPivotStatementWithGroupBy_KeepsOnlyGroupKeys()
    {
        var lineage = AssertLineage(DuckDb, "pivot cities on year in (2000, 2010) using sum(population) group by country", null,
            "country: cities.country copy",
            "2000: cities.population aggregate, cities.year conditional",
            "2010: cities.population aggregate, cities.year conditional",
            "row: cities.country group");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete));
    }

    [Test]
    public void Analyze_DuckDbPivotStatementWithoutGroupBy_LeftoverColumnsAreGroupKeys() =>
        AssertLineage(DuckDb, "pivot cities on year in (2000) using sum(population)", Cities,
            "country: cities.country copy", "name: cities.name copy",
            "2000: cities.population aggregate, cities.year conditional",
            "row: cities.country group, cities.name group");

    [Test]
    public void Analyze_DuckDbPivotStatementSeveralOnColumns_NamesJoinValues() =>
        AssertLineage(DuckDb, "pivot cities on year in (2000, 2010), country in ('NL', 'US') using sum(population) group by name", null,
            "name: cities.name copy",
            "2000_nl: cities.population aggregate, cities.year conditional, cities.country conditional",
            "2000_us: cities.population aggregate, cities.year conditional, cities.country conditional",
            "2010_nl: cities.population aggregate, cities.year conditional, cities.country conditional",
            "2010_us: cities.population aggregate, cities.year conditional, cities.country conditional",
            "row: cities.name group");

    [Test]
    public void Analyze_DuckDbPivotStatementSeveralAggregates_NamesCombineValueAndAlias() =>
        AssertLineage(DuckDb, "pivot cities on year in (2000) using sum(population) as total, max(name) as top group by country", null,
            "country: cities.country copy",
            "2000_total: cities.population aggregate, cities.year conditional",
            "2000_top: cities.name aggregate, cities.year conditional",
            "row: cities.country group");

    [Test]
    public void Analyze_DuckDbPivotStatementWithoutUsing_CountsRows() =>
        AssertLineage(DuckDb, "pivot cities on year in (2000) group by country", null,
            "country: cities.country copy", "2000: cities.year conditional", "row: cities.country group");

    [Test]
    public void Analyze_DuckDbDynamicPivotStatement_WildcardAndPartialWithUpstreamKept()
    {
        var lineage = AssertLineage(DuckDb, "pivot cities on year using sum(population) group by country", null,
            "country: cities.country copy",
            "*: cities.population aggregate, cities.year conditional",
            "row: cities.country group");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Partial));
        Assert.That(lineage.Columns[1].Opaque, Is.True);
        Assert.That(lineage.Tables, Is.EqualTo(new[] { "cities" }));
    }

    [Test]
    public void Analyze_DuckDbPivotStatementInCte_ConsumerReadsGeneratedColumns() =>
        AssertLineage(DuckDb, "with p as (pivot cities on year in (2000) using sum(population) group by country) select country, \"2000\" as y2000 from p", null,
            "country: cities.country copy",
            "y2000: cities.population aggregate, cities.year conditional",
            "row: cities.country group");

    [Test]
    public void Analyze_DuckDbPivotStatementOverDerivedTable_WithOrderAndLimit() =>
        AssertLineage(DuckDb, "pivot (select country, year, population from cities where population > 0) on year in (2000) using sum(population) group by country order by country limit 5", null,
            "country: cities.country copy",
            "2000: cities.population aggregate, cities.year conditional",
            "row: cities.population filter, cities.country group, cities.country sort");

    [Test]
    public void Analyze_DuckDbUnpivotStatement_NameAndValueColumns() =>
        AssertLineage(DuckDb, "unpivot monthly on jan, feb into name month value sales", "monthly(empid, jan, feb)",
            "empid: monthly.empid copy",
            "month: monthly.jan conditional, monthly.feb conditional",
            "sales: monthly.jan copy, monthly.feb copy",
            "row: monthly.jan filter, monthly.feb filter");

    [Test]
    public void Analyze_DuckDbUnpivotStatementIncludeNullsDefaultNames_NoFilterEdges() =>
        AssertLineage(DuckDb, "select empid, name, value from (unpivot include nulls monthly on jan, feb)", null,
            "empid: monthly.empid copy",
            "name: monthly.jan conditional, monthly.feb conditional",
            "value: monthly.jan copy, monthly.feb copy");

    [Test]
    public void Analyze_DuckDbUnpivotStatementSeveralValueColumns_TuplesMapByPosition() =>
        AssertLineage(DuckDb, "unpivot monthly on (jan, feb) as h1, (mar, apr) as h2 into name half value first_month, second_month", "monthly(id, jan, feb, mar, apr)",
            "id: monthly.id copy",
            "half: monthly.jan conditional, monthly.feb conditional, monthly.mar conditional, monthly.apr conditional",
            "first_month: monthly.jan copy, monthly.mar copy",
            "second_month: monthly.feb copy, monthly.apr copy",
            "row: monthly.jan filter, monthly.feb filter, monthly.mar filter, monthly.apr filter");

    [Test]
    public void Analyze_DuckDbDynamicUnpivotStatement_WildcardAndPartial()
    {
        var lineage = AssertLineage(DuckDb, "unpivot monthly on columns(* exclude (empid)) into name month value sales", null,
            "*: monthly.* copy", "month: monthly.* conditional", "sales: monthly.* copy");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Partial));
        Assert.That(lineage.Diagnostics.Select(d => d.Code), Does.Contain("dynamic-pivot"));
    }

    [Test]
    public void Analyze_PivotStatementOutsideDuckDb_StaysUnparsed()
    {
        var lineage = Analyze(Snowflake, "pivot cities on year using sum(population)");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Failed));
    }

    [Test]
    public void Analyze_PivotOnColumnMissingFromKnownInput_ReportsIt()
    {
        var lineage = Analyze(DuckDb, "pivot (select country, population from cities) on year in (2000) using sum(population) group by country");
        Assert.That(lineage.Diagnostics.Select(d => (d.Code, d.Span.Column)), Does.Contain(("unresolved-column", 51)));
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Partial));
    }

    [Test]
    public void Analyze_DuckDbUnpivotOnExpression_ReportedAndDynamic()
    {
        var lineage = Analyze(DuckDb, "unpivot monthly on jan + feb into name m value v");
        Assert.That(lineage.Diagnostics.Select(d => d.Code), Is.SupersetOf(new[] { "unpivot-on-expression", "dynamic-pivot" }));
        Assert.That(lineage.Columns.Select(c => c.Name), Is.EqualTo(new[] { "*", "m", "v" }));
    }

    [TestCase("create table p as pivot cities on year in (2000) using sum(population) group by country", "p")]
    [TestCase("insert into p pivot_wider cities on year in (2000) using sum(population) group by country", "p")]
    [TestCase("pivot_wider cities on year in (2000) using sum(population) group by country", null)]
    public void Analyze_DuckDbPivotStatementAsCreateOrInsertQuery_Traced(string sql, string? target)
    {
        var lineage = AssertLineage(DuckDb, sql, null,
            "country: cities.country copy", "2000: cities.population aggregate, cities.year conditional", "row: cities.country group");
        Assert.That(lineage.Target, Is.EqualTo(target));
    }

    [Test]
    public void Analyze_DuckDbPivotLonger_IsUnpivot() =>
        AssertLineage(DuckDb, "pivot_longer monthly on jan, feb into name month value sales", "monthly(id, jan, feb)",
            "id: monthly.id copy", "month: monthly.jan conditional, monthly.feb conditional", "sales: monthly.jan copy, monthly.feb copy",
            "row: monthly.jan filter, monthly.feb filter");
}
