using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ImpactBot.Dbt.Jinja;

namespace ImpactBot.Dbt.Tests.Jinja;

/// <summary>ImpactBot's built-in versions of the fivetran_utils macros Fivetran's packages call, used when fivetran_utils is not installed.</summary>
public sealed class BuiltinFivetranUtilsTests
{
    private static readonly FrozenDictionary<string, ImmutableArray<RelationColumn>> Columns = new Dictionary<string, ImmutableArray<string>>
    {
        ["__ref__.stg_issue_tmp"] = ["id", "Title", "updated_at"],
    }.ToFrozenDictionary(e => e.Key, e => e.Value.Select(c => new RelationColumn(c)).ToImmutableArray(), StringComparer.OrdinalIgnoreCase);

    private const string StagingColumns =
        "{% set staging = [{'name': 'id', 'datatype': 'int'}, {'name': 'title', 'datatype': 'text'}, "
        + "{'name': 'closed_at', 'datatype': 'timestamp'}, {'name': 'number', 'datatype': 'int', 'alias': 'issue_number', 'quote': true}] %}";

    private static JinjaRenderResult Render(string template, string targetType = "postgres") =>
        JinjaRenderer.Render(template, "models/m.sql", new JinjaContext { TargetType = targetType, RelationColumns = Columns });

    private static string Squash(string sql) => string.Join(" ", sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Test]
    public void FillStagingColumns_KeepsTheSourcesColumns_AndNullsTheMissingOnes()
    {
        var result = Render(StagingColumns
            + "select {{ fivetran_utils.fill_staging_columns(source_columns=adapter.get_columns_in_relation(ref('stg_issue_tmp')), staging_columns=staging) }} from t");

        Assert.That(Squash(result.Sql), Is.EqualTo(
            "select id as id, title as title, cast(null as timestamp) as closed_at, cast(null as int) as issue_number from t"));
        Assert.That(result.IsComplete, Is.True);
        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "package-macro-builtin" }));
        Assert.That(result.Diagnostics[0].Message, Does.Contain("fivetran_utils.fill_staging_columns").And.Contain("dbt deps"));
    }

    [Test]
    public void UnionData_OverSeveralSchemasNoneOfThisProject_UnionsThemAndSaysTheWarehouseKnowsThem()
    {
        var context = new JinjaContext { TargetType = "postgres", Vars = DbtVars.Parse("{union_schemas: [github_a, github_b]}", "vars", [])! };

        var result = JinjaRenderer.Render("{{ fivetran_utils.union_data('issue', 'github_database', 'github_schema', 'analytics', 'github', 'github_union') }}", "models/m.sql", context);

        Assert.That(Regex.Count(result.Sql, "union all"), Is.EqualTo(1));
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("needs-warehouse"));
    }

    [Test]
    public void FillStagingColumns_QuotesAColumnMarkedQuote_AsTheWarehouseDoes()
    {
        var template = "{% set staging = [{'name': 'number', 'datatype': 'int', 'quote': true}] %}"
            + "{{ fivetran_utils.fill_staging_columns([{'name': 'number'}], staging) }}";

        Assert.That(Squash(Render(template, "bigquery").Sql), Is.EqualTo("`number` as `number`"));
        Assert.That(Squash(Render(template, "snowflake").Sql), Is.EqualTo("\"NUMBER\" as \"NUMBER\""));
    }

    [Test]
    public void FillStagingColumns_WithoutTheSourcesColumns_ListsEveryStagingColumn_AndSaysItNeedsTheWarehouse()
    {
        var result = Render(StagingColumns
            + "select {{ fivetran_utils.fill_staging_columns(adapter.get_columns_in_relation(ref('unknown')), staging) }} from t");

        Assert.That(Squash(result.Sql), Does.Contain("id as id").And.Contain("title as title").And.Contain("as issue_number"));
        Assert.That(result.IsComplete, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("needs-warehouse"));
    }

    [Test]
    public void StringAgg_IsSpelledForTheWarehouse()
    {
        Assert.That(Squash(Render("{{ fivetran_utils.string_agg('name', \"', '\") }}").Sql), Is.EqualTo("string_agg(name, ', ')"));
        Assert.That(Squash(Render("{{ fivetran_utils.string_agg('name', \"', '\") }}", "snowflake").Sql), Is.EqualTo("listagg(name, ', ')"));
    }

    [Test]
    public void SourceRelation_WithoutUnionVars_IsDatabaseDotSchema()
    {
        var sql = Squash(Render("select a {{ fivetran_utils.apply_source_relation('hubspot') }} from t").Sql);

        Assert.That(sql, Does.Match(@"^select a , cast\('[^.']*\.hubspot' as \w+\) as source_relation from t$"));
    }

    [Test]
    public void AddPassThroughColumns_AppendsToTheStagingList()
    {
        var template = "{% set cols = [{'name': 'id', 'datatype': 'int'}] %}"
            + "{{ fivetran_utils.add_pass_through_columns(cols, ['extra', {'name': 'raw_x', 'alias': 'x', 'datatype': 'int'}]) }}"
            + "{{ cols | map(attribute='name') | join(',') }}|{{ cols[2].alias }}";

        Assert.That(Render(template).Sql.Trim(), Is.EqualTo("id,extra,raw_x|x"));
    }

    [Test]
    public void EnabledVars_IsFalseWhenAnyVarIsFalse()
    {
        var result = JinjaRenderer.Render(
            "{{ fivetran_utils.enabled_vars(['a', 'b']) }} {{ fivetran_utils.enabled_vars(['a']) }}",
            "models/m.sql",
            new JinjaContext { Vars = DbtVars.Parse("{a: true, b: false}", "vars", [])! });

        Assert.That(result.Sql.Trim(), Is.EqualTo("False True"));
    }
}
