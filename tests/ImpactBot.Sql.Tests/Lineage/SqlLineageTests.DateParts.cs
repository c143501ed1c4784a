using ImpactBot.Sql.Dialects;

namespace ImpactBot.Sql.Tests.Lineage;

public sealed partial class SqlLineageTests
{
    private const string DateSchema = "t(a, b, x)";

    [TestCase("snowflake", "dateadd(day, 1, x)", "t.x transform")]
    [TestCase("snowflake", "dateadd(dd, 1, x)", "t.x transform")]
    [TestCase("snowflake", "datediff(month, a, b)", "t.a transform, t.b transform")]
    [TestCase("snowflake", "date_trunc(month, x)", "t.x transform")]
    [TestCase("snowflake", "date_part(year, x)", "t.x transform")]
    [TestCase("snowflake", "date_part(epoch, x)", "t.x transform")]
    [TestCase("snowflake", "timestampadd(hour, 2, x)", "t.x transform")]
    [TestCase("snowflake", "timestampdiff(mi, a, b)", "t.a transform, t.b transform")]
    [TestCase("snowflake", "last_day(x, month)", "t.x transform")]
    [TestCase("snowflake", "date_trunc(dayofweek, x)", "t.x transform")]
    [TestCase("bigquery", "date_trunc(x, month)", "t.x transform")]
    [TestCase("bigquery", "date_diff(a, b, day)", "t.a transform, t.b transform")]
    [TestCase("bigquery", "timestamp_trunc(x, hour)", "t.x transform")]
    [TestCase("bigquery", "date_add(x, interval 1 day)", "t.x transform")]
    [TestCase("redshift", "dateadd(qtr, 1, x)", "t.x transform")]
    [TestCase("redshift", "datediff(week, a, b)", "t.a transform, t.b transform")]
    [TestCase("redshift", "datepart(doy, x)", "t.x transform")]
    [TestCase("tsql", "dateadd(yy, 1, x)", "t.x transform")]
    [TestCase("tsql", "datediff(ss, a, b)", "t.a transform, t.b transform")]
    [TestCase("tsql", "datepart(nanosecond, x)", "t.x transform")]
    public void Analyze_BareDatePartArgument_IsLiteral(string dialectName, string expression, string edges)
    {
        var dialect = DialectFacts.FromName(dialectName)!;
        var lineage = AssertLineage(dialect, $"select {expression} as v from t", DateSchema, "v: " + edges);
        Assert.That(lineage.Diagnostics, Is.Empty);
    }

    [TestCase("snowflake", "date_trunc(x, month)", "t.month transform, t.x transform")]
    [TestCase("bigquery", "date_trunc(month, x)", "t.month transform, t.x transform")]
    [TestCase("snowflake", "dateadd(t.day, 1, x)", "t.day transform, t.x transform")]
    [TestCase("snowflake", "datediff(\"day\", a, b)", "t.a transform, t.b transform, t.day transform")]
    [TestCase("databricks", "datediff(day, a)", "t.a transform, t.day transform")]
    [TestCase("snowflake", "upper(day)", "t.day transform")]
    public void Analyze_NameOutsideDatePartPosition_StaysColumn(string dialectName, string expression, string edges) =>
        AssertLineage(DialectFacts.FromName(dialectName)!, $"select {expression} as v from t", null, "v: " + edges);
}
