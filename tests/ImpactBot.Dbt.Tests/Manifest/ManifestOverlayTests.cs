using ImpactBot.Dbt;
using ImpactBot.Dbt.Analysis;
using ImpactBot.Core.Files;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Text;

namespace ImpactBot.Dbt.Tests.Manifest;

public sealed class ManifestOverlayTests
{
    private static readonly string ManifestText = FixtureFiles.Read("dbt/mini/artifacts/manifest.json");

    private static DbtProject ReadMini(string? manifest = null, string? catalog = null) =>
        DbtProjectReader.Read(FixtureFiles.Load("dbt/mini/project"), new DbtReadOptions
        {
            ManifestText = manifest ?? ManifestText,
            ManifestPath = "target/manifest.json",
            CatalogText = catalog,
        });

    [Test]
    public void Build_ModelNewerThanTheManifestAskingForAProjectModelsColumns_IsAnsweredFromItsBoundColumns()
    {
        var files = FixtureFiles.Load("dbt/mini/project", ("models/listing.sql",
            "select {% for c in adapter.get_columns_in_relation(ref('payments')) %}{{ c.name }}{{ ', ' if not loop.last }}{% endfor %} from {{ ref('payments') }}"));

        var (build, _) = ProjectGraph.Build(files, "c", ProjectGraph.ReadConfigOrDefault(files), ProjectOptions.Default with { ManifestText = ManifestText }, previous: null);

        var listing = build.Graph.Find("listing")!;
        Assert.That(listing.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "amount" }));
        Assert.That(listing.Diagnostics.Select(d => d.Code), Does.Not.Contain("needs-warehouse"));
    }

    [Test]
    public void Read_UnchangedModel_UsesCompiledSqlWithConventionNames()
    {
        var payments = ReadMini().Models.Single(m => m.Name == "payments");

        Assert.That(payments.RenderedSql, Is.EqualTo("select id, amount from __source__.raw.payments\n"));
        Assert.That((payments.FromManifest, payments.RelationName), Is.EqualTo((true, "\"db\".\"mini\".\"payments\"")));
        Assert.That(payments.DependsOn, Is.EqualTo(new[] { "source.mini.raw.payments" }));
    }

    [Test]
    public void Read_ChangedModel_RendersFromFileAndReportsStaleManifest()
    {
        var project = ReadMini();
        var revenue = project.Models.Single(m => m.Name == "revenue");

        Assert.That(revenue.FromManifest, Is.False);
        Assert.That(revenue.RenderedSql, Does.Contain("from __ref__.payments p join __ref__.rates x"));
        Assert.That(project.Diagnostics.Select(d => d.Code), Does.Contain("manifest-stale"));
    }

    [Test]
    public void Read_ModelOnlyInManifest_IsAddedFromIt()
    {
        var project = ReadMini();
        var rates = project.Models.Single(m => m.UniqueId == "model.pkg.rates");

        Assert.That((rates.Path, rates.Materialization, rates.FromManifest), Is.EqualTo(("", "table", true)));
        Assert.That(project.RelationIndex["__ref__.rates"], Is.EqualTo("model.pkg.rates"));
        Assert.That(project.Groups.Single().OwnerEmail, Is.EqualTo("fin@acme.com"));
    }

    [Test]
    public void Read_PythonModel_CompiledPythonIsNotTakenForSql()
    {
        var node = "{\"resource_type\": \"model\", \"name\": \"scores\", \"package_name\": \"shop\", \"language\": \"python\", \"original_file_path\": \"models/scores.py\", "
            + "\"compiled_code\": \"def model(dbt, session):\\n    return dbt.ref('orders')\\n\", \"depends_on\": {\"nodes\": [\"model.shop.orders\"]}}";
        var orders = "{\"resource_type\": \"model\", \"name\": \"orders\", \"package_name\": \"shop\", \"compiled_code\": \"select 1 as id\"}";
        var manifest = $"{{\"metadata\": {{\"project_name\": \"shop\"}}, \"nodes\": {{\"model.shop.scores\": {node}, \"model.shop.orders\": {orders}}}}}";

        var scores = DbtProjectReader.Read(FixtureFiles.Of(("dbt_project.yml", "name: shop\n")), new DbtReadOptions { ManifestText = manifest })
            .Models.Single(m => m.Name == "scores");

        Assert.That((scores.Language, scores.RenderedSql), Is.EqualTo((DbtModel.Python, "")));
        Assert.That(scores.Refs.Select(r => r.Name), Is.EqualTo(new[] { "orders" }));
    }

    [Test]
    public void Read_Catalog_AddsColumnsWithTypesInTableOrder()
    {
        var project = ReadMini(catalog: FixtureFiles.Read("dbt/mini/artifacts/catalog.json"));

        Assert.That(project.Models.Single(m => m.Name == "payments").Columns.Select(c => (c.Name, c.DataType)), Is.EqualTo(new[] { ("ID", (string?)"integer"), ("AMOUNT", "numeric") }));
        Assert.That(project.Sources.Single().Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "amount" }));
    }

    [Test]
    public void Read_TruncatedManifest_ReportsFileAndPositionAndFallsBackToFiles()
    {
        var project = ReadMini(manifest: ManifestText[..400]);

        var diagnostic = project.Diagnostics.Single(d => d.Code == "manifest-invalid");
        Assert.That((diagnostic.Path, diagnostic.Severity), Is.EqualTo(("target/manifest.json", DiagnosticSeverity.Error)));
        Assert.That(diagnostic.Line, Is.GreaterThan(1));
        Assert.That(project.ManifestUsed, Is.False);
        Assert.That(project.Models.Select(m => m.Name), Is.EquivalentTo(new[] { "payments", "revenue" }));
        Assert.That(project.Models.Single(m => m.Name == "payments").RenderedSql, Is.EqualTo("select id, amount from __source__.raw.payments\n"));
    }

    [Test]
    public void Read_InvalidCatalog_ReportsAndKeepsDeclaredColumns()
    {
        var project = ReadMini(catalog: "{\"nodes\": [");

        Assert.That(project.Diagnostics.Select(d => d.Code), Does.Contain("catalog-invalid"));
        Assert.That(project.ManifestUsed, Is.True);
    }

    [Test]
    public void Read_ManifestOnlyWithOldKeys_UsesCompiledSqlAndRendersRawSql()
    {
        var project = DbtProjectReader.Read(new InMemoryFileSource([]), new DbtReadOptions { ManifestText = FixtureFiles.Read("dbt/mini/artifacts/manifest_v4.json") });

        Assert.That(project.Kind, Is.EqualTo(DbtProjectKind.Dbt));
        Assert.That(project.DialectHint, Is.EqualTo(SqlDialect.Snowflake));
        Assert.That(project.Models.Single(m => m.Name == "m").RenderedSql, Is.EqualTo("select * from __ref__.n"));
        var n = project.Models.Single(m => m.Name == "n");
        Assert.That((n.RenderedSql, n.FromManifest), Is.EqualTo(("select 1 as x", false)));
    }

    [Test]
    public void Read_DialectFromManifestAdapter_WhenNoProfile()
    {
        Assert.That(ReadMini().DialectHint, Is.EqualTo(SqlDialect.Postgres));
    }
}
