using ImpactBot.Core.Config;
using ImpactBot.Dbt.Config;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Text;

namespace ImpactBot.Dbt.Tests.Config;

public sealed class ImpactBotConfigReaderTests
{
    private const string Path = ".impactbot.yml";

    [Test]
    public void Read_FullFile_ReadsEverySetting()
    {
        var (config, diagnostics) = ImpactBotConfigReader.Read(FixtureFiles.Read("config/full.impactbot.yml"), Path);

        Assert.That(diagnostics, Is.Empty);
        Assert.That((config.Dialect, config.ProjectDir, config.FailOn, config.Acknowledge), Is.EqualTo(((SqlDialect?)SqlDialect.Snowflake, "analytics", FailOn.Values, AcknowledgePolicy.AnyoneWithWrite)));
        Assert.That(config.Ignore, Is.EqualTo(new[] { "analytics/models/scratch/**", "*.tmp.sql" }));
        Assert.That(config.OwnerAliases["JANE@acme.com"], Is.EqualTo("@jane"));
        Assert.That(config.OwnerAliases["bob@acme.com"], Is.EqualTo("@bob"));
    }

    [Test]
    public void Read_Catalog_ReadsAssets()
    {
        var config = ImpactBotConfigReader.Read(FixtureFiles.Read("config/full.impactbot.yml"), Path).Config;

        var dashboard = config.Catalog[0];
        Assert.That((dashboard.Name, dashboard.Type, dashboard.Url, dashboard.Line), Is.EqualTo(("Revenue dashboard", "dashboard", "https://bi.acme.com/revenue", 14)));
        Assert.That(dashboard.DependsOn, Is.EqualTo(new[] { "orders", "orders.amount", "customers" }));
        Assert.That(config.Catalog[1].OwnerNames, Is.EqualTo(new[] { "@ml-team", "max@acme.com" }));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("# only a comment\n")]
    public void Read_MissingOrEmpty_Defaults(string? text)
    {
        var (config, diagnostics) = ImpactBotConfigReader.Read(text, Path);

        Assert.That(diagnostics, Is.Empty);
        Assert.That((config.FailOn, config.Acknowledge, config.Dialect), Is.EqualTo((FailOn.Breaking, AcknowledgePolicy.OwnersOrMaintainers, (SqlDialect?)null)));
    }

    [TestCase("owners", AcknowledgePolicy.Owners)]
    [TestCase("owners-or-maintainers", AcknowledgePolicy.OwnersOrMaintainers)]
    [TestCase("owners-only", AcknowledgePolicy.OwnersOrMaintainers)]
    [TestCase("anyone-with-write", AcknowledgePolicy.AnyoneWithWrite)]
    [TestCase("anyone", AcknowledgePolicy.AnyoneWithWrite)]
    public void Read_AcknowledgePolicyOrItsAlias_ReadsThePolicy(string value, AcknowledgePolicy expected)
    {
        var (config, diagnostics) = ImpactBotConfigReader.Read($"acknowledge: {value}\n", Path);

        Assert.That(diagnostics, Is.Empty);
        Assert.That(config.Acknowledge, Is.EqualTo(expected));
    }

    [Test]
    public void Read_Teams_MapsHandlesToLogins()
    {
        var (config, diagnostics) = ImpactBotConfigReader.Read("teams:\n  \"@acme/crm\": [ana, \"@bo\"]\n  acme/finance: carl\n", Path);

        Assert.That(diagnostics, Is.Empty);
        Assert.That(config.Teams["@ACME/CRM"], Is.EqualTo(new[] { "ana", "bo" }));
        Assert.That(config.Teams["@acme/finance"], Is.EqualTo(new[] { "carl" }));
    }

    [TestCase("teams: [a]\n", ".impactbot.yml:1:8: config-invalid: 'teams' must be a mapping of team handle to member logins")]
    [TestCase("teams:\n  \"@acme/crm\": [\"acme/x\"]\n", ".impactbot.yml:2:16: config-invalid: 'teams.@acme/crm' lists 'acme/x', which is not a login")]
    [TestCase("teams:\n  \"@acme crm\": [ana]\n", ".impactbot.yml:2:3: config-invalid: 'teams' key '@acme crm' must be a team or group handle")]
    public void Read_BadTeams_ErrorNamesKeyAndLine(string text, string expected)
    {
        var result = ImpactBotConfigReader.Read(text, Path);

        Assert.That(result.HasErrors, Is.True);
        Assert.That(result.Diagnostics.Single().ToString(), Does.StartWith(expected));
    }

