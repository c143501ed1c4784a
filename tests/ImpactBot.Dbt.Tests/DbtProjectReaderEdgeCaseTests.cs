using ImpactBot.Core.Config;
using ImpactBot.Dbt;
using ImpactBot.Core.Files;
using ImpactBot.Sql.Text;
using Moq;

namespace ImpactBot.Dbt.Tests;

public sealed class DbtProjectReaderEdgeCaseTests
{
    private const string Project = "name: p\n";

    [Test]
    public void Read_BrokenYaml_ReportsFileLineColumnAndLoadsTheRest()
    {
        var files = FixtureFiles.Of(
            ("dbt_project.yml", Project),
            ("models/a.sql", "select 1 as x"),
            ("models/bad.yml", "version: 2\nmodels:\n  - name: a\n    columns: [x\n"),
            ("models/good.yml", "version: 2\nmodels:\n  - name: a\n    description: fine\n"));

        var project = DbtProjectReader.Read(files);

        var diagnostic = project.Diagnostics.Single();
        Assert.That((diagnostic.Code, diagnostic.Path, diagnostic.Severity), Is.EqualTo(("yaml-syntax", "models/bad.yml", DiagnosticSeverity.Error)));
        Assert.That(diagnostic.Line, Is.GreaterThanOrEqualTo(4));
        Assert.That(diagnostic.Column, Is.GreaterThan(0));
        Assert.That(project.Models.Single().Description, Is.EqualTo("fine"));
    }

    [Test]
    public void Read_YamlMergeKeys_AddTheAnchoredKeysWhereTheEntryDoesNotSetThem()
    {
        var files = FixtureFiles.Of(
            ("dbt_project.yml", Project),
            ("models/src.yml", """
                version: 2
                x-common:
                  - &period
                    name: time_period
                    description: the period
                  - &id
                    name: id
                sources:
                  - name: ntd
                    tables:
                      - name: service
                        columns:
                          - <<: *period
                            data_tests: [not_null]
                          - <<: *id
                            name: ntd_id
                          - <<: [*id, *period]
                """));

        var project = DbtProjectReader.Read(files);

        var columns = project.Sources.Single().Columns;
        Assert.That(columns.Select(c => c.Name), Is.EqualTo(new[] { "time_period", "ntd_id", "id" }));
        Assert.That(columns[0].Description, Is.EqualTo("the period"));
        Assert.That(columns[2].Description, Is.EqualTo("the period"));
    }

    [Test]
    public void Read_BrokenDbtProjectYml_StillReadsModels()
    {
        var project = DbtProjectReader.Read(FixtureFiles.Of(("dbt_project.yml", "name: [p\n"), ("models/a.sql", "select 1")));

        Assert.That(project.Diagnostics.Select(d => d.Code), Does.Contain("yaml-syntax"));
        Assert.That(project.Models.Single().Name, Is.EqualTo("a"));
    }

    [Test]
    public void Read_BinaryFileNamedSql_IsFailedModelWithDiagnostic()
    {
        var files = FixtureFiles.Of(("dbt_project.yml", Project), ("models/blob.sql", "PK\0\u0003\u0004binary"), ("models/ok.sql", "select 1"));

        var project = DbtProjectReader.Read(files);

        var blob = project.Models.Single(m => m.Name == "blob");
        Assert.That((blob.RenderStatus, blob.Diagnostics.Single().Code, blob.RenderedSql), Is.EqualTo((RenderStatus.Failed, "unreadable-file", "")));
        Assert.That(project.Models.Single(m => m.Name == "ok").RenderStatus, Is.EqualTo(RenderStatus.Complete));
    }

    [Test]
    public void Read_UnreadableFileFromSource_IsFailedModel()
    {
        var source = new Mock<IFileSource>();
        source.SetupGet(s => s.Paths).Returns(["dbt_project.yml", "models/gone.sql"]);
        source.Setup(s => s.ReadText("dbt_project.yml")).Returns(Project);

        var project = DbtProjectReader.Read(source.Object);

        Assert.That(project.Models.Single().RenderStatus, Is.EqualTo(RenderStatus.Failed));
    }

