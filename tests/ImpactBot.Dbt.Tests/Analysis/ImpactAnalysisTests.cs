using ImpactBot.Dbt.Analysis;
using ImpactBot.Core.Changes;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Report;

namespace ImpactBot.Dbt.Tests.Analysis;

/// <summary>Whole runs over in-memory base and head files: a Python model between two SQL models.</summary>
public sealed class ImpactAnalysisTests
{
    private static readonly Dictionary<string, string> Base = new(StringComparer.Ordinal)
    {
        ["dbt_project.yml"] = "name: shop\n",
        ["models/sources.yml"] = "sources:\n  - name: shop\n    tables:\n      - name: raw_orders\n        columns:\n          - name: id\n          - name: amount\n          - name: status\n",
        ["models/orders.sql"] = "select id, amount, status from {{ source('shop', 'raw_orders') }}",
        ["models/scores.py"] = "def model(dbt, session):\n    orders = dbt.ref('orders').to_pandas()\n    return orders.assign(score=orders.amount * 2)\n",
        ["models/scores.yml"] = "models:\n  - name: scores\n    columns:\n      - name: id\n      - name: score\n",
        ["models/report.sql"] = "select id, score from {{ ref('scores') }}",
    };

    private static ImpactReport Run(params (string Path, string Text)[] edits) => Run(Base, edits);

    private static ImpactReport Run(Dictionary<string, string> files, params (string Path, string Text)[] edits)
    {
        var head = new Dictionary<string, string>(files, StringComparer.Ordinal);
        foreach (var (path, text) in edits)
        {
            head[path] = text;
        }

        var request = new AnalysisRequest(FixtureFiles.Of([.. files.Select(kv => (kv.Key, kv.Value))]), FixtureFiles.Of([.. head.Select(kv => (kv.Key, kv.Value))]), "base", "head", [.. edits.Select(e => e.Path)]);
        return ImpactAnalysis.Run(request, ProjectOptions.Default).Report;
    }

    private static AssetImpact Impact(ImpactReport report, string asset) => report.Impacts.Single(i => i.Asset == asset);

    [Test]
    public void Build_PythonModel_CountsAsPartialLineage()
    {
        var files = FixtureFiles.Of([.. Base.Select(kv => (kv.Key, kv.Value))]);

        var graph = ProjectGraph.Build(files, "base", ProjectGraph.ReadConfigOrDefault(files), ProjectOptions.Default, previous: null).Build.Graph;

        Assert.That(graph.Find("scores")!.Status, Is.EqualTo(Sql.Lineage.LineageStatus.Partial));
        Assert.That(graph.Find("orders")!.Status, Is.EqualTo(Sql.Lineage.LineageStatus.Complete));
        Assert.That(graph.CountByStatus(Sql.Lineage.LineageStatus.Partial), Is.EqualTo(1));
    }

    [Test]
    public void Run_UpstreamColumnRemoved_ReachesPythonModelAtModelLevelAndItsReaders()
    {
        var report = Run(("models/orders.sql", "select id, status from {{ source('shop', 'raw_orders') }}"));

        Assert.That(report.Changes.Select(c => c.Asset), Is.EqualTo(new[] { "orders" }));
        var scores = Impact(report, "scores");
        Assert.That((scores.Severity, scores.ModelLevel), Is.EqualTo((Severity.Breaking, true)));
        Assert.That((Impact(report, "report").Severity, Impact(report, "report").FoldedUnder), Is.EqualTo((Severity.Breaking, "scores")));
    }

    [Test]
    public void Run_UpstreamExpressionChanged_ValuesReachThePythonModel()
    {
        var report = Run(("models/orders.sql", "select id, amount * 100 as amount, status from {{ source('shop', 'raw_orders') }}"));

        Assert.That(Impact(report, "scores").Severity, Is.EqualTo(Severity.Values));
        Assert.That(Impact(report, "report").Severity, Is.EqualTo(Severity.Values));
    }

    [Test]
    public void Run_PythonModelWithoutYaml_UpstreamChangeStillReachesItsReader()
    {
        var files = new Dictionary<string, string>(Base, StringComparer.Ordinal);
        files.Remove("models/scores.yml");

        var report = Run(files, ("models/orders.sql", "select id, amount * 100 as amount, status from {{ source('shop', 'raw_orders') }}"));

        Assert.That(Impact(report, "scores").Severity, Is.EqualTo(Severity.Values));
        Assert.That(Impact(report, "report").Severity, Is.EqualTo(Severity.Values));
    }

    [Test]
    public void Run_PythonCodeEdited_IsACodeChangeWhoseReadersGetValues()
    {
        var report = Run(("models/scores.py", "def model(dbt, session):\n    orders = dbt.ref('orders').to_pandas()\n    return orders.assign(score=orders.amount * 3)\n"));

        var change = report.Changes.Single();
        Assert.That((change.Asset, change.Kind), Is.EqualTo(("scores", AssetChangeKind.Modified)));
        Assert.That(change.Rows, Is.EqualTo(new[] { RowChangeKind.Code }));
        Assert.That(change.Reasons, Is.EqualTo(new[] { "Python code changed (models/scores.py)" }));
        Assert.That(Impact(report, "report").Severity, Is.EqualTo(Severity.Values));
    }

    [Test]
    public void Run_YamlColumnOfPythonModelRemoved_BreaksItsReader()
    {
        var report = Run(("models/scores.yml", "models:\n  - name: scores\n    columns:\n      - name: id\n"));

        var change = report.Changes.Single();
        Assert.That(change.Columns.Select(c => (c.Name, c.Kind)), Is.EqualTo(new[] { ("score", ColumnChangeKind.Removed) }));
        Assert.That(change.Reasons, Does.Contain("declared columns changed in YAML (models/scores.py is a Python model)"));
        var reader = Impact(report, "report");
        Assert.That((reader.Severity, reader.ModelLevel), Is.EqualTo((Severity.Breaking, false)));
    }

    [Test]
    public void Run_PythonModelAffected_ReportsThatItsLineageIsModelLevel()
    {
        var report = Run(("models/orders.sql", "select id, status from {{ source('shop', 'raw_orders') }}"));

        Assert.That(report.Diagnostics.Select(d => (d.Code, d.Path)), Does.Contain(("python-model", "models/scores.py")));
    }
}
