using ImpactBot.Sql.Lineage;

namespace ImpactBot.Sql.Tests.Lineage;

public sealed partial class SqlLineageTests
{
    [Test]
    public void Analyze_LateralColumnAlias_ResolvesEarlierProjection() =>
        AssertLineage(Snowflake, "select amount * 0.1 as tax, amount + tax as total from orders", "orders(amount)",
            "tax: orders.amount transform", "total: orders.amount transform");

    [Test]
    public void Analyze_LateralAliasShadowedBySourceColumn_UsesSource() =>
        AssertLineage(Snowflake, "select amount * 0.1 as tax, tax as t2 from orders", "orders(amount, tax)",
            "tax: orders.amount transform", "t2: orders.tax copy");

    [Test]
    public void Analyze_AliasInWhere_Snowflake_ResolvesAlias() =>
        AssertLineage(Snowflake, "select upper(country) as c from orders where c <> 'US'", "orders(country)",
            "c: orders.country transform", "row: orders.country filter");

    [Test]
    public void Analyze_AliasInWhere_BigQuery_NotAnAlias()
    {
        var lineage = Analyze(BigQuery, "select upper(country) as c from ds.orders where c <> 'US'", "ds.orders(country)");
        Assert.That(lineage.Diagnostics.Select(d => d.Code), Does.Contain("unresolved-column"));
        Assert.That(lineage.Row, Is.Empty);
    }

    [Test]
    public void Analyze_UnqualifiedWithOneUnknownSource_IsInferred() =>
        AssertLineage(Postgres, "select id, note from orders o join payments p on p.order_id = o.id", "orders(id)",
            "id: orders.id copy", "note: payments.note copy inferred", "row: payments.order_id join, orders.id join");

