using ImpactBot.Sql.Dialects;

namespace ImpactBot.Sql.Tests;

public sealed class DialectFactsTests
{
    [TestCase("snowflake", SqlDialect.Snowflake)]
    [TestCase("spark", SqlDialect.Databricks)]
    [TestCase("SQLSERVER", SqlDialect.TSql)]
    public void FromName_KnownNameOrAlias_FindsDialect(string name, SqlDialect expected) =>
        Assert.That(DialectFacts.FromName(name)?.Dialect, Is.EqualTo(expected));

    [Test]
    public void ColumnKey_SnowflakeUnquoted_FoldsToUpper() =>
        Assert.That(DialectFacts.Snowflake.ColumnKey("Amount", quoted: false), Is.EqualTo("AMOUNT"));

    [Test]
    public void ColumnKey_SnowflakeQuoted_KeepsCase() =>
        Assert.That(DialectFacts.Snowflake.ColumnKey("Amount", quoted: true), Is.EqualTo("Amount"));
}
