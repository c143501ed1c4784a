namespace ImpactBot.Dbt.Tests;

/// <summary>Seed column types as <c>dbt seed</c> infers them from the CSV (agate) and names them for the adapter.</summary>
public sealed class SeedColumnTypesTests
{
    private const string Csv =
        "id,price,paid,day,at,at_iso,name,empty,mixed_dates,quoted\n"
        + "1,1.5,true,2018-01-01,2018-01-01 10:00:00,2018-01-01T10:00:00Z,drew,,2018-01-01,\"a, b\"\n"
        + "2,2.25,False,2018-1-2,2018-01-02 11:30:00,2018-01-02T11:30:00.5+01:00,bob,,2018-01-02 10:00:00,\"multi\nline\"\n"
        + ",null,,,,,7,NULL,,\n";

    [Test]
    public void Infer_OnPostgres_NamesEachColumnAsDbtPostgresCreatesIt()
    {
        var types = SeedColumnTypes.Infer(Csv, 10, "postgres");

        Assert.That(types, Is.EqualTo(new[]
        {
            "integer", "float8", "boolean", "date", "timestamp without time zone", "timestamp without time zone", "text", "integer", "text", "text",
        }));
    }

    [Test]
    public void Infer_OnBigQuery_UsesItsTypeNames()
    {
        var types = SeedColumnTypes.Infer(Csv, 4, "bigquery");

        Assert.That(types, Is.EqualTo(new[] { "int64", "float64", "bool", "date" }));
    }

    [TestCase("7", 0)]
    [TestCase("1.00", 0)]
    [TestCase("1.50", 1)]
    [TestCase("-0.125", 3)]
    [TestCase("$1,000", 0)]
    [TestCase("50%", 0)]
    [TestCase("1e3", 0)]
    [TestCase("1.5e-2", 3)]
    [TestCase(".5", 1)]
    [TestCase("pi", null)]
    [TestCase("1-2", null)]
    [TestCase(".", null)]
    public void NumberDecimals_AsAgateCountsThem(string value, int? decimals)
    {
        Assert.That(SeedColumnTypes.NumberDecimals(value), Is.EqualTo(decimals));
    }

    [TestCase("2018-02-28", true)]
    [TestCase("2018-2-8", true)]
    [TestCase("2018-02-30", false)]
    [TestCase("18-02-01", false)]
    [TestCase("2018-02-01 00:00:00", false)]
    public void IsDate_AsStrptimeYmd(string value, bool date)
    {
        Assert.That(SeedColumnTypes.IsDate(value), Is.EqualTo(date));
    }
}
