using ImpactBot.Dbt;
using ImpactBot.Dbt.Jinja;
using ImpactBot.Sql.Text;

namespace ImpactBot.Dbt.Tests.Jinja;

public sealed class JinjaRendererTests
{
    private static JinjaRenderResult Render(string template, JinjaContext? context = null) =>
        JinjaRenderer.Render(template, "models/m.sql", context ?? JinjaContext.Default);

    [Test]
    public void Render_Ref_UsesRefConventionAndRecordsLine()
    {
        var result = Render("select *\nfrom {{ ref('orders') }}");

        Assert.That(result.Sql, Is.EqualTo("select *\nfrom __ref__.orders"));
        Assert.That(result.Refs, Is.EqualTo(new[] { new DbtRef("orders", null, null, 2) }));
        Assert.That(result.IsComplete, Is.True);
    }

    [TestCase("{% set chars = ['\\\\', '/'] %}{{ chars | length }}", "2")]
    [TestCase("{% set s = 'it\\'s' %}{{ s }}", "it's")]
    [TestCase("{{ \"a\\\\\" ~ 'b' }}", "a\\b")]
    public void Render_StringEndingInAnEscapedBackslash_EndsAtItsQuote(string template, string expected)
    {
        var result = Render(template);

        Assert.That((result.Sql, result.Diagnostics.Length), Is.EqualTo((expected, 0)));
    }

    [Test]
    public void Render_NamespaceSetInALoop_KeepsItsValueAfterTheLoop()
    {
        var result = Render("{% set ns = namespace(cols=[], first=none) %}{% for c in ['a', 'b'] %}{% set ns.cols = ns.cols + [c ~ '_x'] %}"
            + "{% if ns.first is none %}{% set ns.first = c %}{% endif %}{% endfor %}select {{ ns.cols | join(', ') }}, {{ ns.first }} as first");

        Assert.That((result.Sql, result.Diagnostics.Length), Is.EqualTo(("select a_x, b_x, a as first", 0)));
    }

    [Test]
    public void Render_HexOctalAndBinaryIntegers_AreNumbersAsInJinja()
    {
        var result = Render("{% macro fee(address = 0xa020d57ab0448ef74115c112d18a9c231cc86000) %}{{ address }}{% endmacro %}"
            + "{{ 0xff }}|{{ 0xff + 1 }} {{ 0o17 }} {{ 0b101 }} {{ fee() }}");

        Assert.That((result.Sql, result.Diagnostics.Length), Is.EqualTo(("255|256 15 5 914170743843819636241048683169470459684082704384", 0)));
    }

    [Test]
    public void Render_TwoArgumentRef_UsesModelNameAndKeepsPackage()
    {
        var result = Render("select * from {{ ref('pkg', 'm') }}");

        Assert.That(result.Sql, Is.EqualTo("select * from __ref__.m"));
        Assert.That(result.Refs[0].Package, Is.EqualTo("pkg"));
    }

    [TestCase("{{ ref('orders', v=2) }}")]
    [TestCase("{{ ref('orders', version=2) }}")]
    public void Render_VersionedRef_AppendsVersion(string template)
    {
        var result = Render(template);

        Assert.That(result.Sql, Is.EqualTo("__ref__.orders_v2"));
        Assert.That(result.Refs[0].Version, Is.EqualTo("2"));
    }

    [Test]
    public void Render_Source_UsesSourceConvention()
    {
        var result = Render("select * from {{ source('stripe', 'payments') }}");

        Assert.That(result.Sql, Is.EqualTo("select * from __source__.stripe.payments"));
        Assert.That(result.Sources, Is.EqualTo(new[] { new DbtSourceRef("stripe", "payments", 1) }));
    }