    [Test]
    public void Read_UnknownEnumValue_ErrorNamesKeyLineAndAllowedValues()
    {
        var result = ImpactBotConfigReader.Read("dialect: duckdb\nfail-on: sometimes\n", Path);

        var error = result.Diagnostics.Single();
        Assert.That(error.ToString(), Is.EqualTo(".impactbot.yml:2:10: config-invalid: 'fail-on' is 'sometimes'; allowed: breaking, values, any, never"));
        Assert.That(error.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(result.HasErrors, Is.True);
        Assert.That(result.Config.Dialect, Is.EqualTo(SqlDialect.DuckDb));
        Assert.That(result.Config.FailOn, Is.EqualTo(FailOn.Breaking));
    }

    [TestCase("sparksql", SqlDialect.Databricks)]
    [TestCase("t-sql", SqlDialect.TSql)]
    [TestCase("athena", SqlDialect.Trino)]
    public void Read_DialectAlias_TakesTheRegistrysDialect(string alias, SqlDialect expected) =>
        Assert.That(ImpactBotConfigReader.Read($"dialect: {alias}\n", Path).Config.Dialect, Is.EqualTo(expected));

    [Test]
    public void Read_UnknownDialect_ListsDialects()
    {
        var error = ImpactBotConfigReader.Read("dialect: oracle\n", Path).Diagnostics.Single();

        Assert.That(error.Message, Is.EqualTo("'dialect' is 'oracle'; allowed: " + DialectNames.Canonical));
        Assert.That((error.Line, error.Column), Is.EqualTo((1, 10)));
    }

    [Test]
    public void Read_WrongType_ErrorNamesKey()
    {
        var diagnostics = ImpactBotConfigReader.Read("ignore:\n  a: b\nacknowledge: [anyone]\nowners: [x]\ncatalog: yes\n", Path).Diagnostics;

        Assert.That(diagnostics.Select(d => (d.Line, d.Message)), Is.EqualTo(new[]
        {
            (2, "'ignore' must be a list of strings"),
            (3, "'acknowledge' must be a single value, not a list"),
            (4, "'owners' must be a mapping of email or name to @handle, for example 'jane@acme.com: \"@jane\"'"),
            (5, "'catalog' must be a list of assets, each with name, type, owner, url and depends_on"),
        }));
    }

    [Test]
    public void Read_BadYaml_ErrorWithPosition()
    {
        var error = ImpactBotConfigReader.Read("fail-on: breaking\nowners:\n  a: [b\n", Path).Diagnostics.Single();

        Assert.That((error.Code, error.Path, error.Severity), Is.EqualTo(("yaml-syntax", Path, DiagnosticSeverity.Error)));
        Assert.That(error.Line, Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void Read_KeyWrittenTwice_IsAnErrorAtItsSecondLine()
    {
        var error = ImpactBotConfigReader.Read("fail-on: breaking\nfail-on: any\n", Path).Diagnostics.Single();

        Assert.That((error.Code, error.Line, error.Severity), Is.EqualTo(("yaml-syntax", 2, DiagnosticSeverity.Error)));
    }

    [Test]
    public void Read_UnknownKey_WarnsWithAllowedKeys()
    {
        var warning = ImpactBotConfigReader.Read("fail_on: any\n", Path).Diagnostics.Single();

        Assert.That((warning.Code, warning.Severity, warning.Line), Is.EqualTo(("config-unknown-key", DiagnosticSeverity.Warning, 1)));
        Assert.That(warning.Message, Does.Contain("allowed keys: dialect, project-dir, ignore, fail-on, owners, acknowledge, teams, catalog"));
    }

    [Test]
    public void Read_CatalogEntryWithoutName_IsError()
    {
        var error = ImpactBotConfigReader.Read("catalog:\n  - type: dashboard\n", Path).Diagnostics.Single();

        Assert.That((error.Line, error.Message), Is.EqualTo((2, "'catalog' entry has no 'name'")));
    }

    [Test]
    public void Read_TopLevelList_IsError()
    {
        Assert.That(ImpactBotConfigReader.Read("- a\n", Path).HasErrors, Is.True);
    }
}
