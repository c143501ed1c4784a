using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax.Ast;
using static ImpactBot.Sql.Tests.Syntax.SqlParserTestHelpers;

namespace ImpactBot.Sql.Tests.Syntax;

public sealed class ParserQueryTests
{
    [Test]
    public void Parse_PlainQuery_ReadsEveryClause()
    {
        var select = Select("""
            select a.id, sum(a.amount) as total
            from a join b on a.id = b.id
            where a.id is not null
            group by 1
            having sum(a.amount) > 0
            order by total desc
            limit 10
            """);
        Assert.That(select.Items, Has.Length.EqualTo(2));
        Assert.That(((ExprSelectItem)select.Items[1]).Alias!.Text, Is.EqualTo("total"));
        Assert.That(select.From[0], Is.TypeOf<JoinItem>());
        Assert.That(select.Where, Is.TypeOf<UnaryExpr>());
        Assert.That(select.GroupBy!.Items.Single(), Is.TypeOf<Literal>());
        Assert.That(select.Having, Is.TypeOf<BinaryExpr>());
        Assert.That(select.OrderBy.Single().Descending, Is.True);
        Assert.That(((Literal)select.Limit!.Count!).Text, Is.EqualTo("10"));
    }

    [Test]
    public void Parse_WithRecursive_KeepsColumnAliasesAndUnion()
    {
        var query = Query("with recursive r(n) as (select 1 union all select n + 1 from r where n < 10) select n from r");
        var cte = query.With!.Ctes.Single();
        Assert.That(query.With.Recursive, Is.True);
        Assert.That(cte.Name.Text, Is.EqualTo("r"));
        Assert.That(cte.ColumnAliases.Select(c => c.Text), Is.EqualTo(new[] { "n" }));
        Assert.That(cte.Query, Is.TypeOf<SetOperationQuery>().With.Property("All").True);
    }

