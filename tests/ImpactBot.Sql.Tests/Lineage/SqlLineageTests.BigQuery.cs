using ImpactBot.Sql.Lineage;

namespace ImpactBot.Sql.Tests.Lineage;

/// <summary>BigQuery shapes seen on real projects: PIVOT column names, UNNEST of struct arrays, backticks everywhere.</summary>
public sealed partial class SqlLineageTests
{
    [Test]
    public void Analyze_BigQueryPivotWithAggregateAliases_NamesAliasThenValue()
    {
        AssertLineage(BigQuery, "select * from `proj.ds.produce` pivot (sum(sales) as total, count(*) as n for quarter in ('Q1', 'Q2'))", "proj.ds.produce(product, sales, quarter)",
            "product: proj.ds.produce.product copy",
            "total_q1: proj.ds.produce.sales aggregate, proj.ds.produce.quarter conditional",
            "n_q1: proj.ds.produce.quarter conditional",
            "total_q2: proj.ds.produce.sales aggregate, proj.ds.produce.quarter conditional",
            "n_q2: proj.ds.produce.quarter conditional",
            "row: proj.ds.produce.product group");
    }

    [Test]
    public void Analyze_BigQueryPivotSingleAggregateWithoutAlias_NamesValue()
    {
        AssertLineage(BigQuery, "select * from (select product, sales, quarter from `proj.ds.produce`) pivot (sum(sales) for quarter in ('Q1', 'Q2' as second))", null,
            "product: proj.ds.produce.product copy",
            "q1: proj.ds.produce.sales aggregate, proj.ds.produce.quarter conditional",
            "second: proj.ds.produce.sales aggregate, proj.ds.produce.quarter conditional",
            "row: proj.ds.produce.product group");
    }

    [Test]
    public void Analyze_PivotAggregateQualifiedByInputAlias_Resolves()
    {
        var lineage = AssertLineage(BigQuery, "select * from (select product, sales, quarter from `proj.ds.produce`) as p pivot (sum(p.sales) as total for quarter in ('Q1'))", null,
            "product: proj.ds.produce.product copy",
            "total_q1: proj.ds.produce.sales aggregate, proj.ds.produce.quarter conditional",
            "row: proj.ds.produce.product group");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete));
    }

    [Test]
    public void Analyze_BigQueryUnnestOfStructArray_FieldsAreColumns()
    {
        var lineage = AssertLineage(BigQuery, "select x, y from `p.d.t` as t, unnest([struct(t.a as x, t.b as y), struct(t.c, 'k')])", null,
            "x: p.d.t.a copy, p.d.t.c copy",
            "y: p.d.t.b copy",
            "row: p.d.t.a join, p.d.t.b join, p.d.t.c join");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete), string.Join("\n", lineage.Diagnostics));
    }

    [Test]
    public void Analyze_BigQueryStarOverUnnestOfStructs_ExpandsFields()
    {
        AssertLineage(BigQuery, "select * from unnest([struct(1 as id, 'a' as label)])", null, "id: ", "label: ");
    }

    [Test]
    public void Analyze_BigQueryUnnestOfTypedStructArrayWithAlias_FieldPaths()
    {
        AssertLineage(BigQuery, "select x.id from `p.d.t` t, unnest(array<struct<id int64, amt numeric>>[struct(t.a, t.b)]) as x", null,
            "id: p.d.t.a transform path=a[].id, p.d.t.b transform path=b[].id",
            "row: p.d.t.a join, p.d.t.b join");
    }

    [Test]
    public void Analyze_BigQueryUnnestOfTypedStructArrayOfTuples_TheTypesFieldsAreColumns()
    {
        var lineage = AssertLineage(BigQuery, "select filename, reason from unnest(array<struct<filename string, reason string, n numeric(10, 2)>>[('a.txt', 'x', 1), ('b.txt', 'y', 2)])", null,
            "filename: ",
            "reason: ");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete), string.Join("\n", lineage.Diagnostics));
    }

    [Test]
    public void Analyze_GroupByNameBothJoinedInputsHaveButOneProjectionAliases_GroupsByTheProjection()
    {
        var lineage = AssertLineage(BigQuery, "select s.pid, count(*) as n from s join r on s.pid = r.pid group by pid", "s(pid); r(pid)",
            "pid: s.pid copy",
            "n: ",
            "row: s.pid join, r.pid join, s.pid group");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete), string.Join("\n", lineage.Diagnostics));
    }

    [Test]
    public void Analyze_BigQueryCorrelatedArrayPathInFrom_IsAnImplicitUnnestNotATable()
    {
        var aliased = AssertLineage(BigQuery, "select o.key, parent from orgs as o, o.parent_ids as parent", "orgs(key, parent_ids)",
            "key: orgs.key copy",
            "parent: orgs.parent_ids transform path=parent_ids[]",
            "row: orgs.parent_ids join");
        var named = AssertLineage(BigQuery, "select key, parents from orgs join orgs.parents on true", "orgs(key, parents)",
            "key: orgs.key copy",
            "parents: orgs.parents transform path=parents[]",
            "row: orgs.parents join");

        Assert.That(aliased.Tables, Is.EqualTo(new[] { "orgs" }));
        Assert.That(named.Tables, Is.EqualTo(new[] { "orgs" }));
        Assert.That(named.Status, Is.EqualTo(LineageStatus.Complete), string.Join("\n", named.Diagnostics));
    }

    [Test]
    public void Analyze_BigQueryNameNoInputHas_IsAFieldOfTheOneUnnestedElement()
    {
        var lineage = AssertLineage(BigQuery, "select c.key, id, a.url from c, c.attachments as a", "c(key, attachments)",
            "key: c.key copy",
            "id: c.attachments transform path=attachments[].id",
            "url: c.attachments transform path=attachments[].url",
            "row: c.attachments join");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete), string.Join("\n", lineage.Diagnostics));
    }

    [Test]
    public void Analyze_BigQueryUnnestAliasNamedLikeItsArrayColumn_ReadsTheElementWithoutAmbiguity()
    {
        var lineage = AssertLineage(BigQuery, "select t.id, tags.name as tag_name, cast(tags as string) as tag from `p.d.t` as t, unnest(tags) as tags", "p.d.t(id, tags)",
            "id: p.d.t.id copy",
            "tag_name: p.d.t.tags transform path=tags[].name",
            "tag: p.d.t.tags transform path=tags[]",
            "row: p.d.t.tags join");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete), string.Join("\n", lineage.Diagnostics));
    }

    [Test]
    public void Analyze_BigQueryBackticksInEveryPosition_ResolveToTheTable()
    {
        var lineage = AssertLineage(BigQuery,
            "select `my-project.sales.orders`.id, `o2`.`amount` as `total`, `status`\nfrom `my-project.sales.orders`\njoin `my-project`.sales.`refunds` as `o2` using (`id`)\nwhere `my-project.sales.orders`.`status` != 'x'\ngroup by `my-project.sales.orders`.id, `total`, `status`",
            "my-project.sales.orders(id, status); my-project.sales.refunds(id, amount)",
            "id: my-project.sales.orders.id copy",
            "total: my-project.sales.refunds.amount copy",
            "status: my-project.sales.orders.status copy",
            "row: my-project.sales.orders.id join, my-project.sales.refunds.id join, my-project.sales.orders.status filter, my-project.sales.orders.id group, my-project.sales.refunds.amount group, my-project.sales.orders.status group");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete), string.Join("\n", lineage.Diagnostics));
    }
}
