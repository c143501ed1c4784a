using ImpactBot.Sql.Lineage;

namespace ImpactBot.Sql.Tests.Lineage;

// Snowflake semantic views: the public facts, dimensions and metrics are the columns; each reads its logical table's
// columns and the entries it names; keys and relationships are join reads of every column.
public sealed partial class SqlLineageTests
{
    private const string SemanticViewSchema = "orders(order_id, customer_id, amount, discount, ordered_at); customers(customer_id, segment_code)";

    [Test]
    public void Analyze_SemanticViewBody_EntriesReadTheirTablesAndOtherEntries()
    {
        var lineage = AssertLineage(Snowflake, """
            TABLES(
                o AS orders PRIMARY KEY (order_id),
                c AS customers PRIMARY KEY (customer_id)
            )
            RELATIONSHIPS(o (customer_id) REFERENCES c)
            FACTS(
                PRIVATE o.net AS amount - o.discount,
                o.amount AS amount
            )
            DIMENSIONS(
                o.ordered_at AS ordered_at,
                c.segment AS upper(c.segment_code)
            )
            METRICS(
                o.order_count AS COUNT(o.order_id),
                o.net_total AS SUM(o.net),
                o.average_net AS o.net_total / NULLIF(o.order_count, 0)
            )
            COMMENT = 'orders'
            """, SemanticViewSchema,
            "amount: orders.amount copy",
            "ordered_at: orders.ordered_at copy",
            "segment: customers.segment_code transform",
            "order_count: orders.order_id aggregate",
            "net_total: orders.amount aggregate, orders.discount aggregate",
            "average_net: orders.amount aggregate, orders.discount aggregate, orders.order_id aggregate",
            "row: orders.order_id join, orders.customer_id join, customers.customer_id join");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete), string.Join("\n", lineage.Diagnostics));
        Assert.That(lineage.Tables, Is.EquivalentTo(new[] { "orders", "customers" }));
    }

    [Test]
    public void Analyze_SemanticEntryReferringToALaterOne_ReadsItsSources() =>
        AssertLineage(Snowflake, """
            TABLES(o AS orders)
            METRICS(
                o.share AS o.total / 100,
                o.total AS SUM(o.amount)
            )
            """, SemanticViewSchema,
            "share: orders.amount aggregate",
            "total: orders.amount aggregate");

    [Test]
    public void Analyze_SemanticDimensionNamedAsItsColumn_ReadsTheColumn() =>
        AssertLineage(Snowflake, """
            TABLES(orders)
            DIMENSIONS(orders.amount AS orders.amount, orders.ordered_at AS ordered_at)
            """, SemanticViewSchema,
            "amount: orders.amount copy",
            "ordered_at: orders.ordered_at copy");

    [Test]
    public void Analyze_SemanticEntriesSharingAName_AreOutputQualified()
    {
        var lineage = AssertLineage(Snowflake, """
            TABLES(o AS orders, c AS customers)
            METRICS(o.row_count AS COUNT(o.order_id), c.row_count AS COUNT(c.customer_id))
            """, SemanticViewSchema,
            "o.row_count: orders.order_id aggregate",
            "c.row_count: customers.customer_id aggregate");
        Assert.That(lineage.Diagnostics.Select(d => d.Code), Has.Some.EqualTo("semantic-name-shared"));
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete));
    }

    [Test]
    public void Analyze_SemanticEntryOverAnUnknownTableAlias_IsPartial()
    {
        var lineage = Analyze(Snowflake, "TABLES(o AS orders) DIMENSIONS(x.id AS id)", SemanticViewSchema);
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Partial));
        Assert.That(lineage.Diagnostics.Select(d => d.Code), Has.Some.EqualTo("unresolved-table"));
    }

    [Test]
    public void Analyze_CreateSemanticView_NamesItsTarget()
    {
        var lineage = AssertLineage(Snowflake, "create or replace semantic view sv tables (orders) dimensions (orders.id AS order_id)",
            SemanticViewSchema, "id: orders.order_id copy");
        Assert.That(lineage.Target, Is.EqualTo("sv"));
    }

    [Test]
    public void Analyze_SemanticWindowMetricPartitionedExcludingADimension_ReadsTheMetricAndTheWindowKeys()
    {
        var lineage = AssertLineage(Snowflake, """
            TABLES(o AS orders)
            DIMENSIONS(o.day AS ordered_at)
            METRICS(
                o.total AS SUM(o.amount),
                o.avg7 AS AVG(o.total) OVER (PARTITION BY EXCLUDING o.day ORDER BY o.day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)
            )
            """, SemanticViewSchema,
            "day: orders.ordered_at copy",
            "total: orders.amount aggregate",
            "avg7: orders.amount window, orders.ordered_at conditional");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete), string.Join("\n", lineage.Diagnostics));
    }
}
