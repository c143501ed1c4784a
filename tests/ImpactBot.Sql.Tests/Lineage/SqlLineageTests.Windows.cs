namespace ImpactBot.Sql.Tests.Lineage;

public sealed partial class SqlLineageTests
{
    [Test]
    public void Analyze_RowNumber_OnlyConditionalKeys() =>
        AssertLineage(Postgres, "select row_number() over (partition by a order by b) as rn from t", null, "rn: t.a conditional, t.b conditional");

    [Test]
    public void Analyze_WindowSum_ArgumentIsWindowEdge() =>
        AssertLineage(Postgres, "select sum(x) over (partition by g) as s from t", null, "s: t.x window, t.g conditional");

    [Test]
    public void Analyze_NamedWindow_KeysNotDropped() =>
        AssertLineage(Postgres, "select lag(x) over w as prev from t window w as (partition by g order by d)", null, "prev: t.x window, t.g conditional, t.d conditional");

    [Test]
    public void Analyze_NamedWindowExtended_CombinesKeys() =>
        AssertLineage(Postgres, "select sum(x) over (w order by d) as running from t window w as (partition by g)", null, "running: t.x window, t.g conditional, t.d conditional");

    [Test]
    public void Analyze_WindowOverAggregate_AggregateArgument() =>
        AssertLineage(Postgres, "select g, sum(sum(x)) over () as grand from t group by g", null, "g: t.g copy", "grand: t.x window", "row: t.g group");

    [Test]
    public void Analyze_QualifyDedup_FilterEdges() =>
        AssertLineage(Snowflake, "select id, v from t qualify row_number() over (partition by id order by ts desc) = 1", null,
            "id: t.id copy", "v: t.v copy", "row: t.id filter, t.ts filter");

    [Test]
    public void Analyze_QualifyUsesProjectionAlias_ResolvesAlias() =>
        AssertLineage(Snowflake, "select id, row_number() over (partition by k order by ts) as rn from t qualify rn = 1", "t(id, k, ts)",
            "id: t.id copy", "rn: t.k conditional, t.ts conditional", "row: t.k filter, t.ts filter");

    [Test]
    public void Analyze_WindowFrame_KeysOnly() =>
        AssertLineage(Postgres, "select avg(x) over (order by d rows between 6 preceding and current row) as ma from t", null, "ma: t.x window, t.d conditional");

    [Test]
    public void Analyze_WindowPartitionKeyAlsoArgument_KeepsValueEdge() =>
        AssertLineage(Postgres, "select count(x) over (partition by x) as c from t", null, "c: t.x window");

    [Test]
    public void Analyze_OrderByWithoutLimit_NoSortEdges() =>
        AssertLineage(Postgres, "select id from t order by created_at", null, "id: t.id copy");

    [Test]
    public void Analyze_OrderByWithLimit_SortEdges() =>
        AssertLineage(Postgres, "select id from t order by created_at desc limit 10", null, "id: t.id copy", "row: t.created_at sort");

    [Test]
    public void Analyze_OrderByAliasWithLimit_ResolvesAlias() =>
        AssertLineage(Postgres, "select id, amount * 2 as dbl from t order by dbl limit 3", "t(id, amount)", "id: t.id copy", "dbl: t.amount transform", "row: t.amount sort");

    [Test]
    public void Analyze_TopWithOrderBy_SortEdges() =>
        AssertLineage(Snowflake, "select top 5 id from t order by score desc", null, "id: t.id copy", "row: t.score sort");

    [Test]
    public void Analyze_FetchFirst_IsLimit() =>
        AssertLineage(Postgres, "select id from t order by score fetch first 3 rows only", null, "id: t.id copy", "row: t.score sort");

    [Test]
    public void Analyze_GroupByKeys_GroupEdges() =>
        AssertLineage(Postgres, "select region, sum(x) as s from t group by region", null, "region: t.region copy", "s: t.x aggregate", "row: t.region group");

    [Test]
    public void Analyze_GroupByExpression_GroupEdges() =>
        AssertLineage(Postgres, "select date_trunc('month', d) as m, count(*) as n from t group by date_trunc('month', d)", null,
            "m: t.d transform", "n:", "row: t.d group");

    [Test]
    public void Analyze_GroupByPosition_UsesProjection() =>
        AssertLineage(Postgres, "select lower(email) as e, count(*) as n from t group by 1", null, "e: t.email transform", "n:", "row: t.email group");

    [Test]
    public void Analyze_GroupByAlias_ResolvesProjection() =>
        AssertLineage(BigQuery, "select lower(email) as e, count(*) as n from ds.t group by e", "ds.t(email)", "e: ds.t.email transform", "n:", "row: ds.t.email group");

    [Test]
    public void Analyze_GroupByAll_NonAggregateProjections() =>
        AssertLineage(Snowflake, "select a, b + 1 as b1, sum(c) as s from t group by all", null,
            "a: t.a copy", "b1: t.b transform", "s: t.c aggregate", "row: t.a group, t.b group");

    [Test]
    public void Analyze_GroupByRollup_KeysAreGroupEdges() =>
        AssertLineage(Postgres, "select a, b, sum(c) as s from t group by rollup (a, b)", null,
            "a: t.a copy", "b: t.b copy", "s: t.c aggregate", "row: t.a group, t.b group");

    [Test]
    public void Analyze_Having_FilterEdges() =>
        AssertLineage(Postgres, "select a from t group by a having count(distinct b) > 1", null, "a: t.a copy", "row: t.a group, t.b filter");

    [Test]
    public void Analyze_Distinct_GroupEdgesOnOutputs() =>
        AssertLineage(Postgres, "select distinct a, b from t", null, "a: t.a copy", "b: t.b copy", "row: t.a group, t.b group");

    [Test]
    public void Analyze_DistinctOn_KeysAreGroupEdges() =>
        AssertLineage(Postgres, "select distinct on (customer_id) id from t", null, "id: t.id copy", "row: t.customer_id group");
}
