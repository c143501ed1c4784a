using ImpactBot.Dbt;
using ImpactBot.Core.Owners;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Dbt.Tests;

public sealed class DbtProjectReaderTests
{
    private static DbtProject _shop = null!;

    [OneTimeSetUp]
    public void ReadShop() => _shop = DbtProjectReader.Read(FixtureFiles.Load("dbt/shop"));

    private static DbtModel Model(string uniqueId) => _shop.Models.Single(m => m.UniqueId == uniqueId);

    [Test]
    public void Read_ProjectInSubfolder_FindsProjectNameRootAndDialect()
    {
        Assert.That((_shop.Kind, _shop.Name, _shop.RootDir, _shop.DialectHint), Is.EqualTo((DbtProjectKind.Dbt, "shop", "analytics", (SqlDialect?)SqlDialect.Snowflake)));
    }

    [Test]
    public void Read_Shop_ReadsEveryNodeKind()
    {
        Assert.That(_shop.Models.Select(m => m.UniqueId), Is.EquivalentTo(new[]
        {
            "model.shop.stg_orders", "model.shop.stg_customers", "model.shop.orders", "model.shop.customers.v1", "model.shop.customers.v2",
        }));
        Assert.That(_shop.Sources.Select(s => s.UniqueId), Is.EquivalentTo(new[] { "source.shop.shop_raw.orders", "source.shop.shop_raw.customers" }));
        Assert.That(_shop.Seeds.Single().UniqueId, Is.EqualTo("seed.shop.country_codes"));
        Assert.That(_shop.Snapshots.Single().UniqueId, Is.EqualTo("snapshot.shop.orders_snapshot"));
        Assert.That(_shop.Macros.Single().Name, Is.EqualTo("cents_to_dollars"));
    }

    [Test]
    public void Read_Shop_HasNoDiagnostics()
    {
        Assert.That(_shop.Diagnostics, Is.Empty);
    }

    [Test]
    public void Read_FolderConfigs_InheritDownFolders()
    {
        var staging = Model("model.shop.stg_orders");
        var mart = Model("model.shop.customers.v2");

        Assert.That((staging.Materialization, staging.Schema, staging.Tags.Single()), Is.EqualTo(("view", "staging", "staging")));
        Assert.That((mart.Materialization, mart.Schema, mart.Tags.Single()), Is.EqualTo(("table", (string?)null, "marts")));
    }

    [Test]
    public void Read_SqlConfig_OverridesFolderConfig()
    {
        var orders = Model("model.shop.orders");

        Assert.That((orders.Materialization, orders.UniqueKey.Single(), orders.IncrementalStrategy, orders.IsIncremental), Is.EqualTo(("incremental", "order_id", "merge", true)));
        Assert.That(orders.IncrementalPredicates.Single(), Is.EqualTo("where ordered_at > (select max(ordered_at) from __this__.orders)"));
    }

    [Test]
    public void Read_ModelSql_IsRenderedWithVarsMacrosAndStar()
    {
        Assert.That(Model("model.shop.stg_orders").RenderedSql, Does.Contain("from __source__.shop_raw.orders\nwhere ordered_at >= '2020-01-01'\n\n  and not is_test"));
        var orders = Model("model.shop.orders");
        Assert.That(orders.RenderedSql, Does.Contain("select\n    * exclude (amount_cents),\n    \n    (amount_cents / 100)::numeric(16, 2) as amount\nfrom __ref__.stg_orders"));
        var star = orders.StarMacros.Single();
        Assert.That((star.Ref, star.Line, star.Except.Single()), Is.EqualTo((new DbtRef("stg_orders", null, null, 9), 9, "amount_cents")));
        Assert.That(orders.RenderStatus, Is.EqualTo(RenderStatus.Complete));
    }

    [Test]
    public void Read_Yaml_ColumnsTestsAndContract()
    {
        var orders = Model("model.shop.orders");
        var stg = Model("model.shop.stg_orders");

        Assert.That(orders.Columns.Select(c => (c.Name, c.DataType)), Is.EqualTo(new[] { ("order_id", (string?)"int"), ("amount", "numeric") }));
        Assert.That((orders.Contracted, orders.Access, orders.Group), Is.EqualTo((true, "public", "finance")));
        Assert.That(stg.Description, Is.EqualTo("One row per order."));
        Assert.That(stg.Columns[0].Tests.Select(t => t.Name), Is.EqualTo(new[] { "unique_stg_orders_order_id", "not_null_stg_orders_order_id" }));
    }