    [Test]
    public void Render_Config_RecordsValuesAndRendersEmpty()
    {
        var result = Render("{{ config(materialized='incremental', unique_key='id', tags=['a', 'b'], enabled=true) }}select 1");

        Assert.That(result.Sql, Is.EqualTo("select 1"));
        Assert.That(result.Config["materialized"]?.Text, Is.EqualTo("incremental"));
        Assert.That(result.Config["unique_key"]?.Text, Is.EqualTo("id"));
        Assert.That(result.Config["tags"]!.AsStrings(), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(((DbtScalar)result.Config["enabled"]!).AsBool(), Is.True);
    }

    [Test]
    public void Render_VarWithProjectValue_UsesProjectValue()
    {
        var context = new JinjaContext { Vars = new DbtMap([new("start", new DbtScalar("2020-01-01"))]) };

        var result = Render("where d > '{{ var(\"start\", \"1970-01-01\") }}'", context);

        Assert.That(result.Sql, Is.EqualTo("where d > '2020-01-01'"));
    }

    [Test]
    public void Render_VarWhoseValueIsJinja_RendersItWithTheModelsContextAsDbtDoes()
    {
        var context = new JinjaContext
        {
            TargetName = "staging",
            Vars = new DbtMap([new("start", new DbtScalar("{{ '2021-04-16' if target.name == 'prod' else '2024-01-01' }}"))]),
        };

        var result = Render("where d >= '{{ var('start') }}'", context);

        Assert.That(result.Sql, Is.EqualTo("where d >= '2024-01-01'"));
        Assert.That(result.IsComplete, Is.True);
    }

    [Test]
    public void Render_SourceTableNamedLikeANumber_PrintsThatPartQuotedForTheTarget()
    {
        var bigQuery = Render("select * from {{ source('ntd', '2022__agencies') }} join {{ ref('orders') }}", new JinjaContext { TargetType = "bigquery" });
        var postgres = Render("select * from {{ source('ntd', 'agency-list') }}", new JinjaContext { TargetType = "postgres" });

        Assert.That(bigQuery.Sql, Is.EqualTo("select * from __source__.ntd.`2022__agencies` join __ref__.orders"));
        Assert.That(bigQuery.Sources.Single().RelationName, Is.EqualTo("__source__.ntd.2022__agencies"));
        Assert.That(postgres.Sql, Is.EqualTo("select * from __source__.ntd.\"agency-list\""));
    }

    [Test]
    public void Render_VarMissing_UsesDefault()
    {
        Assert.That(Render("{{ var('x', 'fallback') }}").Sql, Is.EqualTo("fallback"));
    }

    [Test]
    public void Render_VarMissingWithoutDefault_ReportsAndIsPartial()
    {
        var result = Render("{{ var('x') }}");

        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("missing-var"));
        Assert.That(result.IsComplete, Is.False);
    }

    [Test]
    public void Render_UndefinedNamePrinted_RendersEmptyAsDbtAndStaysComplete()
    {
        var result = Render("select * from t where kind = '{{ Settlement }}'");

        Assert.That(result.Sql, Is.EqualTo("select * from t where kind = ''"));
        Assert.That(result.IsComplete, Is.True);
        Assert.That(result.Diagnostics.Select(d => (d.Code, d.Severity)), Is.EqualTo(new[] { ("undefined-name", DiagnosticSeverity.Info) }));
    }

    [Test]
    public void Render_UnknownMacroCalled_IsPartial()
    {
        var result = Render("select {{ not_installed.cents_to_dollars('x') }} as d from t");

        Assert.That(result.IsComplete, Is.False);
    }

    [Test]
    public void Render_IsIncremental_RendersFullBranchAndKeepsWhatAnIncrementalRunAdds()
    {
        var template = "select * from {{ ref('events') }}\n{% if is_incremental() %}\nwhere ts > (select max(ts) from {{ this }})\n{% endif %}";

        var result = Render(template);

        Assert.That(result.Sql.Trim(), Is.EqualTo("select * from __ref__.events"));
        Assert.That(result.HasIncrementalPredicate, Is.True);
        Assert.That(result.IncrementalPredicates, Is.EqualTo(new[] { "where ts > (select max(ts) from __this__)" }));
        Assert.That(result.IsComplete, Is.True);
    }

    [Test]
    public void Render_IncrementalBranch_UsesMacrosAndTheProjectsOwnIsIncremental_WithoutAddingItsDiagnostics()
    {
        var context = new JinjaContext
        {
            ProjectName = "shop",
            Macros = JinjaMacroLibrary.Parse("shop", [new("macros/m.sql",
                "{% macro is_incremental() %}{% set r = adapter.get_relation(this.database, this.schema, this.table) %}{{ return(r is not none) }}{% endmacro %}"
                + "{% macro recent(c) %}{{ c }} >= now() - interval '{{ var('days', 3) }}' day{% endmacro %}")], []),
        };
        var template = "select * from {{ ref('events') }}\n{% if is_incremental() %}\nwhere {{ recent('ts') }} and id not in (select id from {{ ref('deleted') }}) {{ undefined_macro() }}\n{% endif %}"
            + "{% if not is_incremental() %} -- first build{% endif %}";

        var result = Render(template, context);

        Assert.That(result.Sql.Trim(), Is.EqualTo("select * from __ref__.events\n -- first build"));
        Assert.That(result.IncrementalPredicates.Single(), Is.EqualTo("where ts >= now() - interval '3' day and id not in (select id from __ref__.deleted) __macro__undefined_macro()"));
        Assert.That((result.Diagnostics.Length, result.IsComplete), Is.EqualTo((0, true)), "the branch is not part of the first build");
    }

