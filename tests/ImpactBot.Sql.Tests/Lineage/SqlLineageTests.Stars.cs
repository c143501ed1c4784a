using ImpactBot.Sql.Lineage;

namespace ImpactBot.Sql.Tests.Lineage;

public sealed partial class SqlLineageTests
{
    [Test]
    public void Analyze_StarWithSchema_ExpandsInOrder() =>
        AssertLineage(Postgres, "select * from t", "t(a, b, c)", "a: t.a copy", "b: t.b copy", "c: t.c copy");

    [Test]
    public void Analyze_StarWithoutSchema_IsOpaqueWildcard()
    {
        var lineage = AssertLineage(Postgres, "select * from t", null, "*: t.* copy");
        Assert.That(lineage.Columns[0].Opaque, Is.True);
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Partial));
        Assert.That(lineage.Diagnostics.Select(d => d.Code), Does.Contain("unknown-star"));
    }

    [Test]
    public void Analyze_QualifiedStarWithoutSchema_NamedByQualifier() =>
        AssertLineage(Postgres, "select o.*, c.name from orders o join customers c on c.id = o.cid", null,
            "o.*: orders.* copy", "name: customers.name copy", "row: customers.id join, orders.cid join");

    [Test]
    public void Analyze_StarPerSource_OnlyUnknownOneIsWildcard() =>
        AssertLineage(Postgres, "select * from a, b", "a(x)", "x: a.x copy", "*: b.* copy");

    [Test]
    public void Analyze_StarOverCte_ExpandsCteColumns() =>
        AssertLineage(Postgres, "with c as (select id, amount * 2 as dbl from t) select * from c", null, "id: t.id copy", "dbl: t.amount transform");

    [Test]
    public void Analyze_StarOverCteWithUnknownStar_PassesWildcardThrough() =>
        AssertLineage(Postgres, "with c as (select * from t) select * from c", null, "*: t.* copy");

    [Test]
    public void Analyze_NameThroughCteWildcard_ResolvesToTableColumn() =>
        AssertLineage(Postgres, "with c as (select * from raw.t) select id from c", null, "id: raw.t.id copy");

    [Test]
    public void Analyze_StarExclude_DropsColumn() =>
        AssertLineage(Snowflake, "select * exclude (ssn) from users", "users(id, ssn, name)", "id: users.id copy", "name: users.name copy");

    [Test]
    public void Analyze_StarExcludeQualified_AppliesOnlyToItsTable() =>
        AssertLineage(Snowflake, "select * exclude (a.id) from a join b on a.k = b.k", "a(id, k); b(id, k, v)",
            "k: a.k copy", "id: b.id copy", "k: b.k copy", "v: b.v copy", "row: a.k join, b.k join");

    [Test]
    public void Analyze_StarRename_RenamesKeepingSource() =>
        AssertLineage(Snowflake, "select * rename (email as contact) from users", "users(id, email)", "id: users.id copy", "contact: users.email copy");

    [Test]
    public void Analyze_StarReplace_KeepsPositionAsTransform() =>
        AssertLineage(BigQuery, "select * replace (upper(name) as name) from ds.users", "ds.users(id, name, age)",
            "id: ds.users.id copy", "name: ds.users.name transform", "age: ds.users.age copy");

    [Test]
    public void Analyze_StarExceptBigQuery_DropsColumns() =>
        AssertLineage(BigQuery, "select * except (a, c) from ds.t", "ds.t(a, b, c, d)", "b: ds.t.b copy", "d: ds.t.d copy");

    [Test]
    public void Analyze_StarIlike_KeepsMatchingColumns() =>
        AssertLineage(Snowflake, "select * ilike '%_id' from t", "t(order_id, amount, customer_id)", "order_id: t.order_id copy", "customer_id: t.customer_id copy");

    [Test]
    public void Analyze_TwoStars_EachExpanded() =>
        AssertLineage(Postgres, "select a.*, b.* from a join b on a.id = b.id", "a(id, x); b(id, y)",
            "id: a.id copy", "x: a.x copy", "id: b.id copy", "y: b.y copy", "row: a.id join, b.id join");

    [Test]
    public void Analyze_StarPlusColumns_KeepsOrder() =>
        AssertLineage(Postgres, "select 1 as first, *, 2 as last from t", "t(a)", "first:", "a: t.a copy", "last:");

    [Test]
    public void Analyze_StarOverDerivedTable_Expands() =>
        AssertLineage(Postgres, "select * from (select a, b + 1 as c from t) d", null, "a: t.a copy", "c: t.b transform");

    [Test]
    public void Analyze_UnknownQualifiedStar_ReportsUnresolved()
    {
        var lineage = Analyze(Postgres, "select z.* from t");
        Assert.That(lineage.Diagnostics.Select(d => d.Code), Does.Contain("unresolved-star"));
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Partial));
    }

    [Test]
    public void Analyze_CountQualifiedStarArgument_ReadsAllColumns() =>
        AssertLineage(Postgres, "select to_json(t.*) as j from t", "t(a, b)", "j: t.a transform, t.b transform");
}
