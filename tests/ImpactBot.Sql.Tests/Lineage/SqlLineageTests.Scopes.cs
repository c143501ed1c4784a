namespace ImpactBot.Sql.Tests.Lineage;

public sealed partial class SqlLineageTests
{
    [Test]
    public void Analyze_CteChain_ResolvesToBaseTable() =>
        AssertLineage(Postgres, "with a as (select id, amt from raw.t), b as (select id, amt * 2 as amt2 from a) select id, amt2 from b", null,
            "id: raw.t.id copy", "amt2: raw.t.amt transform");

    [Test]
    public void Analyze_CteShadowsTable_UsesCte() =>
        AssertLineage(Postgres, "with orders as (select order_id as id from raw.orders) select id from orders", null, "id: raw.orders.order_id copy");

    [Test]
    public void Analyze_CteWhereClause_BecomesRowEdgeOfConsumer() =>
        AssertLineage(Postgres, "with a as (select id from t where deleted = false) select id from a", null, "id: t.id copy", "row: t.deleted filter");

    [Test]
    public void Analyze_UnusedCte_ContributesNoEdges() =>
        AssertLineage(Postgres, "with a as (select x from t1 where y > 0), b as (select id from t2) select id from b", null, "id: t2.id copy");

    [Test]
    public void Analyze_UnusedCte_StillListedInTables()
    {
        var lineage = Analyze(Postgres, "with a as (select x from t1), b as (select id from t2) select id from b");
        Assert.That(lineage.Tables, Is.EqualTo(new[] { "t1", "t2" }));
    }

    [Test]
    public void Analyze_CteColumnList_RenamesByPosition() =>
        AssertLineage(Postgres, "with c (k, v) as (select a, b from t) select k, v from c", null, "k: t.a copy", "v: t.b copy");

    [Test]
    public void Analyze_DerivedTable_ResolvesThrough() =>
        AssertLineage(Postgres, "select s.total from (select sum(amount) as total from orders) s", null, "total: orders.amount aggregate");

    [Test]
    public void Analyze_DerivedTableAliasList_RenamesByPosition() =>
        AssertLineage(Postgres, "select d.p from (select a, b from t) as d (p, q)", null, "p: t.a copy");

    [Test]
    public void Analyze_DerivedTableGroupBy_BecomesRowEdge() =>
        AssertLineage(Postgres, "select d.c, d.n from (select customer_id as c, count(*) as n from orders group by customer_id) d", null,
            "c: orders.customer_id copy", "n:", "row: orders.customer_id group");

    [Test]
    public void Analyze_NestedCteInDerivedTable_Resolves() =>
        AssertLineage(Postgres, "select x from (with inner_cte as (select a as x from t) select x from inner_cte) d", null, "x: t.a copy");

    [Test]
    public void Analyze_CompositionThroughCtes_TakesMaximumKind() =>
        AssertLineage(Postgres, "with a as (select amount::numeric as amount from t), b as (select sum(amount) as total from a) select total from b", null,
            "total: t.amount aggregate");

    [Test]
    public void Analyze_CastThenCopy_StaysCast() =>
        AssertLineage(Postgres, "with a as (select amount::numeric as amount from t) select amount as a2 from a", null, "a2: t.amount cast");

    [Test]
    public void Analyze_ConditionalThroughCte_StaysConditional() =>
        AssertLineage(Postgres, "with a as (select case when flag then 1 else 0 end as f from t) select f * 10 as g from a", null, "g: t.flag conditional");

    [Test]
    public void Analyze_RecursiveCte_ReachesFixpoint() =>
        AssertLineage(Postgres, """
            with recursive r as (
              select id, id as root from nodes where parent is null
              union all
              select n.id, r.root from nodes n join r on n.parent = r.id
            )
            select id, root from r
            """, null,
            "id: nodes.id copy", "root: nodes.id copy", "row: nodes.parent filter, nodes.parent join, nodes.id join");

    [Test]
    public void Analyze_CorrelatedScalarSubquery_PredicateIsConditional() =>
        AssertLineage(Postgres, "select c.id, (select max(o.amount) from orders o where o.customer_id = c.id) as top from customers c", null,
            "id: customers.id copy", "top: orders.amount aggregate, orders.customer_id conditional, customers.id conditional");

    [Test]
    public void Analyze_ScalarSubqueryInWhere_IsFilter() =>
        AssertLineage(Postgres, "select id from orders where amount > (select avg(amount) from orders2)", null,
            "id: orders.id copy", "row: orders.amount filter, orders2.amount filter");

    [Test]
    public void Analyze_InSubqueryInWhere_IsFilter() =>
        AssertLineage(Postgres, "select id from orders where customer_id in (select id from vip where active)", null,
            "id: orders.id copy", "row: orders.customer_id filter, vip.id filter, vip.active filter");

    [Test]
    public void Analyze_NotExists_IsFilter() =>
        AssertLineage(Postgres, "select o.id from orders o where not exists (select 1 from refunds r where r.order_id = o.id)", null,
            "id: orders.id copy", "row: refunds.order_id filter, orders.id filter");

    [Test]
    public void Analyze_ExistsInProjection_IsConditional() =>
        AssertLineage(Postgres, "select o.id, exists (select 1 from refunds r where r.order_id = o.id) as refunded from orders o", null,
            "id: orders.id copy", "refunded: refunds.order_id conditional, orders.id conditional");

    [Test]
    public void Analyze_SubqueryAliasHidesOuterTableName_ResolvesOuter() =>
        AssertLineage(Postgres, "select t.a, (select max(t2.b) from t as t2 where t2.k = t.k) as m from t", null,
            "a: t.a copy", "m: t.b aggregate, t.k conditional");

    [Test]
    public void Analyze_LateralDerivedTable_SeesEarlierItems() =>
        AssertLineage(Postgres, "select c.id, l.last_amount from customers c, lateral (select o.amount as last_amount from orders o where o.customer_id = c.id limit 1) l", null,
            "id: customers.id copy", "last_amount: orders.amount copy", "row: orders.customer_id filter, customers.id filter");

    [Test]
    public void Analyze_DbtEphemeralCte_MapsToModel()
    {
        var lineage = AssertLineage(Snowflake, "with __dbt__cte__stg as (select id from raw.t) select id from __dbt__cte__stg", null, "id: model.stg.id copy");
        // The query reads the ephemeral model; what the model's inlined body reads is the model's own upstream.
        Assert.That(lineage.Tables, Is.EqualTo(new[] { "model.stg" }));
    }

    [Test]
    public void Analyze_CteReferencedTwice_RowEdgesOnce() =>
        AssertLineage(Postgres, "with a as (select id, v from t where ok) select x.v, y.v as v2 from a x join a y on x.id = y.id", null,
            "v: t.v copy", "v2: t.v copy", "row: t.ok filter, t.id join");
}