    [Test]
    public void Read_MissingRef_ReportsFileAndLine()
    {
        var files = FixtureFiles.Of(("dbt_project.yml", Project), ("models/a.sql", "select *\nfrom {{ ref('nope') }}\njoin {{ source('s', 't') }} using (id)"));

        var project = DbtProjectReader.Read(files);

        Assert.That(project.Diagnostics.Select(d => (d.Code, d.Path, d.Line)), Is.EquivalentTo(new[] { ("missing-ref", "models/a.sql", 2), ("missing-source", "models/a.sql", 3) }));
    }

    [Test]
    public void Read_UnknownMacro_ModelIsPartialWithRefsKept()
    {
        var files = FixtureFiles.Of(("dbt_project.yml", Project), ("models/b.sql", "select 1 as id"), ("models/a.sql", "select {{ my_pkg.fancy('id') }} as id from {{ ref('b') }}"));

        var model = DbtProjectReader.Read(files).Models.Single(m => m.Name == "a");

        Assert.That(model.RenderStatus, Is.EqualTo(RenderStatus.Partial));
        Assert.That(model.Diagnostics.Single().ToString(), Is.EqualTo("models/a.sql:1:11: unknown-macro: 'my_pkg.fancy' is not a macro the renderer can expand; a placeholder stands in for it"));
        Assert.That(model.Refs.Single().Name, Is.EqualTo("b"));
    }

    [Test]
    public void Read_DisabledFolder_MarksModelsDisabled()
    {
        var files = FixtureFiles.Of(
            ("dbt_project.yml", "name: p\nmodels:\n  p:\n    legacy:\n      enabled: false\n      +group: old\n"),
            ("models/legacy/x.sql", "select 1"),
            ("models/y.sql", "select 1"));

        var project = DbtProjectReader.Read(files);

        Assert.That(project.Models.Single(m => m.Name == "x").Enabled, Is.False);
        Assert.That(project.Models.Single(m => m.Name == "x").Group, Is.EqualTo("old"));
        Assert.That(project.Models.Single(m => m.Name == "y").Enabled, Is.True);
    }

    [TestCase(null, false)]
    [TestCase("true", true)]
    public void Read_EnabledByAVarInJinja_RenderedWithTheProjectsAndGivenVars(string? given, bool enabled)
    {
        // As the tuva healthcare project enables its marts: the config value is a Jinja string dbt renders.
        var files = FixtureFiles.Of(
            ("dbt_project.yml", "name: p\nvars:\n  tier: gold\nmodels:\n  p:\n    marts:\n      +enabled: \"{{ var('enable_marts', false) | as_bool }}\"\n      +schema: \"{{ var('tier') }}_{{ target.name }}\"\n      +post-hook: \"{{ log_run() }}\"\n"),
            ("models/marts/x.sql", "select 1 as a"));
        var options = new DbtReadOptions
        {
            Vars = given is null ? null : new DbtMap([new("enable_marts", new DbtScalar(given))]),
            Target = new ImpactBot.Dbt.Profiles.DbtTarget("prod", "snowflake"),
        };

        var project = DbtProjectReader.Read(files, options);

        var model = project.Models.Single();
        Assert.That(model.Enabled, Is.EqualTo(enabled));
        Assert.That(model.Config["schema"]?.Text, Is.EqualTo("gold_prod"));
        Assert.That(model.Config["post-hook"]?.Text, Is.EqualTo("{{ log_run() }}"), "hooks render when they run, not when configs are read");
        Assert.That(project.Diagnostics, Is.Empty);
    }

