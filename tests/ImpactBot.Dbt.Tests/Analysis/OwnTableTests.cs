using ImpactBot.Dbt.Analysis;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Dbt.Tests.Analysis;

/// <summary>
/// <c>{{ this }}</c> is a model's own table as the warehouse has it (an incremental model reads it): each model's is its
/// own, and catalog.json, which lists the table, gives its columns.
/// </summary>
public sealed class OwnTableTests
{
    [Test]
    public void Build_TwoModelsReadingTheirOwnTables_DoNotShareWhatEachReadsOfIt()
    {
        var graph = Build(ProjectOptions.Default, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["dbt_project.yml"] = "name: shop\n",
            ["models/snapshots_all.sql"] = "select * from {{ this }}",
            ["models/latest.sql"] = "select secret_code from {{ this }}",
        });

        Assert.That(graph.Find("snapshots_all")!.Columns.Select(c => c.Name), Does.Not.Contain("secret_code"), "one model's read of its own table says nothing of another's");
        Assert.That(graph.Find("latest")!.FindColumn("secret_code")!.Sources.Single().Asset, Is.EqualTo("__this__.latest"));
    }

    [Test]
    public void Build_ModelReadingItsOwnTableWithACatalog_ExpandsItsStarToTheCatalogsColumns()
    {
        const string catalog = "{\"nodes\": {\"model.shop.events\": {\"columns\": {\"id\": {\"name\": \"id\", \"type\": \"int\", \"index\": 1}, "
            + "\"ts\": {\"name\": \"ts\", \"type\": \"timestamp\", \"index\": 2}}}}, \"sources\": {}}";

        var graph = Build(new ProjectOptions { CatalogText = catalog }, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["dbt_project.yml"] = "name: shop\n",
            ["models/stg_events.sql"] = "select 1 as id, current_timestamp as ts",
            ["models/events.sql"] = "select id, ts from {{ ref('stg_events') }} union all select * from {{ this }}",
        });

        var events = graph.Find("events")!;
        Assert.That(events.Status, Is.EqualTo(LineageStatus.Complete));
        Assert.That(events.FindColumn("ts")!.Sources.Select(s => s.Asset), Is.EquivalentTo(new[] { "stg_events", "__this__.events" }));
    }

    private static Core.Graph.LineageGraph Build(ProjectOptions options, Dictionary<string, string> files) => FixtureGraphs.Build(files, options);
}
