namespace ImpactBot.Sql.Tests.Lineage;

// Row edges of a CTE or derived table on the nullable side of an outer join become conditional edges of its columns.
public sealed partial class SqlLineageTests
{
    private const string PaidCte = "with p as (select order_id, sum(amt) as total from pay where ok group by order_id) ";

    [Test]
    public void Analyze_LeftJoinFilteredCte_RowEdgesBecomeConditionalOfRightColumns() =>
        AssertLineage(Postgres, PaidCte + "select o.id, p.total from orders o left join p on p.order_id = o.id", null,
            "id: orders.id copy",
            "total: pay.amt aggregate, pay.ok conditional, pay.order_id conditional",
            "row: pay.order_id join, orders.id join");

    [Test]
    public void Analyze_InnerJoinFilteredCte_RowEdgesStayRowEdges() =>
        AssertLineage(Postgres, PaidCte + "select o.id, p.total from orders o join p on p.order_id = o.id", null,
            "id: orders.id copy",
            "total: pay.amt aggregate",
            "row: pay.ok filter, pay.order_id group, pay.order_id join, orders.id join");

    [Test]
    public void Analyze_RightJoinFilteredDerivedTable_LeftSideIsNullable() =>
        AssertLineage(Postgres, "select d.v, o.id from (select k, v from b where flag) d right join orders o on d.k = o.id", null,
            "v: b.v copy, b.flag conditional",
            "id: orders.id copy",
            "row: b.k join, orders.id join");

    [Test]
    public void Analyze_FullJoinFilteredSides_BothSidesConditional() =>
        AssertLineage(Postgres, "select x.v, y.w from (select k, v from a where fa) x full join (select k, w from b where fb) y on x.k = y.k", null,
            "v: a.v copy, a.fa conditional",
            "w: b.w copy, b.fb conditional",
            "row: a.k join, b.k join");

    [Test]
    public void Analyze_LeftJoinFilteredCte_PreservedSideKeepsItsRowEdges() =>
        AssertLineage(Postgres, "with l as (select id from orders where live), r as (select id, v from b where fb) select l.id, r.v from l left join r on r.id = l.id", null,
            "id: orders.id copy",
            "v: b.v copy, b.fb conditional",
            "row: orders.live filter, b.id join, orders.id join");

    [Test]
    public void Analyze_LeftJoinNestedCteChain_InnerRowEdgesReachTheColumns() =>
        AssertLineage(Postgres, "with f as (select k, v from b where fb), g as (select k, max(v) as m from f group by k) select a.x, g.m from a left join g on g.k = a.k", null,
            "x: a.x copy",
            "m: b.v aggregate, b.fb conditional, b.k conditional",
            "row: b.k join, a.k join");

    [Test]
    public void Analyze_OuterJoinInsideCte_ConsumerSeesConditionalNotRowEdges() =>
        AssertLineage(Postgres, "with j as (select a.x, d.v from a left join (select k, v from b where fb) d on d.k = a.k) select x, v from j", null,
            "x: a.x copy",
            "v: b.v copy, b.fb conditional",
            "row: b.k join, a.k join");

    [Test]
    public void Analyze_WhereOnNullableColumn_ConditionsFilterRows() =>
        AssertLineage(Postgres, "select a.x from a left join (select k, v from b where fb) d on d.k = a.k where d.v > 0", null,
            "x: a.x copy",
            "row: b.k join, a.k join, b.v filter, b.fb filter");

    [Test]
    public void Analyze_LeftJoinNestedInnerJoinGroup_WholeGroupNullable() =>
        AssertLineage(Postgres, "select a.x, d.v, c.w from a left join ((select k, v from b where fb) d join c on c.k = d.k) on d.k = a.k", null,
            "x: a.x copy",
            "v: b.v copy, b.fb conditional",
            "w: c.w copy",
            "row: c.k join, b.k join, a.k join");

    [Test]
    public void Analyze_LeftJoinStarOverOpenFilteredDerivedTable_WildcardCarriesConditions() =>
        AssertLineage(Postgres, "select d.* from a left join (select * from b where fb) d on d.k = a.k", null,
            "*: b.* copy, b.fb conditional",
            "row: b.k join, a.k join");

    [Test]
    public void Analyze_LeftJoinUnlistedNameOfOpenDerivedTable_CarriesConditions() =>
        AssertLineage(Postgres, "select d.z from a left join (select * from b where fb) d on d.k = a.k", null,
            "z: b.z copy, b.fb conditional",
            "row: b.k join, a.k join");

    [Test]
    public void Analyze_LeftJoinPlainTable_Unchanged() =>
        AssertLineage(Postgres, "select a.x, b.y from a left join b on b.k = a.k and b.live", null,
            "x: a.x copy", "y: b.y copy", "row: b.k join, a.k join, b.live join");

    [Test]
    public void Analyze_FullJoinUsingFilteredDerivedTable_MergedKeyCarriesConditions() =>
        AssertLineage(Postgres, "select k, x.v from a full join (select k, v from b where fb) x using (k)", null,
            "k: a.k copy, b.k copy, b.fb conditional",
            "v: b.v copy, b.fb conditional",
            "row: a.k join, b.k join");

    [Test]
    public void Analyze_LeftJoinUsingFilteredDerivedTable_MergedKeyReadsPreservedSide() =>
        AssertLineage(Postgres, "select k from a left join (select k from b where fb) x using (k)", null,
            "k: a.k copy",
            "row: a.k join, b.k join");
}