    [Test]
    public void Read_MacroIteratingGraphNodes_SeesTheProjectsModelsSeedsSnapshotsAndSources()
    {
        var files = FixtureFiles.Of(
            ("dbt_project.yml", "name: p\nmodels:\n  p:\n    +materialized: table\n"),
            ("macros/nodes.sql", "{% macro node_columns() %}{% for node in graph.nodes.values() | sort(attribute='unique_id') if node.name != this.name %}"
                + "'{{ node.resource_type }} {{ node.package_name }} {{ node.config.materialized }} {{ node.columns | length }}' as {{ node.name }}, {% endfor %}"
                + "{% for source in graph.sources.values() %}'{{ source.unique_id }}' as src_{{ source.name }}{% endfor %}{% endmacro %}"),
            ("models/orders.sql", "select 1 as id"),
            ("models/orders.yml", "version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: id\n      - name: amount\n"),
            ("models/listing.sql", "select {{ node_columns() }}"),
            ("models/sources.yml", "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: payments\n"),
            ("seeds/countries.csv", "code,name\n"),
            ("snapshots/orders_snapshot.sql", "{% snapshot orders_snapshot %}{{ config(unique_key='id', strategy='check', check_cols='all') }}select * from {{ ref('orders') }}{% endsnapshot %}"));

        var project = DbtProjectReader.Read(files);

        var listing = project.Models.Single(m => m.Name == "listing");
        Assert.That(listing.RenderedSql, Is.EqualTo(
            "select 'model p table 2' as orders, 'seed p  0' as countries, 'snapshot p  0' as orders_snapshot, 'source.p.raw.payments' as src_payments"));
        Assert.That(listing.UsesGraph, Is.True);
        Assert.That(project.Models.Single(m => m.Name == "orders").UsesGraph, Is.False);
    }

    [Test]
    public void Read_GetRelation_FindsTheProjectsRelations_AndNotTheModelBeingCompiled()
    {
        var files = FixtureFiles.Of(
            ("dbt_project.yml", "name: p\n"),
            ("macros/pick.sql", "{% macro pick(name, schema=this.schema) %}{% set r = adapter.get_relation(database=this.database, schema=schema, identifier=name) %}"
                + "{% if r is none %}select null as id{% else %}select id from {{ r }}{% endif %}{% endmacro %}"),
            ("macros/is_incremental.sql", "{% macro is_incremental() %}{% set r = adapter.get_relation(this.database, this.schema, this.table) %}"
                + "{{ return(r is not none and r.type == 'table') }}{% endmacro %}"),
            ("models/orders.sql", "select 1 as id"),
            ("models/from_orders.sql", "{{ pick('orders') }}"),
            ("models/from_payments.sql", "{{ pick('payments', 'raw') }}"),
            ("models/from_elsewhere.sql", "{{ pick('not_in_this_project') }}"),
            ("models/incremental.sql", "select id from {{ ref('orders') }}{% if is_incremental() %} where id > (select max(id) from {{ this }}){% endif %}"),
            ("models/sources.yml", "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: payments\n"));

        var models = DbtProjectReader.Read(files).Models.ToDictionary(m => m.Name);

        Assert.That(models["from_orders"].RenderedSql, Is.EqualTo("select id from __ref__.orders"));
        Assert.That(models["from_payments"].RenderedSql, Is.EqualTo("select id from __source__.raw.payments"));
        Assert.That(models["from_elsewhere"].Diagnostics.Select(d => d.Code), Does.Contain("needs-warehouse"));
        Assert.That((models["incremental"].RenderedSql, models["incremental"].Diagnostics.Length), Is.EqualTo(("select id from __ref__.orders", 0)));
        Assert.That((models["from_orders"].UsesGraph, models["incremental"].UsesGraph), Is.EqualTo((true, false)), "only a lookup of another relation depends on the project's other nodes");
    }

