using System.Collections.Frozen;
using System.Collections.Immutable;
using ImpactBot.Dbt.Jinja;

namespace ImpactBot.Dbt.Tests.Jinja;

/// <summary>ImpactBot's built-in versions of dbt_utils and dbt_date macros, used when the package is not installed.</summary>
public sealed class BuiltinPackageTests
{
    private static readonly FrozenDictionary<string, ImmutableArray<RelationColumn>> Columns = new Dictionary<string, ImmutableArray<string>>
    {
        ["__ref__.a"] = ["id", "amount", "region"],
        ["__ref__.b"] = ["id", "note"],
    }.ToFrozenDictionary(e => e.Key, e => e.Value.Select(c => new RelationColumn(c)).ToImmutableArray(), StringComparer.OrdinalIgnoreCase);

    private static JinjaRenderResult Render(string template, string targetType = "postgres") =>
        JinjaRenderer.Render(template, "models/m.sql", new JinjaContext { TargetType = targetType, RelationColumns = Columns, ThisName = "m" });

    private static string Squash(string sql) => string.Join(" ", sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Test]
    public void BuiltinMacro_SaysDbtDepsWouldMakeItExact()
    {
        var result = Render("select 1 {{ dbt_utils.group_by(1) }}");

        var diagnostic = result.Diagnostics.Single();
        Assert.That((diagnostic.Code, diagnostic.Severity), Is.EqualTo(("package-macro-builtin", ImpactBot.Sql.Text.DiagnosticSeverity.Info)));
        Assert.That(diagnostic.Message, Does.Contain("dbt deps"));
        Assert.That(result.IsComplete, Is.True);
    }

    [Test]
    public void GroupBy_ListsPositions()
    {
        Assert.That(Render("{{ dbt_utils.group_by(3) }}").Sql, Is.EqualTo("group by 1, 2, 3"));
    }

    [Test]
    public void DateSpine_OutputsDateOfThePeriod()
    {
        var sql = Squash(Render("{{ dbt_utils.date_spine('day', \"cast('2024-01-01' as date)\", \"cast('2024-02-01' as date)\") }}").Sql);

        Assert.That(sql, Does.Contain("as date_day from rawdata"));
        Assert.That(sql, Does.Contain("where date_day <= cast('2024-02-01' as date)"));
        Assert.That(sql, Does.Contain("as generated_number"));
    }

    [Test]
    public void GenerateSeries_OfANumber_UsesEnoughPowersOfTwo()
    {
        var sql = Squash(Render("{{ dbt_utils.generate_series(5) }}").Sql);

        Assert.That(sql, Does.Contain("p0.generated_number * power(2, 0) + p1.generated_number * power(2, 1) + p2.generated_number * power(2, 2) + 1 as generated_number"));
        Assert.That(sql, Does.Contain("where generated_number <= 5"));
    }

    [Test]
    public void Pivot_MakesOneAggregatePerValue()
    {
        var sql = Squash(Render("{{ dbt_utils.pivot('status', ['paid', 'open'], then_value='amount') }}").Sql);

        Assert.That(sql, Is.EqualTo("sum(case when status = 'paid' then amount else 0 end) as \"paid\", sum(case when status = 'open' then amount else 0 end) as \"open\""));
    }

    [Test]
    public void Unpivot_WithKnownColumns_UnionsOneSelectPerColumn()
    {
        var sql = Squash(Render("{{ dbt_utils.unpivot(ref('a'), cast_to='varchar', exclude=['id'], field_name='metric', value_name='val') }}").Sql);

        Assert.That(sql, Is.EqualTo("select id, cast('amount' as varchar) as metric, cast(amount as varchar) as val from __ref__.a union all "
            + "select id, cast('region' as varchar) as metric, cast(region as varchar) as val from __ref__.a"));
    }

    [Test]
    public void UnionRelations_WithKnownColumns_AlignsTheColumnSuperset()
    {
        var sql = Squash(Render("{{ dbt_utils.union_relations([ref('a'), ref('b')]) }}").Sql);

        Assert.That(sql, Does.Contain("cast('__ref__.a' as varchar) as _dbt_source_relation, id as id, amount as amount, region as region, null as note from __ref__.a"));
        Assert.That(sql, Does.Contain("null as amount, null as region, note as note from __ref__.b"));
    }

