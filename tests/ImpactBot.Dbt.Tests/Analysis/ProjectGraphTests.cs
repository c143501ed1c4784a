using ImpactBot.Dbt.Analysis;
using ImpactBot.Core.Config;
using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;

namespace ImpactBot.Dbt.Tests.Analysis;

public sealed class ProjectGraphTests
{
    private const string Project = "name: shop\nversion: '1.0'\n";

    private static LineageGraph Build(params (string Path, string Text)[] files) =>
        ProjectGraph.Build(FixtureFiles.Of([("dbt_project.yml", Project), .. files]), "head", ImpactBotConfig.Default, ProjectOptions.Default, previous: null).Build.Graph;

    private static FileDiagnostic SqlError(LineageGraph graph, string model) =>
        graph.Find(model)!.Diagnostics.First(d => d.Code == "unparsed-span");

    [Test]
    public void Build_DbtUtilsStarWithExceptOrPrefix_ListsTheUpstreamsColumnsWithoutTheExceptedOnes()
    {
        var graph = Build(
            ("models/events.sql", "select 1 as id, 'x' as agent, current_date as day"),
            ("models/slim.sql", "select {{ dbt_utils.star(ref('events'), except=['AGENT']) }}, 'prod' as env from {{ ref('events') }}"),
            ("models/prefixed.sql", "select {{ dbt_utils.star(from=ref('events'), prefix='e_') }} from {{ ref('events') }}"));

        Assert.That(graph.Find("slim")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "day", "env" }));
        Assert.That(graph.Find("prefixed")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "e_id", "e_agent", "e_day" }));
        Assert.That(graph.Find("prefixed")!.FindColumn("e_agent")!.Sources.Single().Column, Is.EqualTo("agent"));
    }

    [Test]
    public void Build_GetColumnsInRelationOfProjectNodes_AnsweredWithTheirBoundColumnsInDependencyOrder()
    {
        var listColumns = "{% macro list_columns(relation) %}{% for c in adapter.get_columns_in_relation(relation) %}{{ c.name }}{{ ', ' if not loop.last }}{% endfor %}{% endmacro %}";
        var graph = Build(
            ("macros/list_columns.sql", listColumns),
            ("seeds/countries.csv", "code,name\nNL,Netherlands\n"),
            ("models/sources.yml", "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: events\n"),
            ("models/orders.sql", "select 1 as id, 'NL' as country"),
            ("models/all_countries.sql", "select {{ list_columns(ref('countries')) }} from {{ ref('countries') }}"),
            ("models/wide.sql", "select {{ list_columns(ref('orders')) }}, c.name from {{ ref('orders') }} join {{ ref('countries') }} c on c.code = country"),
            ("models/wider.sql", "select {{ list_columns(ref('wide')) }} from {{ ref('wide') }}"),
            ("models/events.sql", "select {{ list_columns(source('raw', 'events')) }} from {{ source('raw', 'events') }}"));

        Assert.That(graph.Find("all_countries")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "code", "name" }), "a seed's columns are its CSV header");
        Assert.That(graph.Find("wide")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "country", "name" }));
        Assert.That(graph.Find("wider")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "country", "name" }), "wide is answered once it is rendered with orders' columns");
        Assert.That(graph.Find("wider")!.Status, Is.EqualTo(Sql.Lineage.LineageStatus.Complete));
        Assert.That(graph.Find("wider")!.Diagnostics.Select(d => d.Code), Does.Not.Contain("needs-warehouse"));
        Assert.That(graph.Find("events")!.Diagnostics.Select(d => d.Code), Does.Contain("needs-warehouse"), "a source declaring no columns still needs the warehouse");
    }

    [Test]
    public void Build_CastsToTheTypesOfASeedsColumns_AsInferredFromItsValuesOrConfigured()
    {
        var castAll = "{% macro cast_all(relation) %}{% for c in adapter.get_columns_in_relation(relation) %}cast({{ c.quoted }} as {{ c.data_type }}) as {{ c.name }}{{ ', ' if not loop.last }}{% endfor %}{% endmacro %}";
        var files = FixtureFiles.Of(
            ("dbt_project.yml", Project + "seeds:\n  shop:\n    people:\n      +column_types:\n        score: float\n"),
            ("macros/cast_all.sql", castAll),
            ("seeds/people.csv", "id,name,score,joined\n1,drew,7,2018-01-01\n2,bob,,2018-01-02\n"),
            ("models/people_typed.sql", "select {{ cast_all(ref('people')) }} from {{ ref('people') }}"));
        var postgres = ProjectOptions.Default with { Dialect = Sql.Dialects.DialectFacts.FromName("postgres") };
        var graph = ProjectGraph.Build(files, "head", ImpactBotConfig.Default, postgres, previous: null).Build.Graph;

        var typed = graph.Find("people_typed")!;
        Assert.That(typed.Status, Is.EqualTo(Sql.Lineage.LineageStatus.Complete), string.Join("; ", typed.Diagnostics.Select(d => d.Message)));
        Assert.That(typed.Columns.Select(c => (c.Name, c.Type)), Is.EqualTo(new (string, string?)[] { ("id", "integer"), ("name", "text"), ("score", "double precision"), ("joined", "date") }));
        Assert.That(graph.Find("people")!.Columns.Select(c => c.Type), Is.EqualTo(new[] { "integer", "text", "float", "date" }), "the seed's own columns carry the type dbt creates them with");
    }

    [Test]
    public void Build_ConditionOnASeedColumnsType_IsDecided()
    {
        var nullcheck = "{% macro nullcheck(relation) %}{% for c in adapter.get_columns_in_relation(relation) %}{% if c.is_string() %}nullif({{ c.name }}, '') as {{ c.name }}{% else %}{{ c.name }}{% endif %}{{ ', ' if not loop.last }}{% endfor %}{% endmacro %}";
        var graph = Build(
            ("macros/nullcheck.sql", nullcheck),
            ("seeds/people.csv", "id,name\n1,drew\n"),
            ("models/people_clean.sql", "select {{ nullcheck(ref('people')) }} from {{ ref('people') }}"));

        var clean = graph.Find("people_clean")!;
        Assert.That(clean.Status, Is.EqualTo(Sql.Lineage.LineageStatus.Complete));
        Assert.That(clean.Diagnostics.Select(d => d.Code), Does.Not.Contain("undecidable-condition"));
    }

    [Test]
    public void Build_StarOverASeedExceptingEveryColumn_LeavesOnlyWhatFollows()
    {
        var graph = Build(
            ("seeds/star.csv", "field_1,field_2\na,b\n"),
            ("models/no_columns.sql", "select {{ dbt_utils.star(from=ref('star'), except=['field_1', 'field_2']) }} 1 as canary from {{ ref('star') }}"));

        var model = graph.Find("no_columns")!;
        Assert.That(model.Status, Is.EqualTo(Sql.Lineage.LineageStatus.Complete), string.Join("; ", model.Diagnostics.Select(d => d.Message)));
        Assert.That(model.Columns.Select(c => c.Name), Is.EqualTo(new[] { "canary" }));
    }

    [Test]
    public void Build_RelationsByPrefix_AnsweredWithTheProjectsMatchingRelations_AndAStandInForTheWarehousesOthers()
    {
        var graph = Build(
            ("dbt_project.yml", Project + "seeds:\n  shop:\n    events_b:\n      +schema: other\n"),
            ("seeds/events_a.csv", "id\n1\n"),
            ("seeds/events_b.csv", "id\n2\n"),
            ("seeds/event_types.csv", "id\n3\n"),
            ("models/events_all.sql", "{% for r in dbt_utils.get_relations_by_prefix(target.schema, 'events_') %}select id from {{ r }}{{ ' union all ' if not loop.last }}{% endfor %}"));

        var model = graph.Find("events_all")!;
        Assert.That(model.Columns.Single().Sources.Select(s => s.Asset), Is.EqualTo(new[] { "events_a", "__warehouse_rows__events_all" }), "events_b is in another schema");
        Assert.That(model.Status, Is.EqualTo(Sql.Lineage.LineageStatus.Complete), "reading a named column of a table no asset defines, as any external table");
        Assert.That(model.Diagnostics.Single(d => d.Code == "needs-warehouse").Message, Does.Contain("the warehouse may hold more"));
    }

    [Test]
    public void Build_GetColumnsInRelationOfAStarOverAPartlyDocumentedSource_AnsweredWithTheInferredColumnsToo()
    {
        var graph = Build(
            ("models/sources.yml", "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: issue\n        columns:\n          - name: id\n"),
            ("models/issue_tmp.sql", "select * from {{ source('raw', 'issue') }}"),
            ("models/issue_synced.sql", "select id, _synced from {{ ref('issue_tmp') }}"),
            ("models/issue.sql", "select {% for c in adapter.get_columns_in_relation(ref('issue_tmp')) %}{{ c.name }}{{ ', ' if not loop.last }}{% endfor %} from {{ ref('issue_tmp') }}"));

        Assert.That(graph.Find("issue_tmp")!.Columns.Select(c => (c.Name, c.Inferred)), Is.EqualTo(new[] { ("id", false), ("_synced", true) }));
        Assert.That(graph.Find("issue")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "_synced" }), "answered with what the YAML lists and what readers read through the star");
        Assert.That(graph.Find("issue")!.Diagnostics.Select(d => d.Code), Does.Not.Contain("needs-warehouse"));
    }

    [Test]
    public void Build_GetColumnsInRelationOfAModelOverAnUnknownTable_AnsweredWithItsDeclaredColumns()
    {
        var graph = Build(
            ("models/input.sql", "select * from {{ ref('provided_by_the_user') }}"),
            ("models/input.yml", "version: 2\nmodels:\n  - name: input\n    columns:\n      - name: id\n      - name: x_extra\n"),
            ("models/extras.sql", "select id{% for c in adapter.get_columns_in_relation(ref('input')) if c.name.startswith('x_') %}, {{ c.name }}{% endfor %} from {{ ref('input') }}"));

        Assert.That(graph.Find("extras")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "x_extra" }));
        Assert.That(graph.Find("extras")!.Diagnostics.Select(d => d.Code), Does.Not.Contain("needs-warehouse"));
    }

    [Test]
    public void Build_AModelAskingOnlyForColumnsNoOneWillKnow_DoesNotHoldUpItsReaders()
    {
        var listColumns = "{% macro list_columns(relation) %}{% for c in adapter.get_columns_in_relation(relation) %}{{ c.name }}{{ ', ' if not loop.last }}{% endfor %}{% endmacro %}";
        var graph = Build(
            ("macros/list_columns.sql", listColumns),
            ("models/sources.yml", "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: events\n"),
            ("models/all_events.sql", "select {{ list_columns(source('raw', 'events')) }} from {{ source('raw', 'events') }}"),
            ("models/daily.sql", "select 1 as day, count(*) as n from {{ ref('all_events') }}"),
            ("models/daily_wide.sql", "select {{ list_columns(ref('daily')) }} from {{ ref('daily') }}"));

        Assert.That(graph.Find("all_events")!.Diagnostics.Select(d => d.Code), Does.Contain("needs-warehouse"), "nothing can answer for the source");
        Assert.That(graph.Find("daily_wide")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "day", "n" }), "daily's columns do not depend on that answer");
    }

    [Test]
    public void Build_ManifestCompiledByAnotherAdapter_ItsSqlIsParsedInThatAdaptersDialect()
    {
        var node = "{\"resource_type\": \"model\", \"name\": \"m\", \"package_name\": \"shop\", "
            + "\"compiled_code\": \"select \\\"id\\\", \\\"name\\\" from t\"}";
        var manifest = $"{{\"metadata\": {{\"project_name\": \"shop\", \"adapter_type\": \"postgres\"}}, \"nodes\": {{\"model.shop.m\": {node}}}}}";
        var options = ProjectOptions.Default with { ManifestText = manifest, Dialect = ImpactBot.Sql.Dialects.DialectFacts.For(ImpactBot.Sql.Dialects.SqlDialect.BigQuery) };

        var graph = ProjectGraph.Build(FixtureFiles.Of(("dbt_project.yml", Project)), "head", ImpactBotConfig.Default, options, previous: null).Build.Graph;

        Assert.That(graph.Find("m")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "name" }), "Postgres' \"id\" is a column, not BigQuery's string");
    }

    [Test]
    public void Build_SyntaxErrorAfterMultiLineForLoop_ReportsTheFileLine()
    {
        var sql = "select\n{% for c in ['a', 'b', 'c'] %}\n  {{ c }},\n{% endfor %}\n  d\n  + from t\n";

        var error = SqlError(Build(("models/m.sql", sql)), "m");

        Assert.That(error.Location, Is.EqualTo("models/m.sql:6:5"));
    }

    [Test]
    public void Build_SyntaxErrorAfterMacroExpansion_ReportsTheFileLine()
    {
        var macro = "{% macro cols() %}\n  a,\n  b,\n  c{% endmacro %}";
        var sql = "select\n  {{ cols() }},\n  d + from t\n";

        var error = SqlError(Build(("macros/cols.sql", macro), ("models/m.sql", sql)), "m");

        Assert.That(error.Location, Is.EqualTo("models/m.sql:3:7"));
    }

    [Test]
    public void Build_SyntaxErrorAfterMultiLineComment_ReportsTheFileLine()
    {
        var sql = "{#\n  a comment\n  over lines\n#}\nselect a\n  + from t\n";

        var error = SqlError(Build(("models/m.sql", sql)), "m");

        Assert.That(error.Location, Is.EqualTo("models/m.sql:6:5"));
    }

    [Test]
    public void Build_SyntaxErrorInSnapshotBlock_ReportsTheFileLine()
    {
        var sql = "{% snapshot orders_snap %}\n{{ config(unique_key='id', strategy='check', check_cols='all') }}\n{# note #}\nselect id\n  + from t\n{% endsnapshot %}\n";

        var error = SqlError(Build(("snapshots/orders_snap.sql", sql)), "orders_snap");

        Assert.That(error.Location, Is.EqualTo("snapshots/orders_snap.sql:5:5"));
    }

    [Test]
    public void Build_SyntaxErrorWithoutJinja_ReportsTheSameLineAndColumnAsTheRenderedSql()
    {
        var sql = "select a\n  + from t\n";
        var plain = Sql.Lineage.SqlLineage.Analyze(sql, Sql.Dialects.DialectFacts.Snowflake).Diagnostics.First(d => d.Code == "unparsed-span");

        var error = SqlError(Build(("models/m.sql", sql)), "m");

        Assert.That((error.Line, error.Column), Is.EqualTo((plain.Span.Line, plain.Span.Column)));
    }

    [Test]
    public void Build_SameRenderedSqlWithLinesMoved_ReusedAnalysisReportsTheNewLine()
    {
        var before = Build(("models/m.sql", "select a\n  + from t\n"));
        var files = FixtureFiles.Of(("dbt_project.yml", Project), ("models/m.sql", "{#\n\n#}select a\n  + from t\n"));

        var after = ProjectGraph.Build(files, "head", ImpactBotConfig.Default, ProjectOptions.Default, before).Build.Graph;

        Assert.That(SqlError(before, "m").Line, Is.EqualTo(2));
        Assert.That(SqlError(after, "m").Line, Is.EqualTo(4));
    }
    [Test]
    public void Build_PlainSqlMultiTableInsert_EachTargetIsAnAssetWithItsOwnColumns()
    {
        var sql = """
            create table raw.events (id int, kind varchar, amount number);
            insert all
              when kind = 'order' then into mart.orders (order_id, total) values (id, amount)
              when kind = 'refund' then into mart.refunds (refund_id, refunded) values (id, amount)
            select id, kind, amount from raw.events;
            """;

        var graph = ProjectGraph.Build(FixtureFiles.Of([("load/events.sql", sql)]), "head", ImpactBotConfig.Default, ProjectOptions.Default, previous: null).Build.Graph;

        Assert.That(graph.Assets.Select(a => a.Id), Is.EquivalentTo(new[] { "raw.events", "mart.orders", "mart.refunds" }));
        Assert.That(graph.Find("mart.orders")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "order_id", "total" }));
        Assert.That(graph.Find("mart.refunds")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "refund_id", "refunded" }));
        Assert.That(graph.Find("mart.refunds")!.FindColumn("refunded")!.Sources.Select(e => (e.Asset, e.Column)), Is.EqualTo(new[] { ("raw.events", "amount") }));
    }
}
