using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;
using static ImpactBot.Sql.Tests.Syntax.SqlParserTestHelpers;

namespace ImpactBot.Sql.Tests.Syntax;

public sealed class ParserFromTests
{
    private static FromItem From(string fromClause, DialectFacts? dialect = null) =>
        Select("select * from " + fromClause, dialect).From.Single();

    [TestCase("join", JoinKind.Inner)]
    [TestCase("inner join", JoinKind.Inner)]
    [TestCase("left join", JoinKind.Left)]
    [TestCase("left outer join", JoinKind.Left)]
    [TestCase("right outer join", JoinKind.Right)]
    [TestCase("full outer join", JoinKind.Full)]
    [TestCase("full join", JoinKind.Full)]
    [TestCase("left semi join", JoinKind.Semi)]
    [TestCase("left anti join", JoinKind.Anti)]
    [TestCase("semi join", JoinKind.Semi)]
    public void Parse_JoinKinds_AreRecognised(string join, JoinKind kind)
    {
        var item = (JoinItem)From($"a {join} b on a.id = b.id", DialectFacts.Databricks);
        Assert.That(item.Kind, Is.EqualTo(kind));
        Assert.That(item.On, Is.TypeOf<BinaryExpr>());
    }

    [Test]
    public void Parse_CrossJoin_HasNoCondition()
    {
        var item = (JoinItem)From("a cross join b");
        Assert.That((item.Kind, item.On), Is.EqualTo((JoinKind.Cross, (Expr?)null)));
    }

    [Test]
    public void Parse_JoinUsing_KeepsColumns()
    {
        var item = (JoinItem)From("orders o full join payments p using (order_id, customer_id)");
        Assert.That(item.Using.Select(u => u.Text), Is.EqualTo(new[] { "order_id", "customer_id" }));
        Assert.That(item.On, Is.Null);
    }

    [Test]
    public void Parse_NaturalJoin_SetsNatural()
    {
        var item = (JoinItem)From("a natural left join b");
        Assert.That((item.Natural, item.Kind), Is.EqualTo((true, JoinKind.Left)));
    }

    [Test]
    public void Parse_JoinChain_NestsToTheLeft()
    {
        var item = (JoinItem)From("a join b on a.x = b.x left join c on c.y = b.y");
        Assert.That(item.Kind, Is.EqualTo(JoinKind.Left));
        Assert.That(item.Left, Is.TypeOf<JoinItem>());
        Assert.That(((TableRef)item.Right).Name.ToString(), Is.EqualTo("c"));
    }

    [Test]
    public void Parse_CommaJoin_GivesSeveralFromItems() =>
        Assert.That(Select("select * from a, b x, c as y").From, Has.Length.EqualTo(3));

