using ImpactBot.Core.Graph;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage;
using static ImpactBot.Core.Tests.SqlAssets;

namespace ImpactBot.Core.Tests.Graph;

public sealed class GraphBuilderBudgetTests
{
    [Test]
    public void Build_ModelOverItsLineageBudget_FallsBackAloneWithDiagnosticAtItsFile()
    {
        var wide = "select " + string.Join(", ", Enumerable.Range(0, 40).Select(i => $"a + b + c + {i} as x{i}")) + " from raw.t";
        var assets = new[]
        {
            Source("raw.t", "a", "b", "c"),
            Model("small", "select a, b from raw.t", "raw.t"),
            Model("wide", wide, "raw.t"),
            Model("reader", "select x1 from wide", "wide"),
        };
        var budget = new LineageBudget { MinNodes = 100, NodesPerCharacter = 0 };

        var graph = GraphBuilder.Build(assets, "commit", DialectFacts.Postgres, previous: null, budget).Graph;

        var failed = graph.Find("wide")!;
        Assert.Multiple(() =>
        {
            Assert.That(failed.Status, Is.EqualTo(LineageStatus.Failed));
            Assert.That(failed.DependsOn, Is.EqualTo(new[] { "raw.t" }));
            var diagnostic = failed.Diagnostics.Single(d => d.Code == SqlLineage.BudgetExceededCode);
            Assert.That((diagnostic.Path, diagnostic.Line), Is.EqualTo(("models/wide.sql", 1)));
            Assert.That(diagnostic.Message, Does.Contain("falls back to model level"));
            Assert.That(graph.Find("small")!.Status, Is.EqualTo(LineageStatus.Complete));
            Assert.That(graph.Find("small")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(graph.Find("reader")!.DependsOn, Does.Contain("wide"));
        });
    }
}