    [Test]
    public void UnionRelations_WithUnknownColumns_SelectsStarAndSaysItNeedsAWarehouse()
    {
        var result = Render("{{ dbt_utils.union_relations([ref('x')]) }}");

        Assert.That(Squash(result.Sql), Does.Contain("as _dbt_source_relation, * from __ref__.x"));
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("needs-warehouse"));
    }

    [Test]
    public void UnionRelations_OverRelationsOnlyTheWarehouseLists_ReadsOneStandInWithUnknownColumns()
    {
        var result = Render("{{ dbt_utils.union_relations(dbt_utils.get_relations_by_pattern('raw_events', '%'), include=['id'], source_column_name=none) }}");

        Assert.That(Squash(result.Sql), Is.EqualTo("select * from __warehouse__.m__relations"));
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("needs-warehouse"));
        Assert.That(result.IsComplete, Is.True, "the stand-in is all that is known of the relations, not a guess");
    }

    [Test]
    public void UnionRelations_OverWarehouseRelationsAndAKnownOne_KeepsTheKnownOneByName()
    {
        var result = Render("{{ dbt_utils.union_relations(dbt_utils.get_relations_by_pattern('raw_events', '%') + [ref('a')], include=['id', 'region'], source_column_name=none) }}");

        Assert.That(Squash(result.Sql), Is.EqualTo("select * from __warehouse__.m__relations union all by name select id, region from __ref__.a"));
        Assert.That(result.IsComplete, Is.True);
    }

    [Test]
    public void UnionRelations_OverAProjectMacroCollectingAQueryResult_ReadsTheStandIn()
    {
        const string template = "{% macro tables() %}{% set found = [] %}{% for row in run_query('select * from information_schema.tables') %}"
            + "{% do found.append(api.Relation.create(schema=row.table_schema, identifier=row.table_name)) %}{% endfor %}{{ return(found) }}{% endmacro %}"
            + "{{ dbt_utils.union_relations(tables()) }}";

        Assert.That(Squash(Render(template).Sql), Is.EqualTo("select cast('__warehouse__.m__relations' as varchar) as _dbt_source_relation, * from __warehouse__.m__relations"));
    }

    [TestCase("snowflake", "qualify row_number() over (partition by id order by ts desc) = 1")]
    [TestCase("postgres", "select distinct on (id) * from __ref__.a as tt order by id,ts desc")]
    [TestCase("trino", "natural join row_numbered where row_numbered.rn = 1")]
    public void Deduplicate_UsesTheAdaptersForm(string targetType, string expected)
    {
        Assert.That(Squash(Render("{{ dbt_utils.deduplicate(ref('a'), 'id', 'ts desc') }}", targetType).Sql), Does.Contain(expected));
    }

    [Test]
    public void Star_WithKnownColumns_ListsThemLikeTheWarehouseWould()
    {
        Assert.That(Render("{{ dbt_utils.star(from=ref('a'), except=['amount']) }}").Sql, Is.EqualTo("\"id\",\n  \"region\""));
    }

    [Test]
    public void Star_ExceptingEveryKnownColumn_LeavesAComment_SoWhatFollowsStillParses()
    {
        var sql = Render("select {{ dbt_utils.star(from=ref('b'), except=['id', 'NOTE']) }} 1 as canary from {{ ref('b') }}").Sql;

        Assert.That(sql, Is.EqualTo("select /* no columns returned from star() macro */ 1 as canary from __ref__.b"));
    }

    [Test]
    public void GenerateSurrogateKey_HashesEveryField()
    {
        Assert.That(Render("{{ dbt_utils.generate_surrogate_key(['a', 'b']) }}").Sql, Does.StartWith("md5(coalesce(cast(a as varchar)"));
    }

    [Test]
    public void GetColumnValues_NeedsAWarehouse()
    {
        var result = Render("{% for v in dbt_utils.get_column_values(ref('a'), 'region') %}{{ v }}{% endfor %}x");

        Assert.That(result.Sql, Is.EqualTo("x"));
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("needs-warehouse"));
        Assert.That(result.Diagnostics.Single(d => d.Code == "unknown-iterable").Message, Does.Contain("the result of 'dbt_utils.get_column_values', which needs a warehouse"));
    }

    [Test]
    public void SafeDivideAndSlugify_Render()
    {
        Assert.That(Render("{{ dbt_utils.safe_divide('a', 'b') }} {{ dbt_utils.slugify('Net Sales 2024!') }}").Sql, Is.EqualTo("( a ) / nullif( ( b ), 0) net_sales_2024"));
    }

    [Test]
    public void DbtDate_Basics_Render()
    {
        var result = Render("{{ dbt_date.n_days_ago(7) }} | {{ dbt_date.day_of_week('d') }} | {{ dbt_date.date_part('year', 'd') }}");

        Assert.That(result.Sql, Is.EqualTo("cast(dateadd(day, -7, cast(current_timestamp as date)) as date) | extract(isodow from d) | extract(year from d)"));
    }
}