    [Test]
    public void Render_This_RendersThisConvention()
    {
        Assert.That(Render("{{ this }}").Sql, Is.EqualTo("__this__"));
    }

    [Test]
    public void Render_TargetDefaults_AreDevAndDialectHint()
    {
        var result = Render("{{ target.name }} {{ target.schema }} {{ target.type }}", new JinjaContext { TargetType = "snowflake" });

        Assert.That(result.Sql, Is.EqualTo("dev analytics snowflake"));
    }

    [Test]
    public void Render_SetLiteralAndList_Substitutes()
    {
        var result = Render("{% set cols = ['a', 'b'] %}{% set t = 'x' %}select {{ cols | join(', ') }} from {{ t }}");

        Assert.That(result.Sql, Is.EqualTo("select a, b from x"));
    }

    [Test]
    public void Render_SetDict_ReadsEntries()
    {
        Assert.That(Render("{% set d = {'k': 'v'} %}{{ d.k }}{{ d['k'] }}").Sql, Is.EqualTo("vv"));
    }

    [Test]
    public void Render_DictOfAMappingAndNamedArguments_CopiesThenOverrides()
    {
        var result = Render("{% set d = dict({'name': 'ar', 'start': '2019'}, start='2021') %}{{ d.name }} {{ d.start }} {{ dict([('k', 1)]).k }}");

        Assert.That((result.Sql, result.Diagnostics.Length), Is.EqualTo(("ar 2021 1", 0)));
    }

    [Test]
    public void Render_NullArgumentDefault_IsUndefinedAsInJinja()
    {
        var template = "{% macro m(col = null) %}x{% if col %}, {{ col }}{% endif %}{% endmacro %}select {{ m() }}, {{ m('y') }}";
        var result = Render(template);

        Assert.That((result.Sql, result.Diagnostics.Length), Is.EqualTo(("select x, x, y", 0)));
    }

    [Test]
    public void Render_ForLoopWithLoopLast_RendersCommaSeparated()
    {
        var template = "select {% for c in ['a', 'b', 'c'] %}{{ c }}{% if not loop.last %}, {% endif %}{% endfor %} from t";

        Assert.That(Render(template).Sql, Is.EqualTo("select a, b, c from t"));
    }

    [Test]
    public void Render_ForOverDictItems_UnpacksPairs()
    {
        var template = "{% for k, v in {'a': 1, 'b': 2}.items() %}{{ v }} as {{ k }}{% if not loop.last %}, {% endif %}{% endfor %}";

        Assert.That(Render(template).Sql, Is.EqualTo("1 as a, 2 as b"));
    }

    [Test]
    public void Render_IfElifElseOnTarget_PicksDecidableBranch()
    {
        var template = "{% if target.name == 'prod' %}p{% elif target.name == 'dev' and 1 < 2 %}d{% else %}e{% endif %}";

        Assert.That(Render(template).Sql, Is.EqualTo("d"));
    }

    [Test]
    public void Render_IfOnVar_UsesVarValue()
    {
        var context = new JinjaContext { Vars = new DbtMap([new("use_x", new DbtScalar("false"))]) };

        Assert.That(Render("{% if var('use_x') %}x{% else %}y{% endif %}", context).Sql, Is.EqualTo("y"));
    }

    [Test]
    public void Render_UndecidableCondition_RendersFirstBranchAndIsPartial()
    {
        var result = Render("{% if (run_query('select 1') | length) > 2 %}a{% else %}b{% endif %}");

        Assert.That(result.Sql, Is.EqualTo("a"));
        Assert.That(result.IsComplete, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("undecidable-condition"));
    }

