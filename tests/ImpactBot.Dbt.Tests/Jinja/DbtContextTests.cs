using System.Collections.Frozen;
using ImpactBot.Dbt.Jinja;
using ImpactBot.Sql.Text;

namespace ImpactBot.Dbt.Tests.Jinja;

/// <summary>dbt's compile context as models and macros use it, one feature per test.</summary>
public sealed class DbtContextTests
{
    private static JinjaRenderResult Render(string template, JinjaContext? context = null) =>
        JinjaRenderer.Render(template, "models/m.sql", context ?? JinjaContext.Default);

    private static JinjaContext WithMacros(string macros, string targetType = "", string project = "shop") => new()
    {
        ProjectName = project,
        TargetType = targetType,
        Macros = JinjaMacroLibrary.Parse(project, [new("macros/m.sql", macros)], []),
    };

    [Test]
    public void BuiltinsRef_InAProjectRefOverride_KeepsTheRelation()
    {
        var context = WithMacros("{% macro ref(name) %}{{ return(builtins.ref(name)) }}{% endmacro %}");

        var result = Render("select * from {{ ref('orders') }}", context);

        Assert.That(result.Sql, Is.EqualTo("select * from __ref__.orders"));
        Assert.That(result.Refs.Single().Name, Is.EqualTo("orders"));
        Assert.That(result.IsComplete, Is.True);
    }

    [Test]
    public void BuiltinsSource_InAProjectSourceOverride_KeepsTheRelation()
    {
        var context = WithMacros("{% macro source(s, t) %}{% set rel = builtins.source(s, t) %}{{ return(rel) }}{% endmacro %}");

        var result = Render("select * from {{ source('stripe', 'payments') }}", context);

        Assert.That(result.Sql, Is.EqualTo("select * from __source__.stripe.payments"));
        Assert.That(result.IsComplete, Is.True);
    }

    [Test]
    public void BuiltinsConfig_RecordsConfig()
    {
        var result = Render("{{ builtins.config(materialized='view') }}select 1");

        Assert.That(result.Config["materialized"]?.Text, Is.EqualTo("view"));
    }

    [Test]
    public void FromYamlAndToJson_RoundTripValues()
    {
        var result = Render("{% set cfg = fromyaml('cols:\\n  - a\\n  - b\\nn: 2') %}{{ cfg.cols | join(',') }} {{ cfg.n + 1 }} {{ tojson({'k': [1, 'x']}) }}");

        Assert.That(result.Sql, Is.EqualTo("a,b 3 {\"k\": [1, \"x\"]}"));
    }

    [Test]
    public void FromYaml_BillionLaughs_StopsAtTheYamlBudgetWithADiagnosticAtTheCall()
    {
        var laughs = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\\n"
            + string.Concat(Enumerable.Range(1, 9).Select(i => $"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\\n"));
        var template = "select 1 as x\n{% set a = fromyaml('" + laughs + "') %}{% set b = '" + laughs + "' | fromyaml %}{{ a is none }} {{ b is none }}";

        var result = Render(template);

        Assert.That(result.Sql, Is.EqualTo("select 1 as x\nTrue True"));
        var diagnostic = result.Diagnostics.First(d => d.Code == "yaml-budget");
        Assert.That((diagnostic.Path, diagnostic.Line), Is.EqualTo(("models/m.sql", 2)));
        Assert.That(diagnostic.Message, Does.Contain("fromyaml()").And.Contain("MaxAliasNodes"));
    }

    [Test]
    public void FromJsonAndToYaml_RoundTripValues()
    {
        var result = Render("{% set d = fromjson('{\"a\": [1, 2], \"b\": null}') %}{{ d.a[1] }}|{{ toyaml({'b': 1, 'a': 'x'}) }}");

        Assert.That(result.Sql, Is.EqualTo("2|a: x\nb: 1\n"));
    }

    [Test]
    public void RunStartedAt_IsAFixedUtcDatetimeWithAttributesAndStrftime()
    {
        var result = Render("{{ run_started_at.year }} {{ run_started_at.strftime('%Y-%m-%d %H:%M') }} {{ run_started_at.astimezone(modules.pytz.utc).isoformat() }} {{ run_started_at }}");

        Assert.That(result.Sql, Is.EqualTo("2025 2025-01-01 00:00 2025-01-01T00:00:00+00:00 2025-01-01 00:00:00+00:00"));
    }

