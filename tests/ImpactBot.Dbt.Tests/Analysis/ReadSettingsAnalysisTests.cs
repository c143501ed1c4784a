using ImpactBot.Dbt.Analysis;
using ImpactBot.Core.Config;
using ImpactBot.Dbt;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Report;

namespace ImpactBot.Dbt.Tests.Analysis;

/// <summary>Base and head are read with the head's dialect, target and vars; the report and snapshots say which.</summary>
public sealed class ReadSettingsAnalysisTests
{
    private static readonly (string, string)[] Project =
    [
        ("dbt_project.yml", "name: shop\n"),
        ("models/sources.yml", "sources:\n  - name: raw\n    tables:\n      - name: orders\n        columns:\n          - name: id\n          - name: amount\n          - name: active\n"),
        // BigQuery reads "active" as a string; Snowflake as a column: the dialect decides what the model reads.
        ("models/orders.sql", "select id, amount, \"active\" as status from {{ source('raw', 'orders') }}"),
        ("models/report.sql", "select id, status from {{ ref('orders') }}"),
    ];

    private static ImpactReport Run((string, string)[] before, (string Path, string Text)[] edits, ProjectOptions? options = null, LineageGraph? cached = null)
    {
        var after = before.ToDictionary(f => f.Item1, f => f.Item2, StringComparer.Ordinal);
        foreach (var (path, text) in edits)
        {
            after[path] = text;
        }

        var request = new AnalysisRequest(FixtureFiles.Of(before), FixtureFiles.Of([.. after.Select(kv => (kv.Key, kv.Value))]), "base", "head", [.. edits.Select(e => e.Path)])
        {
            CachedBase = cached,
        };
        return ImpactAnalysis.Run(request, options ?? ProjectOptions.Default).Report;
    }

    [Test]
    public void Run_PullRequestSettingTheDialect_ReadsTheBaseInThatDialectToo()
    {
        var report = Run(Project, [(".impactbot.yml", "dialect: bigquery\n")]);

        Assert.That(report.Changes, Is.Empty, "no model changed: reading the base as Snowflake would make up a column 'active'");
        Assert.That(report.Impacts, Is.Empty);
        Assert.That((report.Settings!.Dialect, report.Settings.DialectSource), Is.EqualTo(("bigquery", ".impactbot.yml")));
    }

    [Test]
    public void Run_PullRequestAddingAProfile_ReadsTheBaseWithItsTarget()
    {
        var profiles = "shop:\n  target: prod\n  outputs:\n    prod:\n      type: bigquery\n";

        var report = Run(Project, [("profiles.yml", profiles)]);

        Assert.That(report.Changes, Is.Empty);
        Assert.That(report.Settings!.Describe(), Is.EqualTo("bigquery (from profiles.yml: profile shop, target prod, type bigquery), target prod"));
    }

    [Test]
    public void Run_VarsOption_RenderBothCommitsWithThem()
    {
        (string, string)[] files = [("dbt_project.yml", "name: shop\nvars:\n  amount_column: amount\n"), ("models/m.sql", "select {{ var('amount_column') }} as total from t\n")];

        var report = Run(files, [("models/m.sql", "select {{ var('amount_column') }} as total, 1 as one from t\n")], new ProjectOptions { Vars = new DbtMap([new("amount_column", new DbtScalar("net"))]) });

        var change = report.Changes.Single();
        Assert.That(change.Columns.Select(c => c.Name), Is.EqualTo(new[] { "one" }), "total reads net in both commits: unchanged");
        Assert.That(report.Settings!.Vars, Is.EqualTo("""{"amount_column":"net"}"""));
    }

    [Test]
    public void Run_TargetOption_IsWhatTheModelsRenderWith()
    {
        (string, string)[] files =
        [
            ("dbt_project.yml", "name: shop\nprofile: shop\n"),
            ("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: snowflake\n      schema: dbt_me\n    prod:\n      type: snowflake\n      schema: analytics\n"),
            ("models/m.sql", "select a from t {% if target.name == 'prod' %}where a > 0{% endif %}\n"),
        ];

        var dev = Run(files, [("models/m.sql", "select a from t {% if target.name == 'prod' %}where a > 1{% endif %}\n")]);
        var prod = Run(files, [("models/m.sql", "select a from t {% if target.name == 'prod' %}where a > 1{% endif %}\n")], new ProjectOptions { Target = "prod" });

        Assert.That(dev.Changes, Is.Empty);
        Assert.That(prod.Changes.Single().Rows, Has.Some.EqualTo(Core.Changes.RowChangeKind.Filter));
        Assert.That(prod.Settings!.Target, Is.EqualTo("prod"));
    }

    [Test]
    public void Run_CachedSnapshotReadInAnotherDialect_IsNotTrustedAndSaysSo()
    {
        var files = FixtureFiles.Of(Project);
        var snowflake = ProjectGraph.Build(files, "base", ImpactBotConfig.Default, ProjectOptions.Default, previous: null).Build.Graph;

        var report = Run(Project, [(".impactbot.yml", "dialect: bigquery\n")], cached: snowflake);

        Assert.That(report.Warnings.Single(), Does.Contain("read as snowflake (from default)").And.Contain("this analysis reads bigquery (from .impactbot.yml)"));
        Assert.That(report.Changes, Is.Empty);
    }

    [Test]
    public void Render_EveryFormat_SaysWhichDialectWasUsedAndWhereFrom()
    {
        var report = Run(Project, [(".impactbot.yml", "dialect: bigquery\n")]);

        Assert.That(TextReportRenderer.Render(report), Does.Contain("read as: bigquery (from .impactbot.yml)"));
        Assert.That(MarkdownReportRenderer.Render(report, MarkdownOptions.GitHub), Does.Contain("SQL read as `bigquery` (from `.impactbot.yml`)"));
        Assert.That(MarkdownReportRenderer.Render(report, MarkdownOptions.GitLab), Does.Contain("SQL read as `bigquery` (from `.impactbot.yml`)"));
        Assert.That(JsonReportRenderer.Render(report), Does.Contain("\"dialect\": \"bigquery\"").And.Contain("\"dialect_source\": \".impactbot.yml\""));
    }
}
