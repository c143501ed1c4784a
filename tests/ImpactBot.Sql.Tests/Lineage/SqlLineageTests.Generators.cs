namespace ImpactBot.Sql.Tests.Lineage;

public sealed partial class SqlLineageTests
{
    [Test]
    public void Analyze_FlattenValue_PathUnderInput() =>
        AssertLineage(Snowflake, "select f.value as item from raw.events e, lateral flatten(input => e.payload:items) f", null,
            "item: raw.events.payload transform path=items[*]", "row: raw.events.payload join path=items");

    [Test]
    public void Analyze_FlattenOverWholeColumn_PathIsElement() =>
        AssertLineage(Snowflake, "select f.value:sku::string as sku from t, lateral flatten(input => t.arr) f", null,
            "sku: t.arr transform path=[*].sku", "row: t.arr join");

    [Test]
    public void Analyze_FlattenKeyAndIndex_AreFactsOfTheElement() =>
        AssertLineage(Snowflake, "select f.key, f.index from t, lateral flatten(input => t.obj) f", null,
            "key: t.obj transform path=[*]#key", "index: t.obj transform path=[*]#index", "row: t.obj join");

    [Test]
    public void Analyze_TableFlatten_WithoutLateralKeyword() =>
        AssertLineage(Snowflake, "select f.value as v from t, table(flatten(input => t.arr)) f", null,
            "v: t.arr transform path=[*]", "row: t.arr join");

    [Test]
    public void Analyze_BigQueryUnnestScalarArray_AliasIsColumn() =>
        AssertLineage(BigQuery, "select o.id, tag from ds.orders o, unnest(o.tags) as tag", null,
            "id: ds.orders.id copy", "tag: ds.orders.tags transform path=tags[]", "row: ds.orders.tags join");

    [Test]
    public void Analyze_BigQueryUnnestStruct_FieldPath() =>
        AssertLineage(BigQuery, "select li.sku from ds.orders o cross join unnest(o.lines) li", null,
            "sku: ds.orders.lines transform path=lines[].sku", "row: ds.orders.lines join");

    [Test]
    public void Analyze_BigQueryUnnestWithOffset_AddsOrdinalColumn() =>
        AssertLineage(BigQuery, "select tag, pos from ds.orders o, unnest(o.tags) as tag with offset as pos", null,
            "tag: ds.orders.tags transform path=tags[]", "pos: ds.orders.tags transform path=tags[]#index", "row: ds.orders.tags join");

    [Test]
    public void Analyze_CountStarOverUnnestInSubquery_AggregatesArray() =>
        AssertLineage(BigQuery, "select (select count(*) from unnest(o.tags)) as n from ds.orders o", null, "n: ds.orders.tags aggregate");

    [Test]
    public void Analyze_PostgresUnnestWithColumnAlias_IsTableAlias() =>
        AssertLineage(Postgres, "select u.x from t cross join unnest(t.arr) as u(x)", null, "x: t.arr transform path=arr[]", "row: t.arr join");

    [Test]
    public void Analyze_TrinoUnnestWithOrdinality_AddsColumn() =>
        AssertLineage(Trino, "select u.x, u.n from t cross join unnest(t.arr) with ordinality as u(x, n)", null,
            "x: t.arr transform path=arr[]", "n: t.arr transform path=arr[]#index", "row: t.arr join");

    [Test]
    public void Analyze_TrinoUnnestArrayOfRows_OneColumnPerField() =>
        AssertLineage(Trino, "select u.h, u.i from t cross join unnest(array[(t.a_hash, t.a_index), row(t.b_hash, t.b_index)]) as u(h, i)", null,
            "h: t.a_hash copy, t.b_hash copy", "i: t.a_index copy, t.b_index copy",
            "row: t.a_hash join, t.a_index join, t.b_hash join, t.b_index join");

    [Test]
    public void Analyze_TrinoUnnestOfRowColumn_AliasesNameItsFields() =>
        AssertLineage(Trino, "select u.k, u.v, u.n from t cross join unnest(t.pairs) with ordinality as u(k, v, n)", null,
            "k: t.pairs transform path=pairs[]", "v: t.pairs transform path=pairs[]", "n: t.pairs transform path=pairs[]#index",
            "row: t.pairs join");

    [Test]
    public void Analyze_PostgresUnnestOfSeveralArrays_OneColumnEach() =>
        AssertLineage(Postgres, "select u.x, u.y from t cross join unnest(t.xs, t.ys) as u(x, y)", null,
            "x: t.xs transform path=xs[]", "y: t.ys transform path=ys[]", "row: t.xs join, t.ys join");

    [Test]
    public void Analyze_LateralViewExplode_ColumnsFromAlias() =>
        AssertLineage(Databricks, "select t.id, tag from events t lateral view explode(t.tags) tv as tag", null,
            "id: events.id copy", "tag: events.tags transform", "row: events.tags join");

    [Test]
    public void Analyze_LateralViewOuterExplode_IsJoin() =>
        AssertLineage(Databricks, "select tag from events t lateral view outer explode(t.tags) tv as tag", null,
            "tag: events.tags transform", "row: events.tags join");

    [Test]
    public void Analyze_ExplodeInSelectList_IsTransform() =>
        AssertLineage(Databricks, "select explode(tags) as tag from events", null, "tag: events.tags transform");

    [Test]
    public void Analyze_GenerateSeries_HasNoColumnSources() =>
        AssertLineage(Postgres, "select g from generate_series(1, 10) as g", null, "g:");
}
