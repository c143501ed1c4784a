using ImpactBot.Sql.Lineage;
using ImpactBot.Sql.Syntax;

namespace ImpactBot.Sql.Tests.Lineage;

public sealed partial class SqlLineageTests
{
    [Test]
    public void Analyze_CreateTableAs_TargetAndLineage()
    {
        var lineage = AssertLineage(Snowflake, "create or replace table analytics.daily as select d, sum(x) as s from raw.t group by d", null,
            "d: raw.t.d copy", "s: raw.t.x aggregate", "row: raw.t.d group");
        Assert.That(lineage.Target, Is.EqualTo("analytics.daily"));
    }

    [Test]
    public void Analyze_CreateViewWithColumnList_RenamesByPosition() =>
        AssertLineage(Postgres, "create view v (a, b) as select x, y from t", null, "a: t.x copy", "b: t.y copy");

    [Test]
    public void Analyze_InsertWithColumnList_NamesFromTarget()
    {
        var lineage = AssertLineage(Postgres, "insert into mart.totals (customer, total) select c, sum(v) from t group by c", null,
            "customer: t.c copy", "total: t.v aggregate", "row: t.c group");
        Assert.That(lineage.Target, Is.EqualTo("mart.totals"));
    }

    [Test]
    public void Analyze_InsertWithoutColumnList_KeepsQueryNames() =>
        AssertLineage(Postgres, "insert into mart.t select a, b as bb from s", null, "a: s.a copy", "bb: s.b copy");

    [Test]
    public void Analyze_InsertWithoutColumnListKnownTarget_NamesFromTargetByPosition() =>
        AssertLineage(Postgres, "insert into mart.t select a, b as bb from s", "mart.t(id, \"Total\", extra)",
            "id: s.a copy", "total: s.b copy");

    [Test]
    public void Analyze_InsertWithoutColumnListLongerQuery_ReportsMismatch()
    {
        var lineage = AssertLineage(Postgres, "insert into mart.t select a, b, c from s", "mart.t(id, total)",
            "id: s.a copy", "total: s.b copy", "c: s.c copy");
        Assert.That(lineage.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "column-count-mismatch" }));
    }

    [Test]
    public void Analyze_InsertColumnCountMismatch_ReportsDiagnostic()
    {
        var lineage = Analyze(Postgres, "insert into t (a, b, c) select x from s");
        Assert.That(lineage.Diagnostics.Select(d => d.Code), Does.Contain("column-count-mismatch"));
    }

    [Test]
    public void Analyze_Merge_AssignmentsAndOnKeys()
    {
        var lineage = AssertLineage(Snowflake, """
            merge into dim.customers t using staging.customers s on t.id = s.id
            when matched then update set name = s.name
            when not matched then insert (id, name) values (s.id, s.name)
            """, null,
            "name: staging.customers.name copy", "id: staging.customers.id copy", "row: dim.customers.id join, staging.customers.id join");
        Assert.That(lineage.Target, Is.EqualTo("dim.customers"));
    }

    [Test]
    public void Analyze_SeveralStatements_UsesLastProducingRows() =>
        AssertLineage(Postgres, "create temp table x as select a from t1; select b from t2; grant select on t2 to bob;", null, "b: t2.b copy");

    [Test]
    public void AnalyzeAll_SeveralStatements_OneLineageEach()
    {
        var all = AnalyzeAll("select a from t1; select b from t2", Postgres);
        Assert.That(all.Select(l => l.Columns.Single().Name), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Analyze_NoStatement_FailedWithDiagnostic()
    {
        var lineage = Analyze(Postgres, "   -- nothing here\n");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Failed));
        Assert.That(lineage.Diagnostics, Is.Not.Empty);
    }

    [Test]
    public void Analyze_OnlyOpaqueStatement_Failed()
    {
        var lineage = Analyze(Postgres, "grant select on t to bob");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Failed));
    }

    [Test]
    public void Bind_ParsedStatement_SameAsAnalyze()
    {
        var parsed = SqlParser.Parse("select id from t", Postgres);
        var lineage = SqlLineage.Bind(parsed.Statements.Single(), Postgres);
        Assert.That(lineage.Columns.Single().Sources.Single(), Is.EqualTo(new ColumnSource("t", "id", EdgeKind.Copy)));
    }

    [Test]
    public void Analyze_TSqlTopWithOrderBy_SortEdges() =>
        AssertLineage(TSql, "SELECT TOP 3 c.Name FROM dbo.Customers AS c ORDER BY c.Score DESC", null, "name: dbo.customers.name copy", "row: dbo.customers.score sort");

    [Test]
    public void Analyze_TSqlBracketedNames_Resolve() =>
        AssertLineage(TSql, "SELECT [o].[Total] AS [Amount] FROM [dbo].[Orders] AS [o] WHERE [o].[Status] = 1", null,
            "amount: dbo.orders.total copy", "row: dbo.orders.status filter");

    [Test]
    public void Analyze_TSqlCrossApply_SeesLeftSide() =>
        AssertLineage(TSql, "SELECT c.Id, x.Total FROM dbo.Customers c CROSS APPLY (SELECT SUM(o.Amount) AS Total FROM dbo.Orders o WHERE o.CustomerId = c.Id) x", null,
            "id: dbo.customers.id copy", "total: dbo.orders.amount aggregate", "row: dbo.orders.customerid filter, dbo.customers.id filter");

    [Test]
    public void Analyze_WithThenMerge_SourceReadsThroughCte() =>
        AssertLineage(Snowflake, """
            with latest as (select id, upper(name) as name from raw.customers)
            merge into dim.customers t using latest s on t.id = s.id
            when matched then update set name = s.name
            """, null, "name: raw.customers.name transform", "row: dim.customers.id join, raw.customers.id join");
}
