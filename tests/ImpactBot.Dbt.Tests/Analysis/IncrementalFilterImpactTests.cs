using ImpactBot.Dbt.Analysis;
using ImpactBot.Core.Changes;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Report;

namespace ImpactBot.Dbt.Tests.Analysis;

/// <summary>
/// A model's SQL is read as its first build, yet an edit to what its <c>is_incremental()</c> branch adds (the filter on
/// new rows, here through a macro) changes which rows incremental runs append: that is a change, and its readers' values.
/// </summary>
public sealed class IncrementalFilterImpactTests
{
    private static readonly Dictionary<string, string> Base = new(StringComparer.Ordinal)
    {
        ["dbt_project.yml"] = "name: shop\n",
        ["models/sources.yml"] = "sources:\n  - name: raw\n    tables:\n      - name: events\n        columns:\n          - name: id\n          - name: ts\n",
        ["macros/recent.sql"] = "{% macro recent(c) %}{{ c }} > (select max({{ c }}) from {{ this }}){% endmacro %}",
        ["models/events.sql"] = "{{ config(materialized='incremental') }}\nselect id, ts from {{ source('raw', 'events') }}\n{% if is_incremental() %}\nwhere {{ recent('ts') }}\n{% endif %}\n",
        ["models/report.sql"] = "select id from {{ ref('events') }}",
    };

    [Test]
    public void Run_IncrementalBranchEdited_IsARowChangeWhoseReadersGetValues()
    {
        var report = Run(("models/events.sql", Base["models/events.sql"].Replace("where {{ recent('ts') }}", "where {{ recent('ts') }} and id > 0", StringComparison.Ordinal)));

        var change = report.Changes.Single();
        Assert.That((change.Asset, change.Kind, change.Rows.Single()), Is.EqualTo(("events", AssetChangeKind.Modified, RowChangeKind.IncrementalFilter)));
        Assert.That(change.Reasons, Has.Some.Contains("is_incremental()"));
        var reader = report.Impacts.Single(i => i.Asset == "report");
        Assert.That(reader.Severity, Is.EqualTo(Severity.Values));
        Assert.That(JsonReportRenderer.Render(report), Does.Contain("\"incremental_filter\""));
    }

    [Test]
    public void Run_MacroUsedOnlyInTheIncrementalBranchEdited_IsThatModelsChange()
    {
        var report = Run(("macros/recent.sql", "{% macro recent(c) %}{{ c }} >= (select max({{ c }}) from {{ this }}){% endmacro %}"));

        Assert.That(report.Changes.Select(c => (c.Asset, c.Rows.Single())), Is.EqualTo(new[] { ("events", RowChangeKind.IncrementalFilter) }));
    }

    [Test]
    public void Run_IncrementalBranchReformattedAndCommented_IsNoChange()
    {
        var report = Run(("models/events.sql", Base["models/events.sql"].Replace("where {{ recent('ts') }}", "  WHERE\n    {{ recent('ts') }} -- only new events", StringComparison.Ordinal)));

        Assert.That(report.Changes, Is.Empty);
    }

    private static ImpactReport Run(params (string Path, string Text)[] edits)
    {
        var head = new Dictionary<string, string>(Base, StringComparer.Ordinal);
        foreach (var (path, text) in edits)
        {
            head[path] = text;
        }

        var request = new AnalysisRequest(FixtureFiles.Of([.. Base.Select(kv => (kv.Key, kv.Value))]), FixtureFiles.Of([.. head.Select(kv => (kv.Key, kv.Value))]), "base", "head", [.. edits.Select(e => e.Path)]);
        return ImpactAnalysis.Run(request, ProjectOptions.Default).Report;
    }
}