    [Test]
    public void ModulesDatetime_BuildsDatesAndAddsTimedeltas()
    {
        var result = Render("{{ (modules.datetime.date(2024, 2, 28) + modules.datetime.timedelta(days=2)).strftime('%Y%m%d') }} {{ modules.datetime.datetime(2024, 1, 1, 6).hour }}");

        Assert.That(result.Sql, Is.EqualTo("20240301 6"));
    }

    [Test]
    public void ModulesRe_SubstitutesMatchesAndFinds()
    {
        var result = Render("{{ modules.re.sub('[^a-z0-9]+', '_', 'Net Sales-2024') | lower }} {{ modules.re.match('(\\\\w+)_v(\\\\d+)', 'orders_v2').group(2) }} {{ modules.re.findall('\\\\d', 'a1b2') | join('') }} {{ modules.re.search('x', 'abc') is none }}");

        Assert.That(result.Sql, Is.EqualTo("_et_ales_2024 2 12 True"));
    }

    [Test]
    public void ModulesItertools_ProductAndChain()
    {
        var result = Render("{% for a, b in modules.itertools.product(['x', 'y'], [1, 2]) %}{{ a }}{{ b }} {% endfor %}{{ modules.itertools.chain([1], [2]) | join(',') }}");

        Assert.That(result.Sql, Is.EqualTo("x1 x2 y1 y2 1,2"));
    }

    [Test]
    public void InvocationId_IsFixed()
    {
        Assert.That(Render("{{ invocation_id }}").Sql, Is.EqualTo("00000000-0000-0000-0000-000000000000"));
    }

    [Test]
    public void ZipAndSet_BehaveAsInPython()
    {
        var result = Render("{% for k, v in zip(['a', 'b'], [1, 2]) %}{{ k }}={{ v }} {% endfor %}{{ set(['a', 'b', 'a']) | join(',') }}");

        Assert.That(result.Sql, Is.EqualTo("a=1 b=2 a,b"));
    }

