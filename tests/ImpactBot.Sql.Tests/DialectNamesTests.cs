using ImpactBot.Sql.Dialects;

namespace ImpactBot.Sql.Tests;

public sealed class DialectNamesTests
{
    [TestCase("t-sql", SqlDialect.TSql)]
    [TestCase("sparksql", SqlDialect.Databricks)]
    [TestCase("spark", SqlDialect.Databricks)]
    [TestCase("glue", SqlDialect.Databricks)]
    [TestCase("athena", SqlDialect.Trino)]
    [TestCase("presto", SqlDialect.Trino)]
    [TestCase("fabric", SqlDialect.TSql)]
    [TestCase("synapse", SqlDialect.TSql)]
    [TestCase("sqlserver", SqlDialect.TSql)]
    [TestCase("materialize", SqlDialect.Postgres)]
    [TestCase(" PostgreSQL ", SqlDialect.Postgres)]
    [TestCase("motherduck", SqlDialect.DuckDb)]
    public void Parse_AliasOrDbtAdapterType_FindsItsDialect(string name, SqlDialect expected) =>
        Assert.That(DialectNames.Parse(name), Is.EqualTo(expected));

    [Test]
    public void Parse_EveryDialectsOwnName_FindsThatDialect()
    {
        foreach (var facts in DialectFacts.All)
        {
            Assert.That(DialectNames.Parse(facts.Name), Is.EqualTo(facts.Dialect), facts.Name);
        }
    }

    [TestCase("oracle")]
    [TestCase("")]
    [TestCase(null)]
    public void Parse_UnknownName_IsNull(string? name) => Assert.That(DialectNames.Parse(name), Is.Null);

    [Test]
    public void Find_ClickHouse_ReadsAsTheClosestDialectWithANote()
    {
        var name = DialectNames.Find("clickhouse");

        Assert.That(name?.Dialect, Is.EqualTo(SqlDialect.DuckDb));
        Assert.That(name?.Note, Does.Contain("duckdb"));
    }

    [Test]
    public void FromName_AgreesWithTheRegistryOnEveryName()
    {
        foreach (var name in DialectNames.All)
        {
            Assert.That(DialectFacts.FromName(name.Name)?.Dialect, Is.EqualTo(name.Dialect), name.Name);
        }
    }

    [Test]
    public void Readme_ListsTheRegistrysDialectsAndAliases()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        Assert.That(readme, Does.Contain(DialectNames.MarkdownList()), "paste DialectNames.MarkdownList() into README.md");
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ImpactBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ImpactBot.sln not found above " + AppContext.BaseDirectory);
    }
}