    [Test]
    public void Read_GetRelation_TwoModelsOfOneAlias_FindsTheOneInTheSchemaOfItsGraphNode()
    {
        var files = FixtureFiles.Of(
            ("dbt_project.yml", "name: p\n"),
            ("macros/pick.sql", "{% macro pick(name) %}{% set node = graph.nodes['model.p.' ~ name] %}"
                + "{{ adapter.get_relation(database=node.database, schema=node.schema, identifier=node.alias) }}{% endmacro %}"),
            ("models/staging_months.sql", "select 1 as id"),
            ("models/core_months.sql", "select 1 as id"),
            ("models/months.yml", "version: 2\nmodels:\n  - name: staging_months\n    config:\n      schema: staging\n      alias: months\n"
                + "  - name: core_months\n    config:\n      schema: core\n      alias: months\n"),
            ("models/picked.sql", "select * from {{ pick('staging_months') }}"));

        var picked = DbtProjectReader.Read(files).Models.Single(m => m.Name == "picked");

        Assert.That(picked.RenderedSql, Is.EqualTo("select * from __ref__.staging_months"));
    }

    [Test]
    public void Read_GetRelation_FindsASourceWhoseSchemaAndIdentifierAreWrittenWithJinja()
    {
        var files = FixtureFiles.Of(
            ("dbt_project.yml", "name: p\n"),
            ("models/src.yml", "version: 2\nsources:\n  - name: github\n    schema: \"{{ var('github_schema', 'github') }}\"\n    tables:\n"
                + "      - name: issue\n        identifier: \"{{ var('github_issue_identifier', 'issue') }}\"\n"),
            ("models/issue_tmp.sql", "{% set s = source('github', 'issue') %}{% set r = adapter.get_relation(database=s.database, schema=s.schema, identifier=s.identifier) %}"
                + "{% if r is not none %}select id from {{ s }}{% else %}select null as id{% endif %}"));

        var model = DbtProjectReader.Read(files).Models.Single();

        Assert.That((model.RenderedSql, model.Diagnostics.Length), Is.EqualTo(("select id from __source__.github.issue", 0)));
    }

    [Test]
    public void Read_DialectGiven_IsTheTargetTypeRenderedFor_OverTheManifestsAdapter()
    {
        var files = FixtureFiles.Of(
            ("dbt_project.yml", "name: p\n"),
            ("models/m.sql", "select '{{ target.type }}' as t, {{ adapter.quote('id') }}"));
        var manifest = """{"metadata": {"adapter_type": "postgres", "project_name": "p"}, "nodes": {}, "sources": {}}""";

        var given = DbtProjectReader.Read(files, new DbtReadOptions { ManifestText = manifest, Dialect = ImpactBot.Sql.Dialects.SqlDialect.BigQuery }).Models.Single();
        var fromManifest = DbtProjectReader.Read(files, new DbtReadOptions { ManifestText = manifest }).Models.Single();

        Assert.That(given.RenderedSql, Is.EqualTo("select 'bigquery' as t, `id`"));
        Assert.That(fromManifest.RenderedSql, Is.EqualTo("select 'postgres' as t, \"id\""));
    }

    [Test]
    public void Read_LocalPackage_ItsMacrosAreReadFromTheRepository_WithoutDbtDeps()
    {
        var files = FixtureFiles.Of(
            ("dbt_project.yml", "name: my_utils\n"),
            ("macros/double.sql", "{% macro double(x) %}{{ x }} * 2{% endmacro %}"),
            ("integration_tests/dbt_project.yml", "name: my_utils_tests\n"),
            ("integration_tests/packages.yml", "packages:\n  - local: ../\n"),
            ("integration_tests/models/m.sql", "select {{ my_utils.double('amount') }} as doubled from t"));

        var model = DbtProjectReader.Read(files, new DbtReadOptions { ProjectDir = "integration_tests" }).Models.Single();

        Assert.That((model.RenderedSql, model.Diagnostics.Length), Is.EqualTo(("select amount * 2 as doubled from t", 0)));
    }