    [Test]
    public void RaiseCompilerError_IsADiagnosticAndWarnIsSilent()
    {
        var result = Render("{% if target.name == 'dev' %}{{ exceptions.raise_compiler_error('no dev runs') }}{% endif %}{{ exceptions.warn('careful') }}select 1");

        Assert.That(result.Sql, Is.EqualTo("select 1"));
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("compiler-error"));
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("no dev runs"));
    }

    [TestCase("postgres", "pg(a)")]
    [TestCase("redshift", "pg(a)")]
    [TestCase("snowflake", "generic(a)")]
    public void AdapterDispatch_PicksTheAdapterThenItsParentThenDefault(string targetType, string expected)
    {
        var context = WithMacros(
            "{% macro clean(x) %}{{ return(adapter.dispatch('clean')(x)) }}{% endmacro %}"
            + "{% macro default__clean(x) %}generic({{ x }}){% endmacro %}"
            + "{% macro postgres__clean(x) %}pg({{ x }}){% endmacro %}",
            targetType);

        Assert.That(Render("{{ clean('a') }}", context).Sql, Is.EqualTo(expected));
    }

    [Test]
    public void AdapterDispatch_ToANamespaceNoPackageHas_SearchesEveryMacro()
    {
        var context = WithMacros(
            "{% macro least(a, b) %}{{ return(adapter.dispatch('least', 'macros')(a, b)) }}{% endmacro %}"
            + "{% macro default__least(a, b) %}least({{ a }}, {{ b }}){% endmacro %}",
            "snowflake");

        var result = Render("select {{ least('x', 'y') }} as m from t", context);

        Assert.That(result.Sql, Is.EqualTo("select least(x, y) as m from t"));
        Assert.That(result.IsComplete, Is.True);
    }

    [Test]
    public void AdapterDispatch_ToDbtNamespace_UsesDbtsOwnMacros()
    {
        var result = Render("{{ adapter.dispatch('type_string', 'dbt')() }}", new JinjaContext { TargetType = "bigquery" });

        Assert.That(result.Sql, Is.EqualTo("string"));
        Assert.That(result.IsComplete, Is.True);
    }

    [Test]
    public void Target_HasDbtsFields()
    {
        var result = Render("{{ target.name }} {{ target.type }} {{ target.schema }} {{ target.database }} {{ target.threads }}", new JinjaContext { TargetType = "duckdb" });

        Assert.That(result.Sql, Is.EqualTo("dev duckdb analytics analytics 1"));
    }

    [Test]
    public void This_RendersAsTheModelItself()
    {
        var result = Render("select max(ts) from {{ this }} -- {{ this.name }}", new JinjaContext { ThisName = "events" });

        Assert.That(result.Sql, Is.EqualTo("select max(ts) from __this__.events -- events"));
    }

    [Test]
    public void Graph_IsAMappingOfNodeKinds()
    {
        Assert.That(Render("{{ graph.nodes is mapping }} {{ graph.sources.values() | list | length }}").Sql, Is.EqualTo("True 0"));
    }

    [Test]
    public void EnvVarWithDefault_UsesTheDefault()
    {
        Assert.That(Render("{{ env_var('DBT_SCHEMA_SUFFIX', '_dev') }}").Sql, Is.EqualTo("_dev"));
    }

    [Test]
    public void EnvVarWithoutDefault_PrintsItsNameAndKeepsTheRenderComplete()
    {
        var result = Render("{{ config(database=env_var('PREP_DB')) }}select sha2(x || '{{ env_var(\"SALT\") }}') as h from t");

        Assert.That(result.Sql, Is.EqualTo("select sha2(x || 'SALT') as h from t"));
        Assert.That(result.Config["database"]?.Text, Is.EqualTo("PREP_DB"));
        Assert.That(result.IsComplete, Is.True);
        Assert.That(result.Diagnostics.Select(d => (d.Code, d.Severity)), Is.EqualTo(new[] { ("env-var-unset", DiagnosticSeverity.Info), ("env-var-unset", DiagnosticSeverity.Info) }));
    }

    [Test]
    public void EnvVarWithoutDefault_InACondition_IsUndecidable()
    {
        var result = Render("{% if env_var('DBT_ENV') == 'prod' %}select 1{% else %}select 2{% endif %}");

        Assert.That(result.IsComplete, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("undecidable-condition"));
    }

    [Test]
    public void DoLogPrintAndReturn_RenderNothingButAct()
    {
        var context = WithMacros("{% macro cols() %}{% set xs = [] %}{% do xs.append('a') %}{{ log('x', info=true) }}{{ print('y') }}{{ return(xs) }}{% endmacro %}");

        Assert.That(Render("{{ cols() | join(',') }}", context).Sql, Is.EqualTo("a"));
    }

    [Test]
    public void CallStatementAndLoadResult_NeedAWarehouseAndRenderNothing()
    {
        var result = Render("{% call statement('max_id', fetch_result=True) %}select max(id) from {{ ref('o') }}{% endcall %}"
            + "{% set rows = load_result('max_id')['data'] %}{% for r in rows %}{{ r }}{% endfor %}select 1");

        Assert.That(result.Sql, Is.EqualTo("select 1"));
        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "needs-warehouse", "unknown-iterable" }));
        Assert.That(result.Refs.Single().Name, Is.EqualTo("o"));
    }

    [Test]
    public void LoopOverAQueryResult_LeavesWhatItWouldChangeUnknown_NotEmpty()
    {
        var result = Render("{% set names = [] %}{% set ns = namespace(seen=false) %}{% for row in run_query('select name from t') %}"
            + "{% if row.name != 'x' %}{% do names.append(row.name) %}{% endif %}{% set ns.seen = true %}{% endfor %}"
            + "{% if names %}some{% else %}none{% endif %} {% if ns.seen %}seen{% else %}unseen{% endif %}");

        Assert.That(result.Sql, Is.EqualTo("some seen"), "an empty list or the value before the loop would decide the condition");
        Assert.That(result.Diagnostics.Count(d => d.Code == "undecidable-condition"), Is.EqualTo(2));
    }

    [TestCase("{% set rows = run_query('select 1') %}select 1", true)]
    [TestCase("select {{ run_query('select max(id) from t') }}", false)]
    [TestCase("select '{{ 'abc' | replace(run_query('select 1'), 'x') }}'", false)]
    [TestCase("{% macro first() %}{% for r in run_query('select 1') %}{{ return(r) }}{% endfor %}{{ return('none') }}{% endmacro %}select '{{ first() }}'", false)]
    [TestCase("{% macro listed() %}{% set t = load_result('q') %}{% if t and t['table'] %}{% set found = [] %}{% for row in t['table'] %}{% do found.append(row) %}{% endfor %}{{ return(found) }}{% else %}{{ return([]) }}{% endif %}{% endmacro %}{% set rels = listed() %}select 1", true)]
    [TestCase("{% macro listed() %}{% if (run_query('select 1') | length) > 1 %}{{ return(['a']) }}{% else %}{{ return([]) }}{% endif %}{% endmacro %}select {{ listed() | length }}", false)]
    public void WarehouseOnlyValue_MakesTheRenderPartialOnlyWhereItReachesTheSql(string template, bool complete)
    {
        var result = Render(template);

        Assert.That(result.IsComplete, Is.EqualTo(complete));
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("needs-warehouse"));
    }

    [Test]
    public void FilterOverAPartlyKnownAnswer_FiltersTheItemsKnownForCertain()
    {
        var result = Render("{% set rels = (run_query('q') + [ref('a'), ref('b')]) | rejectattr('identifier', 'in', ['b']) | list %}"
            + "{% for r in rels %}select * from {{ r }}{% if not loop.last %} union all {% endif %}{% endfor %}", JinjaContext.Default with { ThisName = "m" });

        Assert.That(result.Sql, Is.EqualTo("select * from __ref__.a union all select * from __warehouse_rows__m"));
    }

    [Test]
    public void LoopOverQueryRows_PrintedInsideStrings_RendersOnceForAStandInAndStaysComplete()
    {
        var result = Render("select * from t where d like any ({% for d in run_query('select d from x') %}'%{{ d }}%'{% if not loop.last %}, {% endif %}{% endfor %})",
            JinjaContext.Default with { ThisName = "m" });

        Assert.That(result.Sql, Is.EqualTo("select * from t where d like any ('%__warehouse_rows__m%')"));
        Assert.That(result.IsComplete, Is.True);
        Assert.That(result.Diagnostics.Single(d => d.Code == "unknown-iterable").Message, Does.Contain("rendered once more"));
    }

    [Test]
    public void WarehouseValuePrintedInsideAString_StaysAsAStandInAndTheRenderIsComplete()
    {
        var result = Render("{% set latest = run_query('select max(ts) from t').columns[0].values()[0] %}select * from t where ts <= timestamp '{{ latest }}'");

        Assert.That(result.Sql, Is.EqualTo("select * from t where ts <= timestamp '__warehouse_value__'"));
        Assert.That(result.IsComplete, Is.True);
    }

    [TestCase("select * from t where day >= {{ \"'\" ~ d ~ \"'\" }}", "select * from t where day >= '__warehouse_value__'", true)]
    [TestCase("select {{ 'col_' ~ d }} from t", "select col_                    from t", false)]
    public void WarehouseValueJoinedIntoText_IsCheckedWhereItLandsAsWhenPrinted(string select, string sql, bool complete)
    {
        var result = Render("{% set d = run_query('q').columns[0].values()[0] %}" + select);

        Assert.That(result.Sql, Is.EqualTo(sql));
        Assert.That(result.IsComplete, Is.EqualTo(complete));
    }

    [Test]
    public void WarehouseValuePrintedAsAName_PrintsAsNothingAndTheRenderIsPartial()
    {
        var result = Render("select {{ run_query('select name from cols').columns[0].values()[0] }} from t where d = '{{ run_query('q') }}'");

        Assert.That(result.Sql, Is.EqualTo("select                     from t where d = '                   '"));
        Assert.That(result.IsComplete, Is.False);
    }

    [Test]
    public void ValueListMacroOverAQuerysRows_TakesTheRowsBranchAndStaysComplete()
    {
        var context = WithMacros("{% macro to_sql_list(values) %}{% if values is none or values | length == 0 %}(NULL){% else %}("
            + "{%- for v in values -%}'{{ v }}'{% if not loop.last %}, {% endif %}{%- endfor -%}){% endif %}{% endmacro %}") with { ThisName = "m" };

        var result = Render("select * from t where code in {{ to_sql_list(run_query('select code from c').columns[0].values()) }}", context);

        Assert.That(result.Sql, Is.EqualTo("select * from t where code in ('__warehouse_rows__m')"));
        Assert.That(result.IsComplete, Is.True);
    }

    [Test]
    public void LoopOverListedTables_ReadInFrom_ReadsKnownItemsThenOneStandInRelation()
    {
        var result = Render("{% set rels = run_query('select t from tables') + [ref('orders')] %}"
            + "{% for r in rels %}select * from {{ r }}{% if not loop.last %} union all {% endif %}{% endfor %}"
            + "{% for k, v in run_query('q').items() %} union all select * from db.{{ k }}{% endfor %}",
            JinjaContext.Default with { ThisName = "m" });

        Assert.That(result.Sql, Is.EqualTo("select * from __ref__.orders union all select * from __warehouse_rows__m union all select * from db.__warehouse_rows__m_2"));
        Assert.That(result.IsComplete, Is.True);
    }

    [TestCase("m")]
    [TestCase("daily-usage.v2")]
    public void LoopOverQueryRows_PrintedAsColumnNames_IsLeftOutAndPartial(string model)
    {
        var result = Render("select {% for c in run_query('select c from x') %}sum({{ c }}) as {{ c }}_total, {% endfor %}id from t", JinjaContext.Default with { ThisName = model });

        Assert.That(result.Sql, Is.EqualTo("select id from t"));
        Assert.That(result.IsComplete, Is.False);
        Assert.That(result.Diagnostics.Single(d => d.Code == "unknown-iterable").Message, Does.Contain("left out"));
    }

    [Test]
    public void RunQuery_NeedsAWarehouse_AndExecuteStaysTrue()
    {
        var result = Render("{% if execute %}{% set values = run_query('select 1').columns[0].values() %}{% else %}{% set values = [] %}{% endif %}{% for v in values %}{{ v }},{% endfor %}x");

        Assert.That(result.Sql, Is.EqualTo("x"));
        Assert.That(result.Diagnostics[0].Code, Is.EqualTo("needs-warehouse"));
        Assert.That(result.Diagnostics[0].Message, Does.Contain("run_query"));
    }

    [Test]
    public void IsIncremental_IsFalseAsInAFreshCompile()
    {
        Assert.That(Render("{% if is_incremental() %}where 1{% else %}full{% endif %}").Sql, Is.EqualTo("full"));
    }

    [Test]
    public void GetColumnsInRelation_WithKnownColumns_AnswersFromThem()
    {
        var context = new JinjaContext
        {
            RelationColumns = new Dictionary<string, System.Collections.Immutable.ImmutableArray<RelationColumn>> { ["__source__.s.t"] = [new("id"), new("name")] }
                .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
        };

        var result = Render("{% for c in adapter.get_columns_in_relation(source('s', 't')) %}{{ c.name }}{{ ',' if not loop.last }}{% endfor %}", context);

        Assert.That(result.Sql, Is.EqualTo("id,name"));
        Assert.That(result.IsComplete, Is.True);
    }

    [Test]
    public void GetColumnsInRelation_WithKnownTypes_AnswersDbtColumnsAsPostgresReportsThem()
    {
        var context = new JinjaContext
        {
            TargetType = "postgres",
            RelationColumns = new Dictionary<string, System.Collections.Immutable.ImmutableArray<RelationColumn>>
            {
                ["__source__.s.t"] = [new("id", "integer"), new("name", "varchar(20)"), new("amount", "numeric(28,6)"), new("score", "float8"), new("note", "text"), new("at", "timestamp")],
            }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
        };

        var result = Render("{% for c in adapter.get_columns_in_relation(source('s', 't')) %}{{ c.column }} {{ c.dtype }} / {{ c.data_type }}"
            + "{{ ' string ' ~ c.string_size() if c.is_string() }}{{ ' number' if c.is_number() }}{{ ' float' if c.is_float() }}{{ ' precision ' ~ c.numeric_precision if c.is_numeric() }};{% endfor %}", context);

        Assert.That(result.Sql.Split(';'), Is.EqualTo(new[]
        {
            "id integer / integer number", "name character varying / character varying(20) string 20", "amount numeric / numeric(28,6) number precision 28",
            "score double precision / double precision number float", "note text / text string 256", "at timestamp without time zone / timestamp without time zone", "",
        }));
        Assert.That(result.IsComplete, Is.True);
    }

    [Test]
    public void GetColumnsInRelation_WithoutTypes_LeavesWhatDependsOnTheTypeUndecided()
    {
        var context = new JinjaContext
        {
            RelationColumns = new Dictionary<string, System.Collections.Immutable.ImmutableArray<RelationColumn>> { ["__source__.s.t"] = [new("id")] }
                .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
        };

        var result = Render("{% for c in adapter.get_columns_in_relation(source('s', 't')) %}{% if c.is_string() %}nullif({{ c.name }}, ''){% else %}{{ c.name }}{% endif %}{% endfor %}", context);

        Assert.That(result.IsComplete, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("undecidable-condition"));
    }

    private static JinjaContext WithSeed(string csv, params RelationColumn[] columns) => new()
    {
        Seeds = new SeedTables(
            FixtureFiles.Of(("seeds/s.csv", csv)),
            new Dictionary<string, (string, System.Collections.Immutable.ImmutableArray<RelationColumn>)> { ["__ref__.s"] = ("seeds/s.csv", [.. columns]) }),
    };

    [TestCase("{{ dbt_utils.get_column_values(ref('s'), 'field', where=\"condition = 'left'\") | join(',') }}", "g,a")]
    [TestCase("{{ dbt_utils.get_column_values(ref('s'), 'field', order_by='field') | join(',') }}", "a,b,g")]
    [TestCase("{{ dbt_utils.get_column_values(ref('s'), 'n', order_by='n desc', max_records=2) | join(',') }}", "3,2")]
    [TestCase("{{ dbt_utils.get_column_values(ref('s'), 'field', where=\"condition = 'none'\", default=['x']) | join(',') }}", "x")]
    public void GetColumnValues_OverASeed_IsAnsweredFromItsCsv_AsTheQueryOverTheSeededTable(string template, string expected)
    {
        var context = WithSeed("field,condition,n\na,left,1\nb,right,2\ng,left,3\ng,right,3\ng,left,3\n", new("field", "text"), new("condition", "text"), new("n", "integer"));

        var result = Render(template, context);

        Assert.That(result.Sql, Is.EqualTo(expected));
        Assert.That(result.IsComplete, Is.True);
    }

    [Test]
    public void GetColumnValues_OverASeedWithAWhereItCannotRead_NeedsTheWarehouse()
    {
        var context = WithSeed("field,n\na,1\n", new("field", "text"), new("n", "integer"));

        var result = Render("{% for v in dbt_utils.get_column_values(ref('s'), 'field', where='n > 1 or n < 0') %}{{ v }}{% endfor %}", context);

        Assert.That(result.IsComplete, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("unknown-iterable"));
    }

    [Test]
    public void UndecidableCondition_WhoseBranchRaises_IsNotTaken_AsInAProjectThatCompiles()
    {
        var context = WithMacros("{% macro powers(n) %}{% if n <= 0 %}{{ exceptions.raise_compiler_error('upper bound must be positive') }}{% endif %}{{ return(2) }}{% endmacro %}");

        var result = Render("select {{ powers(run_query('select count(*) from t')) }} as n", context);

        Assert.That(result.Sql, Is.EqualTo("select 2 as n"));
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Not.Contain("compiler-error"));
        Assert.That(result.IsComplete, Is.True, "the only branch that does not raise is the one taken");
    }

    [Test]
    public void UndecidableCondition_WhoseBranchCallsAMacroThatRaises_RendersTheElse_AndUndoesWhatTheBranchSet()
    {
        var context = WithMacros("{% macro fail() %}{{ exceptions.raise_compiler_error('no rows') }}{% endmacro %}");

        var result = Render("{% set v = 'kept' %}{% if run_query('select 1') == 'x' %}{% set v = 'lost' %}{{ ref('a') }} {{ fail() }}{% else %}select '{{ v }}' from {{ ref('b') }}{% endif %}", context);

        Assert.That(result.Sql, Is.EqualTo("select 'kept' from __ref__.b"));
        Assert.That(result.Refs.Select(r => r.Name), Is.EquivalentTo(new[] { "a", "b" }), "refs stay static, as dbt parses them");
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Not.Contain("compiler-error"));
    }

    [Test]
    public void UndecidableCondition_WhoseFirstBranchRaises_RendersTheNextUndecidedOne_AndStaysPartial()
    {
        var result = Render("{% set q = run_query('select 1') %}{% if q == 1 %}{{ exceptions.raise_compiler_error('one') }}{% elif q == 2 %}select 2{% else %}select 3{% endif %}");

        Assert.That(result.Sql, Is.EqualTo("select 2"));
        Assert.That(result.IsComplete, Is.False, "the else prints other SQL");
        Assert.That(result.Diagnostics.Single(d => d.Code == "undecidable-condition").Message, Does.Contain("first branch that does not raise"));
    }

    [Test]
    public void GetColumnsInRelation_OfAProjectNodeNoOneKnows_IsRecordedForASecondRender()
    {
        var result = Render("{% for c in adapter.get_columns_in_relation(ref('orders')) %}{{ c.name }}{% endfor %}"
            + "{% for c in adapter.get_columns_in_relation(api.Relation.create(schema='s', identifier='t')) %}{{ c.name }}{% endfor %}");

        Assert.That(result.ColumnsAsked, Is.EqualTo(new[] { "__ref__.orders" }), "only this project's nodes can be bound before the model renders again");
        Assert.That(result.Diagnostics.Count(d => d.Code == "needs-warehouse"), Is.EqualTo(2));
    }

    [TestCase("snowflake", "string", "TEXT")]
    [TestCase("snowflake", "date", "date")]
    [TestCase("postgres", "Integer", "INT")]
    [TestCase("bigquery", "string", "string")]
    [TestCase("bigquery", "integer", "INT64")]
    [TestCase("databricks", "long", "BIGINT")]
    public void ApiColumnTranslateType_GivesTheAdaptersTypeLabel(string adapter, string type, string expected)
    {
        var result = Render($"{{{{ api.Column.translate_type('{type}') }}}}", new JinjaContext { TargetType = adapter });

        Assert.That((result.Sql, result.IsComplete), Is.EqualTo((expected, true)));
    }

    [Test]
    public void CallBlock_RendersTheBodyWhereTheMacroCallsCaller()
    {
        var context = WithMacros("{% macro wrap() %}select * from ({{ caller() }}) as t{% endmacro %}");

        Assert.That(Render("{% call wrap() %}select 1 as a{% endcall %}", context).Sql, Is.EqualTo("select * from (select 1 as a) as t"));
    }

    [Test]
    public void SlicesFormatsAndSequenceFilters_WorkAsInJinja()
    {
        var result = Render("{{ 'abcdef'[1:3] }} {{ [1, 2, 3][-2:] | join(',') }} {{ '{}_{}'.format('a', 1) }} {{ '%s-%d' % ('x', 5) }} "
            + "{{ [{'n': 'B', 'k': true}, {'n': 'a', 'k': false}] | selectattr('k') | map(attribute='n') | map('lower') | join(',') }} "
            + "{{ ['b', 'a', 'b'] | unique | sort | join(',') }}");

        Assert.That(result.Sql, Is.EqualTo("bc 2,3 a_1 x-5 b a,b"));
    }

    [Test]
    public void UnknownFunction_IsADiagnosticNamingIt()
    {
        var result = Render("select {{ some_pkg.mystery('x') }}");

        Assert.That(result.Diagnostics.Single().Message, Does.Contain("'some_pkg.mystery'"));
    }
}
