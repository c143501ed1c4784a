namespace ImpactBot.Sql.Tests.Lineage;

public sealed partial class SqlLineageTests
{
    [Test]
    public void Analyze_UnionAll_MapsByPosition() =>
        AssertLineage(Postgres, "select a as k from t1 union all select b from t2", null, "k: t1.a copy, t2.b copy");

    [Test]
    public void Analyze_UnionDistinct_AddsGroupEdges() =>
        AssertLineage(Postgres, "select a from t1 union select b from t2", null, "a: t1.a copy, t2.b copy", "row: t1.a group, t2.b group");

    [Test]
    public void Analyze_UnionNamesFromLeftBranch_IgnoresRightAliases() =>
        AssertLineage(Postgres, "select a as left_name from t1 union all select b as right_name from t2", null, "left_name: t1.a copy, t2.b copy");

    [Test]
    public void Analyze_UnionBranchFilters_AllBecomeRowEdges() =>
        AssertLineage(Postgres, "select a from t1 where x > 0 union all select b from t2 where y > 0", null,
            "a: t1.a copy, t2.b copy", "row: t1.x filter, t2.y filter");

    [Test]
    public void Analyze_Intersect_RightSideOnlyFilters() =>
        AssertLineage(Postgres, "select id from a intersect select id from b", null, "id: a.id copy", "row: b.id filter, a.id group");

    [Test]
    public void Analyze_ExceptAll_NoGroupEdges() =>
        AssertLineage(Postgres, "select id from a except all select id from b", null, "id: a.id copy", "row: b.id filter");

    [Test]
    public void Analyze_SnowflakeMinus_IsExcept() =>
        AssertLineage(Snowflake, "select id from a minus select id from b", null, "id: a.id copy", "row: b.id filter, a.id group");

    [Test]
    public void Analyze_UnionByName_MatchesByName() =>
        AssertLineage(DuckDb, "select x, y from a union all by name select y, z from b", null, "x: a.x copy", "y: a.y copy, b.y copy", "z: b.z copy");

    [Test]
    public void Analyze_UnionWithOrderByLimit_SortsByPosition() =>
        AssertLineage(Postgres, "select a, b from t1 union all select c, d from t2 order by 2 limit 5", null,
            "a: t1.a copy, t2.c copy", "b: t1.b copy, t2.d copy", "row: t1.b sort, t2.d sort");

    [Test]
    public void Analyze_UnionInCte_ThroughConsumer() =>
        AssertLineage(BigQuery, "with u as (select a as v from ds.t1 union all select b from ds.t2) select sum(v) as total from u", null,
            "total: ds.t1.a aggregate, ds.t2.b aggregate");

    [Test]
    public void Analyze_UnionArityMismatch_ReportsDiagnostic()
    {
        var lineage = Analyze(Postgres, "select a, b from t1 union all select c from t2");
        Assert.That(lineage.Diagnostics.Select(d => d.Code), Does.Contain("set-operation-arity"));
    }

    [Test]
    public void Analyze_Values_HasNoSources() =>
        AssertLineage(Postgres, "select column1 as x from (values (1), (2)) v", null, "x:");
}