    [Test]
    public void Read_ARelation_IsTheMappingDbtUtilsChecksFor()
    {
        var files = FixtureFiles.Of(
            ("dbt_project.yml", "name: p\n"),
            ("macros/is_relation.sql", "{% macro is_relation(obj) %}{{ return(obj is mapping and obj.get('metadata', {}).get('type', '').endswith('Relation')) }}{% endmacro %}"),
            ("models/a.sql", "select 1 as id"),
            ("models/m.sql", "select {{ is_relation(ref('a')) }} as r, {{ is_relation('a') }} as s, {{ load_relation(ref('a')) }} as l"));

        var model = DbtProjectReader.Read(files).Models.Single(m => m.Name == "m");

        Assert.That(model.RenderedSql, Is.EqualTo("select True as r, False as s, __ref__.a as l"));
    }

    [Test]
    public void Read_CustomModelPathsAndPackagesFolder_OnlyProjectModels()
    {
        var files = FixtureFiles.Of(
            ("dbt_project.yml", "name: p\nmodel-paths: [transform]\n"),
            ("transform/a.sql", "select 1"),
            ("models/not_a_model.sql", "select 1"),
            ("dbt_packages/pkg/dbt_project.yml", "name: pkg\n"),
            ("transform/dbt_packages/x.sql", "select 1"));

        var project = DbtProjectReader.Read(files);

        Assert.That(project.Models.Select(m => m.Path), Is.EqualTo(new[] { "transform/a.sql" }));
        Assert.That(project.Diagnostics, Is.Empty);
    }

    [Test]
    public void Read_TwoProjects_UsesShallowestAndReports()
    {
        var files = FixtureFiles.Of(("a/dbt_project.yml", "name: a\n"), ("b/c/dbt_project.yml", "name: c\n"));

        var project = DbtProjectReader.Read(files);

        Assert.That(project.Name, Is.EqualTo("a"));
        Assert.That(project.Diagnostics.Single().Code, Is.EqualTo("multiple-projects"));
    }

    [Test]
    public void Read_ProjectDirOption_OverridesDiscovery()
    {
        var files = FixtureFiles.Of(("a/dbt_project.yml", "name: a\n"), ("b/c/dbt_project.yml", "name: c\n"), ("b/c/models/m.sql", "select 1"));

        var project = DbtProjectReader.Read(files, new DbtReadOptions { ProjectDir = "b/c/" });

        Assert.That((project.Name, project.RootDir, project.Models.Single().Path), Is.EqualTo(("c", "b/c", "b/c/models/m.sql")));
    }

    [Test]
    public void Read_PathsClimbingOutOfTheProjectFolder_ReadTheRepositoryFolders()
    {
        var files = FixtureFiles.Of(
            ("projects/dex/dbt_project.yml", "name: dex\nmodel-paths: [models, ../../sources]\nmacro-paths: [macros, ../../shared_macros, ../../../outside]\n"),
            ("projects/dex/models/trades.sql", "select {{ pick('amount') }} from {{ source('chain', 'transfers') }}"),
            ("shared_macros/pick.sql", "{% macro pick(c) %}{{ c }} as amount_usd{% endmacro %}"),
            ("sources/chain.yml", "version: 2\nsources:\n  - name: chain\n    tables:\n      - name: transfers\n        columns:\n          - name: amount\n"));

        var project = DbtProjectReader.Read(files, new DbtReadOptions { ProjectDir = "projects/dex" });

        var model = project.Models.Single();
        Assert.That((model.RenderedSql, project.Sources.Single().Columns.Single().Name), Is.EqualTo(("select amount as amount_usd from __source__.chain.transfers", "amount")));
    }