    [Test]
    public void Read_RelationshipsAndAcceptedValues_KeepTheirArguments()
    {
        var relationships = _shop.Tests.Single(t => t.TestName == "relationships");
        var accepted = _shop.Tests.Single(t => t.TestName == "accepted_values");

        Assert.That((relationships.AttachedTo, relationships.Column, relationships.ToRef?.Name, relationships.Field), Is.EqualTo(("model.shop.stg_orders", "customer_id", "stg_customers", "customer_id")));
        Assert.That(accepted.Values, Is.EqualTo(new[] { "placed", "shipped", "returned" }));
    }

    [Test]
    public void Read_ModelLevelAndSourceTests_AreCollected()
    {
        Assert.That(_shop.Tests.Single(t => t.TestName == "dbt_utils.expression_is_true").Column, Is.Null);
        Assert.That(_shop.Tests.Count(t => t.AttachedTo == "source.shop.shop_raw.orders"), Is.EqualTo(2));
    }

    [Test]
    public void Read_VersionedModel_OneModelPerVersionWithColumnsIncludeExclude()
    {
        var v1 = Model("model.shop.customers.v1");
        var v2 = Model("model.shop.customers.v2");

        Assert.That((v1.Version, v1.IsLatestVersion, v1.DeprecationDate), Is.EqualTo(("1", false, "2025-06-01")));
        Assert.That((v2.Version, v2.IsLatestVersion), Is.EqualTo(("2", true)));
        Assert.That(v2.Columns.Select(c => c.Name), Is.EqualTo(new[] { "customer_id", "name", "country_name" }));
        Assert.That(v1.Columns.Select(c => c.Name), Is.EqualTo(new[] { "customer_id", "name", "email" }));
    }

    [Test]
    public void Read_RelationIndex_MapsConventionNamesToNodes()
    {
        Assert.That(_shop.RelationIndex["__ref__.customers"], Is.EqualTo("model.shop.customers.v2"));
        Assert.That(_shop.RelationIndex["__ref__.customers_v1"], Is.EqualTo("model.shop.customers.v1"));
        Assert.That(_shop.RelationIndex["__source__.shop_raw.orders"], Is.EqualTo("source.shop.shop_raw.orders"));
        Assert.That(_shop.RelationIndex["__ref__.country_codes"], Is.EqualTo("seed.shop.country_codes"));
    }

    [Test]
    public void Read_Source_ReadsSchemaIdentifierAndColumns()
    {
        var orders = _shop.Sources.Single(s => s.Name == "orders");

        Assert.That((orders.Identifier, orders.Schema, orders.Database, orders.LoadedAtField), Is.EqualTo(("orders_v3", "raw_shop", "raw", "_loaded_at")));
        Assert.That(orders.Columns.Single(c => c.Name == "amount_cents").DataType, Is.EqualTo("integer"));
        Assert.That(_shop.Sources.Single(s => s.Name == "customers").Schema, Is.EqualTo("raw_shop"));
    }

    [Test]
    public void Read_Seed_ColumnsFromCsvHeaderEnrichedByYaml_TypedByColumnTypesElseByTheirValues()
    {
        var seed = _shop.Seeds.Single();

        Assert.That(seed.Columns.Select(c => (c.Name, c.DataType, c.Description)), Is.EqualTo(new[]
        {
            ("code", (string?)"varchar(2)", (string?)null), ("country_name", "text", "English name"), ("region, continent", "text", null),
        }));
    }

    [Test]
    public void Read_SnapshotBlock_ReadsConfigAndSql()
    {
        var snapshot = _shop.Snapshots.Single();

        Assert.That((snapshot.UniqueKey.Single(), snapshot.Strategy, snapshot.UpdatedAt), Is.EqualTo(("order_id", "timestamp", "ordered_at")));
        Assert.That(snapshot.RenderedSql, Is.EqualTo("select * from __ref__.stg_orders"));
        Assert.That(snapshot.Refs.Single().Name, Is.EqualTo("stg_orders"));
    }