    [Test]
    public void Parse_SeveralCtes_KeepsOrder()
    {
        var query = Query("with a as (select 1 x), b as (select x from a) select * from b");
        Assert.That(query.With!.Ctes.Select(c => c.Name.Text), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Parse_QuotedCteName_KeepsQuotedFlag()
    {
        var cte = Query("with \"Big\" as (select 1) select * from \"Big\"").With!.Ctes.Single();
        Assert.That((cte.Name.Text, cte.Name.Quoted), Is.EqualTo(("Big", true)));
    }

    [Test]
    public void Parse_IntersectBindsTighterThanUnion()
    {
        var query = (SetOperationQuery)Query("select 1 union select 2 intersect select 3");
        Assert.That(query.Operator, Is.EqualTo(SetOperator.Union));
        Assert.That(((SetOperationQuery)query.Right).Operator, Is.EqualTo(SetOperator.Intersect));
    }

    [Test]
    public void Parse_UnionChain_IsLeftAssociative()
    {
        var query = (SetOperationQuery)Query("select 1 union all select 2 union all select 3");
        Assert.That(query.Left, Is.TypeOf<SetOperationQuery>());
        Assert.That(query.Right, Is.TypeOf<SelectQuery>());
    }

    [Test]
    public void Parse_UnionAllByName_SetsByName()
    {
        var query = (SetOperationQuery)Query("select a, b from x union all by name select b, a from y", DialectFacts.DuckDb);
        Assert.That((query.All, query.ByName), Is.EqualTo((true, true)));
    }

    [Test]
    public void Parse_MinusInSnowflake_IsExcept() =>
        Assert.That(((SetOperationQuery)Query("select a from x minus select a from y")).Operator, Is.EqualTo(SetOperator.Except));

    [Test]
    public void Parse_MinusInPostgres_IsAnAlias()
    {
        var select = Select("select a minus from x", DialectFacts.Postgres);
        Assert.That(((ExprSelectItem)select.Items[0]).Alias!.Text, Is.EqualTo("minus"));
    }

    [Test]
    public void Parse_ParenthesisedOperandsWithOrderAndLimit_ApplyToWholeSetOperation()
    {
        var query = Query("(select a from x) union (select a from y) order by 1 limit 5");
        Assert.That(query, Is.TypeOf<SetOperationQuery>());
        Assert.That(query.OrderBy, Has.Length.EqualTo(1));
        Assert.That(query.Limit, Is.Not.Null);
    }

    [Test]
    public void Parse_ExceptDistinctInBigQuery_IsSetOperation() =>
        Assert.That(Query("select a from x except distinct select a from y", DialectFacts.BigQuery), Is.TypeOf<SetOperationQuery>());

    [Test]
    public void Parse_StarExceptColumnsThenExceptSelect_TellsThemApart()
    {
        var query = (SetOperationQuery)Query(
            "select * except (internal_note) from tickets\nexcept\nselect * except (internal_note) from tickets_archive",
            DialectFacts.Databricks);
        Assert.That(query.Operator, Is.EqualTo(SetOperator.Except));
        var left = (StarSelectItem)((SelectQuery)query.Left).Items.Single();
        var right = (StarSelectItem)((SelectQuery)query.Right).Items.Single();
        Assert.That(left.Exclude.Single().ToString(), Is.EqualTo("internal_note"));
        Assert.That(right.Exclude.Single().ToString(), Is.EqualTo("internal_note"));
    }

    [Test]
    public void Parse_StarExceptParenthesisedSelect_IsSetOperation() =>
        Assert.That(Query("select * from a except (select * from b)", DialectFacts.Databricks), Is.TypeOf<SetOperationQuery>());

    [Test]
    public void Parse_Values_ReadsRows()
    {
        var values = (ValuesQuery)Query("values (1, 'a'), (2, 'b')");
        Assert.That(values.Rows, Has.Length.EqualTo(2));
        Assert.That(values.Rows[1], Has.Length.EqualTo(2));
    }

    [Test]
    public void Parse_DistinctOn_KeepsKeys()
    {
        var select = Select("select distinct on (a, b) a, b, c from t", DialectFacts.Postgres);
        Assert.That(select.Distinct, Is.True);
        Assert.That(select.DistinctOn, Has.Length.EqualTo(2));
        Assert.That(select.Items, Has.Length.EqualTo(3));
    }

    [Test]
    public void Parse_Top_KeepsCount()
    {
        var select = Select("select top 5 a from t");
        Assert.That(((Literal)select.Top!).Text, Is.EqualTo("5"));
        Assert.That(select.Items, Has.Length.EqualTo(1));
    }

    [Test]
    public void Parse_OffsetFetch_FillsLimit()
    {
        var query = Query("select a from t order by a offset 5 rows fetch first 10 rows only", DialectFacts.Postgres);
        Assert.That(((Literal)query.Limit!.Count!).Text, Is.EqualTo("10"));
        Assert.That(((Literal)query.Limit.Offset!).Text, Is.EqualTo("5"));
    }

    [Test]
    public void Parse_LimitOffset_FillsLimit()
    {
        var query = Query("select a from t limit 10 offset 20", DialectFacts.DuckDb);
        Assert.That(((Literal)query.Limit!.Offset!).Text, Is.EqualTo("20"));
    }

    [Test]
    public void Parse_GroupByAll_SetsAll()
    {
        var select = Select("select a, sum(b) from t group by all");
        Assert.That(select.GroupBy!.All, Is.True);
        Assert.That(select.GroupBy.Items, Is.Empty);
    }

    [Test]
    public void Parse_GroupingConstructs_BecomeNamedCalls()
    {
        var select = Select("select a, b from t group by rollup (a, b), cube (a), grouping sets ((a), (a, b), ())");
        var names = select.GroupBy!.Items.Cast<FunctionCall>().Select(f => f.Name.ToString().ToUpperInvariant());
        Assert.That(names, Is.EqualTo(new[] { "ROLLUP", "CUBE", "GROUPING SETS" }));
        Assert.That(((FunctionCall)select.GroupBy.Items[2]).Arguments, Has.Length.EqualTo(3));
    }

    [Test]
    public void Parse_PositionalOrderBy_IsNumberLiteral()
    {
        var query = Query("select a, b from t order by 2 desc nulls last, 1");
        Assert.That(query.OrderBy.Select(o => ((Literal)o.Expr).Text), Is.EqualTo(new[] { "2", "1" }));
        Assert.That(query.OrderBy[0].Descending, Is.True);
    }

    [Test]
    public void Parse_QualifyAndWindowClause_AreKept()
    {
        var select = Select("""
            select a, row_number() over w as rn from t
            window w as (partition by a order by b)
            qualify rn = 1
            """);
        Assert.That(select.Windows.Single().Name.Text, Is.EqualTo("w"));
        Assert.That(select.Windows[0].Spec.PartitionBy, Has.Length.EqualTo(1));
        Assert.That(select.Qualify, Is.TypeOf<BinaryExpr>());
    }

    [Test]
    public void Parse_FromFirst_ReadsDuckDbForm()
    {
        var select = Select("from t select a", DialectFacts.DuckDb);
        Assert.That(select.From, Has.Length.EqualTo(1));
        Assert.That(select.Items, Has.Length.EqualTo(1));
    }

    [Test]
    public void Parse_TrailingCommaBeforeFrom_IsAccepted()
    {
        var select = Select("select a, b, from t", DialectFacts.DuckDb);
        Assert.That(select.Items, Has.Length.EqualTo(2));
    }

    [Test]
    public void Parse_Spans_AreOneBased()
    {
        var select = Select("select\n  a,\n  b + 1 as c\nfrom t");
        Assert.That(select.Items[1].Span.ToString(), Is.EqualTo("3:3"));
        Assert.That(select.From[0].Span.ToString(), Is.EqualTo("4:6"));
        Assert.That(select.Span.Start, Is.EqualTo(0));
    }
}
