using System.Text.Json;
using System.Text.Json.Nodes;
using ImpactBot.Dbt.Analysis;
using ImpactBot.Core.Config;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Snapshot;
using ImpactBot.Testing.Golden;
using Json.Schema;

namespace ImpactBot.Dbt.Tests.Snapshot;

/// <summary>
/// The export of a small project with a complete chain, a star over a source without declared columns (its columns inferred
/// from what orders reads) and a model with an unknown macro: pinned by golden files; the OpenLineage events validated against the vendored OpenLineage schemas.
/// </summary>
public sealed class LineageExportTests
{
    private static readonly DateTimeOffset EventTime = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static LineageGraph Graph()
    {
        var files = FixtureFiles.Load("dbt/export");
        return ProjectGraph.Build(files, "0123456789abcdef", ImpactBotConfig.Default, new ProjectOptions { Target = "prod" }, previous: null).Build.Graph;
    }

    private static JsonSchema Schema(string file) => JsonSchema.FromText(FixtureFiles.Read("openlineage/" + file));

    [Test]
    public void Render_SmallProject_MatchesTheGoldenFile()
    {
        GoldenFile.Verify(LineageExport.Render(Graph()), "snapshot/export.json");
    }

    [Test]
    public void Render_PartialModels_SayWhy()
    {
        var assets = JsonNode.Parse(LineageExport.Render(Graph()))!["assets"]!.AsArray();
        string[] Why(string id) => [.. assets.Single(a => (string?)a!["id"] == id)!["why"]!.AsArray().Select(w => (string)w!)];

        // raw.customers declares no columns: those orders reads through stg_customers' star are inferred.
        Assert.That(Why("stg_customers"), Has.Some.StartsWith("columns inferred from what downstream models read").And.Some.EndsWith(": id, name"));
        Assert.That((string?)assets.Single(a => (string?)a!["id"] == "stg_customers")!["status"], Is.EqualTo("inferred"));
        Assert.That(Why("totals"), Has.Some.StartsWith("the Jinja could not be rendered in full"));
        Assert.That(assets.Single(a => (string?)a!["id"] == "stg_orders")!["why"], Is.Null);
    }

    [Test]
    public void Render_SameGraphTwice_SameText()
    {
        var first = LineageExport.Render(Graph());

        Assert.That(LineageExport.Render(Graph()), Is.EqualTo(first));
    }

    [Test]
    public void OpenLineage_SmallProject_MatchesTheGoldenFile()
    {
        GoldenFile.Verify(OpenLineageExport.Render(Graph(), EventTime), "snapshot/export.openlineage.jsonl");
    }

    [Test]
    public void OpenLineage_EveryEvent_IsValidAgainstTheOpenLineageSchemas()
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        var spec = Schema("OpenLineage.json");
        var facet = Schema("ColumnLineageDatasetFacet.json");
        options.SchemaRegistry.Register(spec);
        options.SchemaRegistry.Register(facet);

        var lines = OpenLineageExport.Render(Graph(), EventTime).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines, Has.Length.EqualTo(4));
        foreach (var line in lines)
        {
            var json = JsonNode.Parse(line)!;
            var run = spec.Evaluate(json, options);
            Assert.That(run.IsValid, Is.True, () => $"{line}\n{Errors(run)}");
            foreach (var output in json["outputs"]!.AsArray())
            {
                var facets = facet.Evaluate(output!["facets"], options);
                Assert.That(facets.IsValid, Is.True, () => $"{output["facets"]}\n{Errors(facets)}");
            }
        }
    }

    [Test]
    public void OpenLineage_SchemaCheck_RejectsAFacetWithoutInputFields()
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        options.SchemaRegistry.Register(Schema("OpenLineage.json"));
        var facet = Schema("ColumnLineageDatasetFacet.json");
        var broken = JsonNode.Parse("""{"columnLineage": {"_producer": "urn:x", "_schemaURL": "https://openlineage.io/x", "fields": {"a": {}}}}""");

        Assert.That(facet.Evaluate(broken, options).IsValid, Is.False);
    }

    [Test]
    public void OpenLineage_ColumnEdges_BecomeInputFieldsWithTransformations()
    {
        var events = OpenLineageExport.Render(Graph(), EventTime).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var orders = events.Single(e => (string?)e["job"]!["name"] == "orders")!;

        var output = orders["outputs"]![0]!;
        var doubled = output["facets"]!["columnLineage"]!["fields"]!["amount_doubled"]!["inputFields"]![0]!;
        Assert.That((string?)output["namespace"], Is.EqualTo("snowflake://prod"));
        Assert.That(((string?)doubled["name"], (string?)doubled["field"]), Is.EqualTo(("stg_orders", "amount")));
        Assert.That((string?)doubled["transformations"]![0]!["type"], Is.EqualTo("DIRECT"));
        Assert.That(orders["inputs"]!.AsArray().Select(i => (string?)i!["name"]), Is.EqualTo(new[] { "stg_customers", "stg_orders" }));
    }

    private static string Errors(EvaluationResults results) =>
        string.Join('\n', (results.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")));
}