    [Test]
    public void Parse_TableAlias_WithColumnList()
    {
        var item = From("db.sch.t as x (a, b)");
        Assert.That(((TableRef)item).Name.Parts, Has.Length.EqualTo(3));
        Assert.That(item.Alias!.Name.Text, Is.EqualTo("x"));
        Assert.That(item.Alias.Columns.Select(c => c.Text), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Parse_DerivedTable_KeepsQueryAndAlias()
    {
        var item = (DerivedTable)From("(select 1 as a) sub");
        Assert.That(item.Alias!.Name.Text, Is.EqualTo("sub"));
        Assert.That(item.Query, Is.TypeOf<SelectQuery>());
    }

    [Test]
    public void Parse_ParenthesisedJoin_IsReadAsFromItem()
    {
        var item = (JoinItem)From("((select * from a) x join b on x.id = b.id)");
        Assert.That(item.Left, Is.TypeOf<DerivedTable>());
    }

    [Test]
    public void Parse_LateralDerivedTable_IsLateral()
    {
        var select = Select("select * from a, lateral (select * from b where b.id = a.id) l", DialectFacts.Postgres);
        Assert.That(((DerivedTable)select.From[1]).Lateral, Is.True);
    }

    [Test]
    public void Parse_TableArgumentOfATableFunction_IsItsSubquery()
    {
        var item = (TableFunction)From("table(decode_event(abi => 'x', input => table(select l.topic0 from logs l))) d", DialectFacts.Trino);
        var input = (NamedArgument)item.Arguments[1];

        Assert.That(((SubqueryExpr)input.Value).Query, Is.TypeOf<SelectQuery>());
    }

    [Test]
    public void Parse_TableNameStartingWithDigits_IsOneNamePart()
    {
        var table = (TableRef)From("curve.3pool_evt_exchange e", DialectFacts.Trino);

        Assert.That(table.Name.Parts.Select(p => p.Text), Is.EqualTo(new[] { "curve", "3pool_evt_exchange" }));
    }

    [Test]
    public void Parse_UnnestWithOrdinality_SetsFlagAndAlias()
    {
        var item = (TableFunction)From("unnest(arr) with ordinality as u(v, n)", DialectFacts.Trino);
        Assert.That((item.Kind, item.WithOrdinality), Is.EqualTo((TableFunctionKind.Unnest, true)));
        Assert.That(item.Alias!.Columns, Has.Length.EqualTo(2));
    }

    [Test]
    public void Parse_BigQueryUnnestWithOffset_KeepsOffsetAlias()
    {
        var item = (TableFunction)From("unnest(o.items) as item with offset as pos", DialectFacts.BigQuery);
        Assert.That(item.Alias!.Name.Text, Is.EqualTo("item"));
        Assert.That(item.OrdinalityAlias!.Text, Is.EqualTo("pos"));
    }

    [Test]
    public void Parse_LateralFlatten_ReadsNamedInput()
    {
        var select = Select("select f.value from raw.events e, lateral flatten(input => e.payload:items) as f");
        var flatten = (TableFunction)select.From[1];
        Assert.That((flatten.Kind, flatten.Lateral), Is.EqualTo((TableFunctionKind.Flatten, true)));
        var input = (NamedArgument)flatten.Arguments.Single();
        Assert.That(input.Name.Text, Is.EqualTo("input"));
        Assert.That(((JsonPathExpr)input.Value).Segments, Is.EqualTo(new[] { "items" }));
    }

    [Test]
    public void Parse_TableFlattenWithOuter_SetsOuter()
    {
        var item = (TableFunction)From("table(flatten(input => x, outer => true)) f");
        Assert.That((item.Kind, item.Outer, item.Alias!.Name.Text), Is.EqualTo((TableFunctionKind.Flatten, true, "f")));
    }

    [Test]
    public void Parse_LateralViewPosexplode_IsCrossJoinWithExplode()
    {
        var select = Select("select t.id, pos, tag\nfrom events t\nlateral view posexplode(t.tags) tv as pos, tag", DialectFacts.Databricks);
        var join = (JoinItem)select.From.Single();
        var explode = (TableFunction)join.Right;
        Assert.That(join.Kind, Is.EqualTo(JoinKind.Cross));
        Assert.That((explode.Kind, explode.WithOrdinality), Is.EqualTo((TableFunctionKind.Explode, true)));
        Assert.That(explode.Alias!.Name.Text, Is.EqualTo("tv"));
        Assert.That(explode.Alias.Columns.Select(c => c.Text), Is.EqualTo(new[] { "pos", "tag" }));
    }

    [Test]
    public void Parse_LateralViewOuter_SetsOuter()
    {
        var join = (JoinItem)From("t lateral view outer explode(t.xs) e as x", DialectFacts.Databricks);
        Assert.That(((TableFunction)join.Right).Outer, Is.True);
    }

    [Test]
    public void Parse_GenericTableFunction_IsGeneric()
    {
        var item = (TableFunction)From("generate_series(1, 10) as g(n)", DialectFacts.Postgres);
        Assert.That(item.Kind, Is.EqualTo(TableFunctionKind.Generic));
        Assert.That(item.Arguments, Has.Length.EqualTo(2));
    }

    [Test]
    public void Parse_Pivot_ReadsAggregatesForAndIn()
    {
        var item = From("sales pivot (sum(amount) as total for month in ('JAN' as jan, 'FEB')) as p");
        var pivot = item.Pivots.Single();
        Assert.That(pivot.Unpivot, Is.False);
        Assert.That(pivot.Aggregates.Single().Alias!.Text, Is.EqualTo("total"));
        Assert.That(pivot.ForColumns.Single().Text, Is.EqualTo("month"));
        Assert.That(pivot.In.Select(v => v.Alias?.Text), Is.EqualTo(new[] { "jan", null }));
        Assert.That(pivot.Alias!.Name.Text, Is.EqualTo("p"));
    }

    [Test]
    public void Parse_PivotInAny_IsDynamic()
    {
        var pivot = From("sales pivot (sum(amount) for month in (any order by month))").Pivots.Single();
        Assert.That(pivot.DynamicIn, Is.True);
        Assert.That(pivot.In, Is.Empty);
    }

    [Test]
    public void Parse_UnpivotIncludeNulls_ReadsColumns()
    {
        var pivot = From("q unpivot include nulls (amount for quarter in (q1, q2 as second)) u").Pivots.Single();
        Assert.That((pivot.Unpivot, pivot.IncludeNulls), Is.EqualTo((true, true)));
        Assert.That(pivot.ValueColumns.Single().Text, Is.EqualTo("amount"));
        Assert.That(pivot.ForColumns.Single().Text, Is.EqualTo("quarter"));
        Assert.That(pivot.In, Has.Length.EqualTo(2));
        Assert.That(pivot.Alias!.Name.Text, Is.EqualTo("u"));
    }

    [Test]
    public void Parse_PivotAfterJoin_AppliesToTheJoin()
    {
        var item = From("a join b on a.id = b.id pivot (sum(x) for k in ('a', 'b'))");
        Assert.That(item, Is.TypeOf<JoinItem>());
        Assert.That(item.Pivots, Has.Length.EqualTo(1));
    }

    [TestCase("t sample (10) x")]
    [TestCase("t tablesample bernoulli (10) repeatable (1) x")]
    [TestCase("t at(timestamp => '2024-01-01'::timestamp) x")]
    [TestCase("t changes (information => default) at (offset => -60) x")]
    [TestCase("t for system_time as of '2024-01-01' x")]
    public void Parse_TableModifiers_AreSkippedWithInfo(string from)
    {
        var result = Parse("select * from " + from);
        var item = (TableRef)((SelectQuery)((Sql.Syntax.Ast.QueryStatement)result.Statements.Single()).Query).From.Single();
        Assert.That(item.Alias!.Name.Text, Is.EqualTo("x"));
        Assert.That(Problems(result), Is.Empty);
        Assert.That(result.Diagnostics.Select(d => (d.Code, d.Severity)), Has.All.EqualTo(("skipped-table-modifier", DiagnosticSeverity.Info)));
    }

    [TestCase("t match_recognize (order by d pattern (a b+) define b as b.v < prev(b.v)) x")]
    [TestCase("t x match_recognize (order by d pattern (a b+) define b as b.v < prev(b.v))")]
    public void Parse_MatchRecognize_KeptOnTheItemWithoutDiagnostics(string from)
    {
        var result = Parse("select * from " + from);
        var item = (TableRef)((SelectQuery)((Sql.Syntax.Ast.QueryStatement)result.Statements.Single()).Query).From.Single();
        Assert.That(item.Alias!.Name.Text, Is.EqualTo("x"));
        Assert.That(item.MatchRecognize!.Text, Is.EqualTo("match_recognize ( order by d pattern ( a b + ) define b as b . v < prev ( b . v ) )"));
        Assert.That(result.Diagnostics, Is.Empty);
    }

    [Test]
    public void Parse_BigQueryBacktickedPath_SplitsIntoParts()
    {
        var item = (TableRef)From("`proj.ds.orders` as o", DialectFacts.BigQuery);
        Assert.That(item.Name.Parts.Select(p => p.Text), Is.EqualTo(new[] { "proj", "ds", "orders" }));
        Assert.That(item.Name.Parts.All(p => p.Quoted), Is.True);
    }

    [Test]
    public void Parse_BigQueryDashedProject_IsOnePart()
    {
        var item = (TableRef)From("my-project-1.ds.t", DialectFacts.BigQuery);
        Assert.That(item.Name.Parts.Select(p => p.Text), Is.EqualTo(new[] { "my-project-1", "ds", "t" }));
    }

    [Test]
    public void Parse_TemplateInTablePosition_IsTableRef()
    {
        var result = Parse("select * from {{ ref('orders') }} o");
        var item = (TableRef)((SelectQuery)((QueryStatement)result.Statements.Single()).Query).From.Single();
        Assert.That(item.Name.ToString(), Is.EqualTo("{{ ref('orders') }}"));
        Assert.That(item.Alias!.Name.Text, Is.EqualTo("o"));
    }

    [Test]
    public void Parse_SnowflakeStage_IsTableRef()
    {
        var item = (TableRef)From("@db.sch.stage/path/file.csv t");
        Assert.That(item.Name.ToString(), Is.EqualTo("@db.sch.stage/path/file.csv"));
        Assert.That(item.Alias!.Name.Text, Is.EqualTo("t"));
    }

    [Test]
    public void Parse_UnknownModifierWithParentheses_IsSkippedNotAnAlias()
    {
        var join = (JoinItem)From("t asof join u match_condition (t.ts >= u.ts) on t.id = u.id");
        Assert.That(join.Right.Alias, Is.Null);
        Assert.That(join.On, Is.TypeOf<BinaryExpr>());
    }
}