    [Test]
    public void Read_PropertiesKeyWrittenTwice_TheLaterCountsAsInDbt()
    {
        var files = FixtureFiles.Of(
            ("dbt_project.yml", Project),
            ("models/sources.yml", "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: events\n        columns:\n"
                + "          - name: id\n            data_type: int\n            data_type: bigint\n          - name: ts\n"),
            ("models/events.sql", "select id, ts from {{ source('raw', 'events') }}"));

        var project = DbtProjectReader.Read(files);

        var source = project.Sources.Single();
        Assert.That(source.Columns.Select(c => (c.Name, c.DataType)), Is.EqualTo(new[] { ("id", (string?)"bigint"), ("ts", null) }));
        var note = project.Diagnostics.Single();
        Assert.That((note.Code, note.Path, note.Line, note.Severity), Is.EqualTo(("yaml-duplicate-key", "models/sources.yml", 8, Sql.Text.DiagnosticSeverity.Info)));
    }

    [Test]
    public void Read_IgnoredPaths_AreLeftOut()
    {
        var files = FixtureFiles.Of(("dbt_project.yml", Project), ("models/a.sql", "select 1"), ("models/scratch/b.sql", "select 1"));
        var config = new ImpactBotConfig { Ignore = ["models/scratch/"] };

        var project = DbtProjectReader.Read(files, new DbtReadOptions { Config = config });

        Assert.That(project.Models.Single().Name, Is.EqualTo("a"));
    }

    [Test]
    public void Read_YamlDefinedSnapshot_SelectsFromRelation()
    {
        var files = FixtureFiles.Of(
            ("dbt_project.yml", Project),
            ("models/orders.sql", "select 1 as id"),
            ("snapshots/snaps.yml", "snapshots:\n  - name: orders_snap\n    relation: ref('orders')\n    config:\n      unique_key: id\n      strategy: check\n      check_cols: [status]\n"));

        var snapshot = DbtProjectReader.Read(files).Snapshots.Single();

        Assert.That((snapshot.RenderedSql, snapshot.Strategy, snapshot.CheckCols.Single()), Is.EqualTo(("select * from __ref__.orders", "check", "status")));
    }

    [Test]
    public void Read_ProjectVarsScopedToPackage_AreUsed()
    {
        var files = FixtureFiles.Of(("dbt_project.yml", "name: p\nvars:\n  p:\n    schema_name: crm\n"), ("models/a.sql", "select * from {{ var('schema_name') }}.t"));

        Assert.That(DbtProjectReader.Read(files).Models.Single().RenderedSql, Is.EqualTo("select * from crm.t"));
    }

    [Test]
    public void Read_PythonModel_IsAModelWithRefsConfigAndYamlColumnsButNoSql()
    {
        var files = FixtureFiles.Of(
            ("dbt_project.yml", "name: p\nmodels:\n  p:\n    +schema: ml\n"),
            ("models/orders.sql", "select 1 as id"),
            ("models/scores.py", "def model(dbt, session):\n    dbt.config(materialized='table')\n    return dbt.ref('orders').to_pandas()\n"),
            ("models/scores.yml", "models:\n  - name: scores\n    description: churn scores\n    columns:\n      - name: id\n      - name: score\n        data_type: float\n"));

        var project = DbtProjectReader.Read(files);

        var scores = project.Models.Single(m => m.Name == "scores");
        Assert.That((scores.UniqueId, scores.Language, scores.RenderedSql), Is.EqualTo(("model.p.scores", DbtModel.Python, "")));
        Assert.That((scores.Materialization, scores.Schema, scores.Description), Is.EqualTo(("table", "ml", "churn scores")));
        Assert.That(scores.Refs.Select(r => r.Name), Is.EqualTo(new[] { "orders" }));
        Assert.That(scores.Columns.Select(c => (c.Name, c.DataType)), Is.EqualTo(new[] { ("id", (string?)null), ("score", "float") }));
        Assert.That(scores.ContentHash, Is.Not.Empty);
        Assert.That(project.Diagnostics, Is.Empty);
    }

    [Test]
    public void Read_EmptyRepository_IsEmptyKind()
    {
        Assert.That(DbtProjectReader.Read(FixtureFiles.Of(("README.md", "hi"))).Kind, Is.EqualTo(DbtProjectKind.Empty));
    }
}