    [TestCase("{% if run_query('select 1') %}a{% else %}b{% endif %}", "a")]
    [TestCase("{% set t = load_result('q') %}{% if t and t['data'] %}a{% else %}b{% endif %}", "a")]
    [TestCase("{% if not adapter.get_relation('db', 's', 't') %}b{% else %}a{% endif %}", "a")]
    [TestCase("{% if adapter.get_relation('db', 's', 't') is none %}b{% else %}a{% endif %}", "a")]
    [TestCase("{% set rows = run_query('q') %}{% if rows is none or rows | length == 0 %}b{% elif 0 < rows | length %}a{% endif %}", "a")]
    [TestCase("{% if (run_query('q') | length) >= 1 %}a{% else %}b{% endif %}", "a")]
    public void Render_ConditionOnAWarehouseAnswerItself_AssumesItAnswersAndIsComplete(string template, string sql)
    {
        var result = Render(template);

        Assert.That(result.Sql, Is.EqualTo(sql));
        Assert.That(result.IsComplete, Is.True);
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("assumed-answer").And.Not.Contain("undecidable-condition"));
    }

    [TestCase("{% if env_var('DB') is not none %}a{% else %}b{% endif %}", "a")]
    [TestCase("{% if env_var('DB') is none %}b{% else %}a{% endif %}", "a")]
    [TestCase("{% if env_var('DB') is defined %}a{% else %}b{% endif %}", "a")]
    public void Render_NoneTestOnAnUnsetEnvVar_IsDecidedAsWhereTheProjectRuns(string template, string sql)
    {
        var result = Render(template);

        Assert.That(result.Sql, Is.EqualTo(sql));
        Assert.That(result.IsComplete, Is.True);
    }

    [Test]
    public void Render_RefOnlyInUntakenBranch_IsStillRecorded()
    {
        var result = Render("{% if target.name == 'prod' %}\nselect * from {{ ref('big') }}\n{% else %}\nselect * from {{ ref('small') }}\n{% endif %}");

        Assert.That(result.Sql.Trim(), Is.EqualTo("select * from __ref__.small"));
        Assert.That(result.Refs.Select(r => (r.Name, r.Line)), Is.EquivalentTo(new[] { ("big", 2), ("small", 4) }));
    }

    [Test]
    public void Render_Comment_IsDropped()
    {
        Assert.That(Render("select 1{# a {{ ref('x') }} comment #} as a").Sql, Is.EqualTo("select 1 as a"));
    }

    [Test]
    public void Render_WhitespaceControl_TrimsAroundTags()
    {
        Assert.That(Render("select\n  {%- if true %}\n  1\n  {%- endif -%}\n  as a").Sql, Is.EqualTo("select\n  1as a"));
    }

    [Test]
    public void Render_ConcatenationAndFilters_Work()
    {
        var result = Render("{{ 'ab' ~ 1 | upper }} {{ ' X ' | trim | lower }} {{ none | default('d') }} {{ undefined_thing | default('u') }}");

        Assert.That(result.Sql, Is.EqualTo("ab1 x None u"));
    }

    [Test]
    public void Render_ProjectMacro_ExpandsWithArguments()
    {
        var macros = JinjaMacroLibrary.Parse([new("macros/cents.sql", "{% macro cents_to_dollars(col, scale=2) %}round({{ col }} / 100, {{ scale }}){% endmacro %}")]);

        var result = Render("select {{ cents_to_dollars('amount') }} as amount", new JinjaContext { Macros = macros });

        Assert.That(result.Sql, Is.EqualTo("select round(amount / 100, 2) as amount"));
        Assert.That(result.IsComplete, Is.True);
    }

    [Test]
    public void Render_MacroWithReturn_ReturnsValue()
    {
        var macros = JinjaMacroLibrary.Parse([new("macros/cols.sql", "{% macro cols() %}{{ return(['a', 'b']) }}{% endmacro %}")]);

        var result = Render("select {{ cols() | join(', ') }}", new JinjaContext { Macros = macros });

        Assert.That(result.Sql, Is.EqualTo("select a, b"));
    }

    [Test]
    public void Render_MacroDefinedInModel_IsCallable()
    {
        Assert.That(Render("{% macro twice(x) %}{{ x }}{{ x }}{% endmacro %}{{ twice('a') }}").Sql, Is.EqualTo("aa"));
    }

    [Test]
    public void Render_UnknownMacro_PlaceholderWithColumnsAndDiagnostic()
    {
        var result = Render("select\n  {{ my_utils.make_key(['order_id', 'line']) }} as id\nfrom {{ ref('o') }}");

        Assert.That(result.Sql, Is.EqualTo("select\n  __macro__my_utils__make_key(order_id, line) as id\nfrom __ref__.o"));
        Assert.That(result.IsComplete, Is.False);
        var diagnostic = result.Diagnostics.Single();
        Assert.That((diagnostic.Code, diagnostic.Path, diagnostic.Line, diagnostic.Column), Is.EqualTo(("unknown-macro", "models/m.sql", 2, 6)));
        Assert.That(result.Refs.Single().Name, Is.EqualTo("o"));
    }

    [Test]
    public void Render_GetColumnsInRelationWithoutCatalog_NeedsWarehouseAndLeavesLoopOut()
    {
        var result = Render("{% set cols = adapter.get_columns_in_relation(ref('x')) %}{% for c in cols %}{{ c }}{% endfor %}select 1");

        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("needs-warehouse"));
        Assert.That(result.Refs.Single().Name, Is.EqualTo("x"));
        Assert.That(result.Sql, Does.EndWith("select 1"));
    }

    [Test]
    public void Render_DbtUtilsStarWithExcept_RendersAStarExcludingThemAndRecordsMacro()
    {
        var result = Render("select {{ dbt_utils.star(from=ref('x'), except=['a', 'b']) }} from {{ ref('x') }}");

        Assert.That(result.Sql, Is.EqualTo("select * exclude (a, b) from __ref__.x"));
        var star = result.StarMacros.Single();
        Assert.That(star.Ref!.Name, Is.EqualTo("x"));
        Assert.That(star.Except, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(result.IsComplete, Is.True);
    }

    [Test]
    public void Render_DbtUtilsStarWithAlias_QualifiesStar()
    {
        Assert.That(Render("{{ dbt_utils.star(ref('x'), relation_alias='t') }}").Sql, Is.EqualTo("t.*"));
    }

    [Test]
    public void Render_SnapshotBlock_RecordsBlockAndBody()
    {
        var result = Render("{% snapshot orders_snap %}\n{{ config(unique_key='id', strategy='timestamp') }}\nselect * from {{ source('s', 'o') }}\n{% endsnapshot %}");

        var block = result.Blocks.Single();
        Assert.That((block.Kind, block.Name), Is.EqualTo(("snapshot", "orders_snap")));
        Assert.That(block.Sql.Trim(), Is.EqualTo("select * from __source__.s.o"));
        Assert.That(result.Config["strategy"]?.Text, Is.EqualTo("timestamp"));
    }

    [Test]
    public void Render_RawBlock_KeepsJinjaText()
    {
        Assert.That(Render("{% raw %}{{ not_rendered }}{% endraw %}").Sql, Is.EqualTo("{{ not_rendered }}"));
    }

    [Test]
    public void Render_SyntaxError_ReportsPositionAndKeepsRest()
    {
        var result = Render("select 1,\n  {{ ref('a' }}\nfrom {{ ref('b') }}");

        var diagnostic = result.Diagnostics.Single();
        Assert.That((diagnostic.Code, diagnostic.Line), Is.EqualTo(("jinja-syntax", 2)));
        Assert.That(result.Sql, Does.Contain("from __ref__.b"));
        Assert.That(result.IsComplete, Is.False);
    }

    [Test]
    public void Render_UnclosedTag_DoesNotThrow()
    {
        var result = Render("select {{ ref('a') ");

        Assert.That(result.Diagnostics, Is.Not.Empty);
    }

    [Test]
    public void Render_RecursiveMacro_StopsWithDiagnostic()
    {
        var result = Render("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}");

        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("macro-recursion"));
    }

    [Test]
    public void Render_SameInputTwice_IsDeterministic()
    {
        const string template = "{% for c in ['x','y'] %}{{ ref(c) }}{% endfor %}{{ {'b': 1, 'a': 2} }}";

        var first = Render(template);
        var second = Render(template);

        Assert.That(second.Sql, Is.EqualTo(first.Sql));
        Assert.That(second.Refs, Is.EqualTo(first.Refs));
        Assert.That(first.Sql, Is.EqualTo("__ref__.x__ref__.y{'b': 1, 'a': 2}"));
    }

    [Test]
    public void Render_DynamicRefInLoop_RecordsEachRef()
    {
        var result = Render("{% for m in ['a', 'b'] %}select * from {{ ref(m) }}{% if not loop.last %} union all {% endif %}{% endfor %}");

        Assert.That(result.Sql, Is.EqualTo("select * from __ref__.a union all select * from __ref__.b"));
        Assert.That(result.Refs.Select(r => r.Name), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Render_ConfigGet_ReadsRecordedConfig()
    {
        Assert.That(Render("{{ config(alias='x') }}{{ config.get('alias') }}-{{ config.get('missing', 'd') }}").Sql, Is.EqualTo("x-d"));
    }

    [Test]
    public void Render_CrossDatabaseMacros_ExpandToSql()
    {
        var result = Render("select cast(a as {{ dbt.type_string() }}), {{ dbt.date_trunc('day', 'ts') }}, {{ dbt_utils.generate_surrogate_key(['a', 'b']) }} as k",
            new JinjaContext { TargetType = "bigquery" });

        Assert.That(result.Sql, Is.EqualTo("select cast(a as string), timestamp_trunc(cast(ts as timestamp), day), to_hex(md5(cast(concat(coalesce(cast(a as string), '_dbt_utils_surrogate_key_null_'), '-', coalesce(cast(b as string), '_dbt_utils_surrogate_key_null_')) as string))) as k"));
        Assert.That(result.IsComplete, Is.True);
    }

    [Test]
    public void Render_DateMacrosOnBigQuery_RenderTheAdaptersFunctionsWithThePartLast()
    {
        var result = Render(
            "select {{ dbt.dateadd('day', 1, 'a') }}, {{ dbt.datediff('a', 'b', 'week') }}, {{ dbt.date_trunc('month', 'a') }}",
            new JinjaContext { TargetType = "bigquery" });

        Assert.That(result.Sql, Is.EqualTo(
            "select datetime_add(cast(a as datetime), interval 1 day), datetime_diff(cast(b as datetime), cast(a as datetime), week), timestamp_trunc(cast(a as timestamp), month)"));
    }

    [Test]
    public void Render_CrossDatabaseMacrosWithKeywordArguments_ExpandLikePositionalOnes()
    {
        var result = Render("select {{ dbt.dateadd(datepart='day', interval=1, from_date_or_timestamp='aa.end_date') }}, {{ dbt.datediff('a', second_date='b', datepart='day') }}");

        Assert.That(result.Sql, Is.EqualTo("select dateadd(day, 1, aa.end_date), datediff(day, a, b)"));
        Assert.That(result.IsComplete, Is.True);
    }

    [Test]
    public void Render_DbtCast_ExpandsToACast()
    {
        var result = Render("select {{ dbt.cast(\"'1900-01-01'\", api.Column.translate_type('date')) }}, {{ dbt.cast(field='a', type='int') }}");

        Assert.That(result.Sql, Is.EqualTo("select cast('1900-01-01' as date), cast(a as int)"));
        Assert.That(result.IsComplete, Is.True);
    }

    [Test]
    public void Render_CrossDatabaseMacroWithUnknownKeyword_IsNotExpanded()
    {
        var result = Render("select {{ dbt.dateadd(datepart='day', interval=1, start='x') }}");

        Assert.That(result.Sql, Does.StartWith("select __macro__dbt__dateadd("));
        Assert.That(result.IsComplete, Is.False);
    }

    [Test]
    public void Render_InOperatorAndNotIn_AreDecided()
    {
        Assert.That(Render("{% if 'a' in ['a', 'b'] and 'c' not in ['a'] %}yes{% endif %}").Sql, Is.EqualTo("yes"));
    }

    [Test]
    public void Render_SetBlock_CapturesRenderedText()
    {
        Assert.That(Render("{% set cols %}a, {{ 'b' }}{% endset %}select {{ cols }}").Sql, Is.EqualTo("select a, b"));
    }

    [Test]
    public void Render_ConditionalExpression_PicksValue()
    {
        Assert.That(Render("{{ 'x' if target.name == 'dev' else 'y' }}").Sql, Is.EqualTo("x"));
    }

    [Test]
    public void Render_EveryPrefixOfATemplate_NeverThrows()
    {
        var template = FixtureFiles.Read("dbt/shop/analytics/models/marts/orders.sql")
            + "{% for k, v in {'a': [1, 2]}.items() if v %}{{ k ~ v | join('-') }}{% else %}none{% endfor %}{# c #}{% raw %}x{% endraw %}";
        var macros = JinjaMacroLibrary.Parse([new("m.sql", FixtureFiles.Read("dbt/shop/analytics/macros/cents.sql"))]);

        for (var length = 0; length <= template.Length; length++)
        {
            var prefix = template[..length];
            Assert.DoesNotThrow(() => JinjaRenderer.Render(prefix, "m.sql", new JinjaContext { Macros = macros }), prefix);
        }
    }
}
