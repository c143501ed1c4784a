namespace ImpactBot.Sql.Tests.Lineage;

public sealed partial class SqlLineageTests
{
    [Test]
    public void Analyze_InnerJoinOn_KeysAreJoinEdges() =>
        AssertLineage(Postgres, "select o.id, c.name from orders o join customers c on c.id = o.customer_id", null,
            "id: orders.id copy", "name: customers.name copy", "row: customers.id join, orders.customer_id join");

    [Test]
    public void Analyze_JoinOnWithLiteralPredicate_OnlyColumnsAreEdges() =>
        AssertLineage(Postgres, "select o.id from orders o left join customers c on c.id = o.customer_id and c.active = true", null,
            "id: orders.id copy", "row: customers.id join, orders.customer_id join, customers.active join");

    [Test]
    public void Analyze_SiblingColumn_NotIncluded() =>
        AssertLineage(Postgres, "select o.id from orders o join customers c on c.id = o.customer_id", null,
            "id: orders.id copy", "row: customers.id join, orders.customer_id join");

    [Test]
    public void Analyze_FilterOnlyColumn_IsNotAValueSource() =>
        AssertLineage(Postgres, "select id from orders where status = 'x' and amount > 5", null,
            "id: orders.id copy", "row: orders.status filter, orders.amount filter");

    [Test]
    public void Analyze_CommaJoinWithWhere_KeysAreFilters() =>
        AssertLineage(Postgres, "select a.x, b.y from a, b where a.id = b.id", null,
            "x: a.x copy", "y: b.y copy", "row: a.id filter, b.id filter");

    [Test]
    public void Analyze_CrossJoin_HasNoKeys() =>
        AssertLineage(Postgres, "select a.x, b.y from a cross join b", null, "x: a.x copy", "y: b.y copy");

    [Test]
    public void Analyze_UsingInner_UnqualifiedKeyReadsLeft() =>
        AssertLineage(Postgres, "select customer_id, a.v from a join b using (customer_id)", null,
            "customer_id: a.customer_id copy", "v: a.v copy", "row: a.customer_id join, b.customer_id join");

    [Test]
    public void Analyze_UsingRight_UnqualifiedKeyReadsRight() =>
        AssertLineage(Postgres, "select customer_id from a right join b using (customer_id)", null,
            "customer_id: b.customer_id copy", "row: a.customer_id join, b.customer_id join");

    [Test]
    public void Analyze_UsingFull_UnqualifiedKeyReadsBoth() =>
        AssertLineage(Postgres, "select k from a full join b using (k)", null, "k: a.k copy, b.k copy", "row: a.k join, b.k join");

    [Test]
    public void Analyze_UsingWithStar_ListsMergedKeyFirst() =>
        AssertLineage(Postgres, "select * from a join b using (id)", "a(x, id); b(id, y)",
            "id: a.id copy", "x: a.x copy", "y: b.y copy", "row: a.id join, b.id join");

    [Test]
    public void Analyze_NaturalJoinWithoutSchema_IsPartial()
    {
        var lineage = Analyze(Postgres, "select * from a natural join b");
        Assert.That(lineage.Status, Is.EqualTo(Sql.Lineage.LineageStatus.Partial));
        Assert.That(lineage.Diagnostics.Select(d => d.Code), Does.Contain("natural-join-unknown-schema"));
    }

    [Test]
    public void Analyze_LeftSemiJoin_RightSideIsFilterAndNotExpanded() =>
        AssertLineage(Databricks, "select * from a left semi join b on a.id = b.id", "a(id, v); b(id, w)",
            "id: a.id copy", "v: a.v copy", "row: a.id filter, b.id filter");

    [Test]
    public void Analyze_LeftAntiJoin_RightSideIsFilter() =>
        AssertLineage(Databricks, "select a.v from a left anti join b on a.id = b.id", null, "v: a.v copy", "row: a.id filter, b.id filter");

    [Test]
    public void Analyze_SelfJoin_SameColumnTwice() =>
        AssertLineage(Postgres, "select e.name as emp, m.name as mgr from emp e left join emp m on e.mgr_id = m.id", null,
            "emp: emp.name copy", "mgr: emp.name copy", "row: emp.mgr_id join, emp.id join");

    [Test]
    public void Analyze_JoinDerivedTableWithFilter_InheritsRowEdges() =>
        AssertLineage(Postgres, "select o.id, p.total from orders o join (select order_id, sum(amt) as total from pay where ok group by order_id) p on p.order_id = o.id", null,
            "id: orders.id copy", "total: pay.amt aggregate", "row: pay.ok filter, pay.order_id group, pay.order_id join, orders.id join");

    [Test]
    public void Analyze_ThreeWayJoin_AllKeys() =>
        AssertLineage(Postgres, "select a.x from a join b on a.id = b.a_id join c on c.b_id = b.id", null,
            "x: a.x copy", "row: a.id join, b.a_id join, c.b_id join, b.id join");

    [Test]
    public void Analyze_TablesInFirstSeenOrder()
    {
        var lineage = Analyze(Postgres, "select 1 from b join a on a.id = b.id join shop.c on true");
        Assert.That(lineage.Tables, Is.EqualTo(new[] { "b", "a", "shop.c" }));
    }

    [Test]
    public void Analyze_UsingKeyOneSideListsAsConstant_IsFound()
    {
        var lineage = AssertLineage(Trino, """
            with a as (select 'ethereum' as chain, h from s1), b as (select chain, h from s2)
            select chain, h from a join b using (chain, h)
            """, null,
            "chain:", "h: s1.h copy", "row: s2.chain join, s1.h join, s2.h join");
        Assert.That(lineage.Diagnostics.Select(d => d.Code), Does.Not.Contain("unresolved-using"));
    }

    [Test]
    public void Analyze_NaturalJoinOnAConstantColumn_MergesIt() =>
        AssertLineage(Postgres, "select * from (select 1 as k, x from s1) a natural join (select 1 as k, y from s2) b", null,
            "k:", "x: s1.x copy", "y: s2.y copy");
}