    [Test]
    public void Read_Exposure_ReadsOwnerAndDependencies()
    {
        var exposure = _shop.Exposures.Single();

        Assert.That((exposure.Type, exposure.Url, exposure.OwnerEmail), Is.EqualTo(("dashboard", "https://bi.acme.com/revenue", "dana@acme.com")));
        Assert.That(exposure.Refs.Single().Name, Is.EqualTo("orders"));
        Assert.That(exposure.Sources.Single(), Is.EqualTo(new DbtSourceRef("shop_raw", "orders", 47)));
    }

    [Test]
    public void Read_SemanticModelAndMetric_ReferenceColumnsAndMeasures()
    {
        var semantic = _shop.SemanticModels.Single();

        Assert.That(semantic.Model?.Name, Is.EqualTo("orders"));
        Assert.That(semantic.Fields.Select(f => (f.Kind, f.Name, string.Join(",", f.Columns))), Is.EqualTo(new[]
        {
            (SemanticFieldKind.Entity, "order", "order_id"), (SemanticFieldKind.Dimension, "status", "status"), (SemanticFieldKind.Measure, "revenue", "status,amount"),
        }));
        Assert.That(_shop.Metrics.Single().Measures.Single(), Is.EqualTo("revenue"));
    }

    [Test]
    public void Read_FolderMetaOwner_IsReplacedByYamlConfigMetaOwner()
    {
        Assert.That(Model("model.shop.customers.v2").Owners.Select(o => o.Display), Is.EqualTo(new[] { "finance@acme.com" }), "CODEOWNERS only when dbt names no owner");
    }

    [Test]
    public void Read_ModelOwners_OrderedMetaConfigGroup_NoCodeOwnersBesideThem()
    {
        var owners = Model("model.shop.orders").Owners;

        Assert.That(owners.Select(o => (o.Display, o.Source)), Is.EqualTo(new[]
        {
            ("@bob", OwnerSource.ConfigMeta), ("carol@acme.com", OwnerSource.ConfigMeta),
            ("Finance Team <finance-team@acme.com>", OwnerSource.Group),
        }));
    }

    [Test]
    public void Read_YamlMetaOwner_ComesFirstWithOrigin()
    {
        var owner = Model("model.shop.stg_orders").Owners[0];

        Assert.That((owner.Display, owner.Source, owner.Origin), Is.EqualTo(("Jane Doe", OwnerSource.Meta, "analytics/models/staging/_staging.yml:3")));
    }

    [Test]
    public void Read_SqlConfigMetaOwner_IsConfigMeta()
    {
        Assert.That(Model("model.shop.stg_customers").Owners.Select(o => o.Display), Is.EqualTo(new[] { "@jane" }));
    }

    [Test]
    public void Read_ConfigAliases_MapOwnersOfModelsExposuresAndCatalog()
    {
        var config = ImpactBot.Dbt.Config.ImpactBotConfigReader.Read(
            "owners:\n  carol@acme.com: \"@carol\"\n  dana@acme.com: \"@dana\"\ncatalog:\n  - name: churn\n    type: ml_model\n    owner: carol@acme.com\n    depends_on: [orders.amount]\n",
            ".impactbot.yml").Config;

        var project = DbtProjectReader.Read(FixtureFiles.Load("dbt/shop"), new DbtReadOptions { Config = config });

        Assert.That(project.Models.Single(m => m.Name == "orders").Owners.Select(o => o.Display).Take(2), Is.EqualTo(new[] { "@bob", "@carol" }));
        Assert.That(project.Exposures.Single().Owners[0], Is.EqualTo(new AssetOwner("@dana", "Dana <dana@acme.com>", OwnerSource.Exposure, "analytics/models/marts/_marts.yml:39")));
        var churn = project.CatalogAssets.Single();
        Assert.That((churn.Type, churn.DependsOn.Single(), churn.Owners.Single().Display), Is.EqualTo(("ml_model", "orders.amount", "@carol")));
    }
}
