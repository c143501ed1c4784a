using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Sql.Tests.Lineage;

public sealed class DictionarySchemaProviderTests
{
    private static DictionarySchemaProvider Provider(DialectFacts dialect, params (string Table, string[] Columns)[] tables) =>
        new(dialect, tables.ToDictionary(t => t.Table, t => (IReadOnlyList<string>)t.Columns));

    [Test]
    public void FindColumns_FullName_ReturnsColumnsInOrder()
    {
        var provider = Provider(DialectFacts.Postgres, ("shop.orders", ["id", "amount"]));
        Assert.That(provider.FindColumns(["shop", "orders"]), Is.EqualTo(new[] { "id", "amount" }));
    }

    [Test]
    public void FindColumns_QueryHasMoreParts_MatchesTrailingParts()
    {
        var provider = Provider(DialectFacts.Snowflake, ("shop.orders", ["id"]));
        Assert.That(provider.FindColumns(["db", "shop", "orders"]), Is.Not.Null);
    }

    [Test]
    public void FindColumns_QueryHasFewerParts_MatchesUniqueSchemaEntry()
    {
        var provider = Provider(DialectFacts.Snowflake, ("raw.shop.orders", ["id"]));
        Assert.That(provider.FindColumns(["orders"]), Is.Not.Null);
    }

    [Test]
    public void FindColumns_ShortNameMatchingTwoEntries_ReturnsNull()
    {
        var provider = Provider(DialectFacts.Snowflake, ("raw.orders", ["id"]), ("analytics.orders", ["id"]));
        Assert.That(provider.FindColumns(["orders"]), Is.Null);
    }

    [Test]
    public void FindColumns_SnowflakeUnquoted_FoldsToUpper()
    {
        var provider = Provider(DialectFacts.Snowflake, ("RAW.ORDERS", ["ID"]));
        Assert.That(provider.FindColumns(["raw", "orders"]), Is.Not.Null);
    }

    [Test]
    public void FindColumns_SnowflakeQuotedMixedCase_IsExact()
    {
        var provider = Provider(DialectFacts.Snowflake, ("RAW.\"Events\"", ["\"Id\""]));
        Assert.Multiple(() =>
        {
            Assert.That(provider.FindColumns(["raw", "\"Events\""]), Is.Not.Null);
            Assert.That(provider.FindColumns(["raw", "events"]), Is.Null);
        });
    }

    [Test]
    public void FindColumns_BigQueryTables_CaseSensitive()
    {
        var provider = Provider(DialectFacts.BigQuery, ("ds.Orders", ["id"]));
        Assert.Multiple(() =>
        {
            Assert.That(provider.FindColumns(["ds", "Orders"]), Is.Not.Null);
            Assert.That(provider.FindColumns(["ds", "orders"]), Is.Null);
        });
    }

    [Test]
    public void FindColumns_BigQueryBacktickedDottedName_SplitsParts()
    {
        var provider = Provider(DialectFacts.BigQuery, ("proj.ds.orders", ["id"]));
        Assert.That(provider.FindColumns(["proj.ds.orders"]), Is.Not.Null);
    }

    [Test]
    public void FindColumns_UnknownTable_ReturnsNull() =>
        Assert.That(Provider(DialectFacts.Postgres, ("a", ["x"])).FindColumns(["b"]), Is.Null);
}
