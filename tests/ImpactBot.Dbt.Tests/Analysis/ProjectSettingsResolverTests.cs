using ImpactBot.Dbt.Analysis;
using ImpactBot.Core.Config;
using ImpactBot.Dbt;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Dbt.Tests.Analysis;

/// <summary>Where the dialect comes from, in order: .impactbot.yml, --dialect, profiles.yml, manifest, .sqlproj, .sqlfluff, the SQL.</summary>
public sealed class ProjectSettingsResolverTests
{
    private const string Manifest = """{"metadata": {"dbt_version": "1.8.0", "adapter_type": "postgres"}, "nodes": {}}""";

    private static ProjectSettings Resolve((string Path, string Text)[] files, ImpactBotConfig? config = null, ProjectOptions? options = null) =>
        ProjectSettingsResolver.Resolve(FixtureFiles.Of(files), config ?? ImpactBotConfig.Default, options ?? ProjectOptions.Default);

    private static (string, string) Dialect(ProjectSettings s) => (s.Dialect.Name, s.DialectSource);

    [Test]
    public void Resolve_ImpactBotYml_WinsOverEverything()
    {
        var settings = ProjectSettingsResolver.Resolve(
            FixtureFiles.Load("dbt/profiles"), ImpactBotConfig.Default with { Dialect = SqlDialect.Trino }, new ProjectOptions { Dialect = DialectFacts.Postgres });

        Assert.That(Dialect(settings), Is.EqualTo(("trino", ".impactbot.yml")));
    }

    [Test]
    public void Resolve_DialectOption_WinsOverTheProfile()
    {
        var settings = ProjectSettingsResolver.Resolve(FixtureFiles.Load("dbt/profiles"), ImpactBotConfig.Default, new ProjectOptions { Dialect = DialectFacts.Postgres });

        Assert.That(Dialect(settings), Is.EqualTo(("postgres", "--dialect")));
    }

    [Test]
    public void Resolve_ProfileOfTheProject_GivesTheTargetsTypeThroughItsMergeKey()
    {
        var settings = ProjectSettingsResolver.Resolve(FixtureFiles.Load("dbt/profiles"), ImpactBotConfig.Default, ProjectOptions.Default);

        Assert.That(Dialect(settings), Is.EqualTo(("bigquery", "profiles.yml: profile shop, target prod, type bigquery")));
        Assert.That(settings.Target!.Name, Is.EqualTo("prod"));
    }

    [Test]
    public void Resolve_TargetOption_PicksAnotherOutputOfTheProfile()
    {
        var settings = ProjectSettingsResolver.Resolve(FixtureFiles.Load("dbt/profiles"), ImpactBotConfig.Default, new ProjectOptions { Target = "local" });

        Assert.That(Dialect(settings), Is.EqualTo(("duckdb", "profiles.yml: profile shop, target local, type duckdb")));
    }

    [Test]
    public void Resolve_ProfilesGivenFromOutside_WinOverTheRepositorysFile()
    {
        var options = new ProjectOptions { ProfilesText = "shop:\n  target: ci\n  outputs:\n    ci:\n      type: snowflake\n", ProfilesPath = "/ci/profiles.yml" };

        var settings = ProjectSettingsResolver.Resolve(FixtureFiles.Load("dbt/profiles"), ImpactBotConfig.Default, options);

        Assert.That(Dialect(settings), Is.EqualTo(("snowflake", "/ci/profiles.yml: profile shop, target ci, type snowflake")));
    }

    [Test]
    public void Resolve_AdapterWithoutADialect_IsADiagnosticAndTheNextHintDecides()
    {
        var settings = Resolve([("dbt_project.yml", "name: x\nprofile: x\n"), ("profiles.yml", "x:\n  target: t\n  outputs:\n    t:\n      type: oracle\n"), ("models/a.sql", "select [a] from [dbo].[t]")]);

        Assert.That(settings.Diagnostics.Single().Code, Is.EqualTo("dialect-unknown-adapter"));
        Assert.That(Dialect(settings).Item1, Is.EqualTo("tsql"));
    }

    [Test]
    public void Resolve_NoProfile_TakesTheManifestsAdapterType()
    {
        var settings = Resolve([("dbt_project.yml", "name: x\n"), ("models/a.sql", "select 1")], options: new ProjectOptions { ManifestText = Manifest, ManifestPath = "target/manifest.json" });

        Assert.That(Dialect(settings), Is.EqualTo(("postgres", "target/manifest.json: adapter_type postgres")));
    }

    [Test]
    public void Resolve_SqlServerDatabaseProject_IsTSql()
    {
        var settings = ProjectSettingsResolver.Resolve(FixtureFiles.Load("sql/ssdt"), ImpactBotConfig.Default, ProjectOptions.Default);

        Assert.That(Dialect(settings), Is.EqualTo(("tsql", "Sales.sqlproj (Sql150)")));
    }

    [Test]
    public void Resolve_SqlFluffConfig_GivesItsDialect()
    {
        var settings = Resolve([(".sqlfluff", "[sqlfluff]\ntemplater = jinja\ndialect = redshift  # our warehouse\n\n[sqlfluff:rules]\ndialect = nope\n"), ("a.sql", "create view v as select 1 as a")]);

        Assert.That(Dialect(settings), Is.EqualTo(("redshift", ".sqlfluff")));
    }

    [TestCase("create view [dbo].[v] as select [a] from [dbo].[t]", "tsql")]
    [TestCase("create view v as select a from `proj.ds.t`", "bigquery")]
    [TestCase("create view v as select a from t", "snowflake")]
    public void Resolve_NothingButSql_ReadsTheQuoting(string sql, string dialect)
    {
        Assert.That(Dialect(Resolve([("a.sql", sql)])).Item1, Is.EqualTo(dialect));
    }

    [Test]
    public void Resolve_VarsOption_OverridesTheConfigsVarByVar()
    {
        var config = ImpactBotConfig.Default with { Vars = """{"a": "1", "b": "2"}""" };

        var settings = Resolve([("a.sql", "select 1")], config, new ProjectOptions { Vars = new DbtMap([new("b", new DbtScalar("3"))]) });

        Assert.That(settings.ToRecord().Vars, Is.EqualTo("""{"a":"1","b":"3"}"""));
    }

    [Test]
    public void Resolve_ClickHouseProfile_ReadsAsTheClosestDialectAndSaysSo()
    {
        var settings = Resolve([("dbt_project.yml", "name: x\nprofile: x\n"), ("profiles.yml", "x:\n  target: t\n  outputs:\n    t:\n      type: clickhouse\n")]);

        Assert.That(Dialect(settings).Item1, Is.EqualTo("duckdb"));
        Assert.That(settings.Diagnostics.Single().Code, Is.EqualTo("dialect-approximate"));
    }
}