    [Test]
    public void Analyze_InferredColumn_MakesStatusPartial()
    {
        var lineage = Analyze(Postgres, "select note from orders o join payments p on p.order_id = o.id", "orders(id)");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Partial));
    }

    [Test]
    public void Analyze_AmbiguousWithoutSchema_EveryCandidateFlagged()
    {
        var lineage = AssertLineage(Postgres, "select note from a join b on a.id = b.id", null,
            "note: a.note copy candidate, b.note copy candidate", "row: a.id join, b.id join");
        Assert.That(lineage.Diagnostics.Select(d => d.Code), Does.Contain("ambiguous-column"));
    }

    [Test]
    public void Analyze_AmbiguousInBothSchemas_EveryCandidateFlagged() =>
        AssertLineage(Postgres, "select id from a cross join b", "a(id); b(id)", "id: a.id copy candidate, b.id copy candidate");

    [Test]
    public void Analyze_ColumnInOnlyOneKnownSchema_NotAmbiguous() =>
        AssertLineage(Postgres, "select x, y from a cross join b", "a(id, x); b(id, y)", "x: a.x copy", "y: b.y copy");

    [Test]
    public void Analyze_SnowflakeQuotedIdentifiers_AreExact()
    {
        var lineage = Analyze(Snowflake, "select \"Id\", id, \"id\" from raw.\"Events\"", "RAW.\"Events\"(\"Id\", ID, \"id\")");
        Assert.That(lineage.Columns.Select(c => c.Sources.Single().Column), Is.EqualTo(new[] { "\"Id\"", "ID", "\"id\"" }));
        Assert.That(lineage.Columns[0].Sources[0].Table, Is.EqualTo("raw.\"Events\""));
    }

    [Test]
    public void Analyze_SnowflakeUnquotedMatchesUpperSchema_UsesSchemaSpelling() =>
        Assert.That(Analyze(Snowflake, "select amount from orders", "ORDERS(AMOUNT)").Columns[0].Sources[0].Column, Is.EqualTo("AMOUNT"));

    [Test]
    public void Analyze_PostgresQuotedMixedCase_DoesNotMatchFoldedName()
    {
        var lineage = Analyze(Postgres, "select \"Amount\" from orders", "orders(amount)");
        Assert.That(lineage.Diagnostics.Select(d => d.Code), Does.Contain("unresolved-column"));
    }

    [Test]
    public void Analyze_BigQueryColumnsCaseInsensitive_Match() =>
        AssertLineage(BigQuery, "select AMOUNT from ds.orders", "ds.orders(amount)", "amount: ds.orders.amount copy");

    [Test]
    public void Analyze_BigQueryTablesCaseSensitive_UnknownSchema()
    {
        var lineage = Analyze(BigQuery, "select * from ds.Orders", "ds.orders(amount)");
        Assert.That(lineage.Columns.Single().Opaque, Is.True);
    }

    [Test]
    public void Analyze_BigQueryStructPath_TableAliasThenColumnThenFields() =>
        AssertLineage(BigQuery, "select o.customer.address.city as city from ds.orders o", null,
            "city: ds.orders.customer transform path=customer.address.city");

    [Test]
    public void Analyze_StructPathWithoutAlias_ColumnFirst() =>
        AssertLineage(BigQuery, "select customer.id as cid from ds.orders", null, "cid: ds.orders.customer transform path=customer.id");

    [Test]
    public void Analyze_PostgresJsonArrow_PathRelativeToColumn() =>
        AssertLineage(Postgres, "select payload->'a'->>'b' as b from events", null, "b: events.payload transform path=a.b");

    [Test]
    public void Analyze_PostgresJsonPathOperator_SplitsPath() =>
        AssertLineage(Postgres, "select payload #>> '{items,0,sku}' as sku from events", null, "sku: events.payload transform path=items[0].sku");

    [Test]
    public void Analyze_SnowflakeVariantPathWithCast_TransformWithPath() =>
        AssertLineage(Snowflake, "select payload:customer.email::string as email from events", null, "email: events.payload transform path=customer.email");

    [Test]
    public void Analyze_SnowflakeVariantSubscript_Path() =>
        AssertLineage(Snowflake, "select payload:items[0].sku as sku from events", null, "sku: events.payload transform path=items[0].sku");

    [Test]
    public void Analyze_JsonPathsOnSameColumn_Merged() =>
        AssertLineage(Postgres, "select (payload->>'a') || (payload->>'b') as ab from events", null, "ab: events.payload transform path=a,b");

    [Test]
    public void Analyze_PositionalColumnWithSchema_ResolvesByPosition() =>
        AssertLineage(Snowflake, "select $2 as second from t", "t(a, b)", "second: t.b copy");

    [Test]
    public void Analyze_UnknownColumnQualifier_ReportsUnresolved()
    {
        var lineage = Analyze(Postgres, "select x.id from t");
        Assert.That(lineage.Diagnostics.Select(d => d.Code), Does.Contain("unresolved-column"));
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Partial));
    }

    [Test]
    public void Analyze_ColumnNotInSchema_ReportsUnresolved()
    {
        var lineage = Analyze(Postgres, "select t.missing from t", "t(a)");
        Assert.That(lineage.Diagnostics.Single().Code, Is.EqualTo("unresolved-column"));
        Assert.That(lineage.Diagnostics.Single().Span.Column, Is.EqualTo(8));
    }

    [Test]
    public void Analyze_CorrelatedUnqualifiedName_ResolvesInOuterScope() =>
        AssertLineage(Postgres, "select (select max(p.amount) from payments p where p.order_id = order_key) as m from orders", "payments(amount, order_id); orders(order_key)",
            "m: payments.amount aggregate, payments.order_id conditional, orders.order_key conditional");

    [Test]
    public void Analyze_QuotedMixedCaseNameOverSchemaSpelling_IsThatColumn()
    {
        var lineage = AssertLineage(Postgres, "select \"Customer_Id\", \"sTaTuS\" from seeds.data_unpivot", "seeds.data_unpivot(Customer_Id, sTaTuS)",
            "Customer_Id: seeds.data_unpivot.customer_id copy", "sTaTuS: seeds.data_unpivot.status copy");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete), string.Join("\n", lineage.Diagnostics));
    }
}
