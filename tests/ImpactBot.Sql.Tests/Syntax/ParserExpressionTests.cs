using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax.Ast;
using static ImpactBot.Sql.Tests.Syntax.SqlParserTestHelpers;

namespace ImpactBot.Sql.Tests.Syntax;

public sealed class ParserExpressionTests
{
    [Test]
    public void Parse_AndBindsTighterThanOr()
    {
        var expr = (BinaryExpr)Expression("a or b and c");
        Assert.That(expr.Operator, Is.EqualTo("OR"));
        Assert.That(((BinaryExpr)expr.Right).Operator, Is.EqualTo("AND"));
    }

    [Test]
    public void Parse_NotBindsLooserThanComparison()
    {
        var expr = (UnaryExpr)Expression("not a = b");
        Assert.That(expr.Operand, Is.TypeOf<BinaryExpr>());
    }

    [Test]
    public void Parse_MultiplicationBindsTighterThanAddition()
    {
        var expr = (BinaryExpr)Expression("a + b * c - d");
        Assert.That(expr.Operator, Is.EqualTo("-"));
        Assert.That(((BinaryExpr)((BinaryExpr)expr.Left).Right).Operator, Is.EqualTo("*"));
    }

    [Test]
    public void Parse_ConcatBindsLooserThanAddition()
    {
        var expr = (BinaryExpr)Expression("a || b + 1");
        Assert.That(expr.Operator, Is.EqualTo("||"));
        Assert.That(((BinaryExpr)expr.Right).Operator, Is.EqualTo("+"));
    }

    [Test]
    public void Parse_CastBindsTighterThanUnaryMinus()
    {
        var expr = (UnaryExpr)Expression("-a::int");
        Assert.That(expr.Operand, Is.TypeOf<CastExpr>());
    }

    [Test]
    public void Parse_DottedName_IsOneColumnRef()
    {
        var expr = (ColumnRef)Expression("o.customer.address.city", DialectFacts.BigQuery);
        Assert.That(expr.Parts.Select(p => p.Text), Is.EqualTo(new[] { "o", "customer", "address", "city" }));
    }

    [Test]
    public void Parse_QuotedIdentifier_KeepsQuotedFlagAndCase()
    {
        var expr = (ColumnRef)Expression("t.\"Amount\"");
        Assert.That((expr.Last.Text, expr.Last.Quoted, expr.Parts[0].Quoted), Is.EqualTo(("Amount", true, false)));
    }

    [Test]
    public void Parse_SnowflakeVariantPathWithCast_IsCastOfJsonPath()
    {
        var cast = (CastExpr)Expression("f.value:customer.items[0]::string");
        var path = (JsonPathExpr)cast.Operand;
        Assert.That((cast.TypeName, cast.Style), Is.EqualTo(("string", CastStyle.DoubleColon)));
        Assert.That(path.Segments, Is.EqualTo(new[] { "customer", "items", "[0]" }));
        Assert.That(((ColumnRef)path.Base).ToString(), Is.EqualTo("f.value"));
    }

    [TestCase("postgres", "a * b ^ c", "*")]
    [TestCase("postgres", "a ^ b * c", "*")]
    [TestCase("duckdb", "a + b ^ c", "+")]
    [TestCase("snowflake", "a * b ^ c", "^")]
    [TestCase("bigquery", "a + b ^ c", "^")]
    public void Parse_Caret_PowerBindsTighterThanMultiplicationOnlyWherePower(string dialect, string expression, string top) =>
        Assert.That(((BinaryExpr)Expression(expression, DialectFacts.FromName(dialect))).Operator, Is.EqualTo(top));

    [Test]
    public void Parse_PostgresUnaryMinus_BindsTighterThanPower()
    {
        var power = (BinaryExpr)Expression("-a ^ 2", DialectFacts.Postgres);
        Assert.That(power.Operator, Is.EqualTo("^"));
        Assert.That(power.Left, Is.TypeOf<UnaryExpr>());
    }

    [Test]
    public void Parse_PostgresJsonOperators_AreBinary()
    {
        var expr = (BinaryExpr)Expression("data->'a'->>'b'", DialectFacts.Postgres);
        Assert.That(expr.Operator, Is.EqualTo("->>"));
        Assert.That(((BinaryExpr)expr.Left).Operator, Is.EqualTo("->"));
        Assert.That(((BinaryExpr)Expression("data #>> '{a,b}'", DialectFacts.Postgres)).Operator, Is.EqualTo("#>>"));
    }

    [TestCase("x::numeric(10, 2)", "numeric(10, 2)")]
    [TestCase("x::varchar[]", "varchar[]")]
    [TestCase("x::timestamp with time zone", "timestamp with time zone")]
    [TestCase("x::double precision", "double precision")]
    [TestCase("cast(x as array<string>)", "array<string>")]
    [TestCase("cast(x as map<string, array<int>>)", "map<string, array<int>>")]
    public void Parse_TypeNames_AreKeptAsWritten(string expression, string type) =>
        Assert.That(((CastExpr)Expression(expression, DialectFacts.Databricks)).TypeName, Is.EqualTo(type));

    [TestCase("x::date < '2019-10-18'::date")]
    [TestCase("x::number::timestamp < y")]
    public void Parse_CastToAPlainTypeFollowedByAComparison_IsAComparison(string expression)
    {
        var comparison = (BinaryExpr)Expression(expression, DialectFacts.Snowflake);

        Assert.That(comparison.Operator, Is.EqualTo("<"));
        Assert.That(comparison.Left, Is.TypeOf<CastExpr>());
    }

    [TestCase("try_cast(x as int)", CastStyle.TryCast)]
    [TestCase("safe_cast(x as int64)", CastStyle.TryCast)]
    [TestCase("cast(x as int)", CastStyle.Cast)]
    public void Parse_CastFunctions_SetStyle(string expression, CastStyle style) =>
        Assert.That(((CastExpr)Expression(expression, DialectFacts.BigQuery)).Style, Is.EqualTo(style));

    [Test]
    public void Parse_SearchedCase_ReadsBranches()
    {
        var expr = (CaseExpr)Expression("case when a > 0 then 'pos' when a < 0 then 'neg' else 'zero' end");
        Assert.That(expr.Operand, Is.Null);
        Assert.That(expr.Whens, Has.Length.EqualTo(2));
        Assert.That(expr.Else, Is.TypeOf<Literal>());
    }

    [Test]
    public void Parse_SimpleCase_KeepsOperand() =>
        Assert.That(((CaseExpr)Expression("case status when 1 then 'a' end")).Operand, Is.TypeOf<ColumnRef>());

    [Test]
    public void Parse_WindowFunction_ReadsPartitionOrderAndFrame()
    {
        var call = (FunctionCall)Expression("sum(x) over (partition by a, b order by c desc rows between 2 preceding and current row)");
        var over = call.Over!;
        Assert.That(over.PartitionBy, Has.Length.EqualTo(2));
        Assert.That(over.OrderBy.Single().Descending, Is.True);
        Assert.That(over.Frame, Is.EqualTo("rows between 2 preceding and current row"));
        Assert.That(over.FrameBounds, Has.Length.EqualTo(1));
    }

    [Test]
    public void Parse_OverNamedWindow_KeepsReference() =>
        Assert.That(((FunctionCall)Expression("rank() over w")).Over!.BaseWindow!.Text, Is.EqualTo("w"));

    [Test]
    public void Parse_AggregateTrailers_AreKept()
    {
        var filtered = (FunctionCall)Expression("count(distinct a) filter (where b > 0)", DialectFacts.Postgres);
        Assert.That((filtered.Distinct, filtered.Filter is BinaryExpr), Is.EqualTo((true, true)));
        var within = (FunctionCall)Expression("percentile_cont(0.5) within group (order by x)");
        Assert.That(within.WithinGroup, Has.Length.EqualTo(1));
        var ordered = (FunctionCall)Expression("string_agg(a, ',' order by b)", DialectFacts.Postgres);
        Assert.That((ordered.Arguments.Length, ordered.ArgumentOrderBy.Length), Is.EqualTo((2, 1)));
        var nulls = (FunctionCall)Expression("first_value(x) ignore nulls over (order by t)");
        Assert.That(nulls.NullTreatment, Is.EqualTo("IGNORE NULLS"));
    }

    [Test]
    public void Parse_InSubquery_AndInList()
    {
        Assert.That(Expression("a in (select b from t)"), Is.TypeOf<InSubqueryExpr>());
        var list = (InListExpr)Expression("a not in (1, 2, 3)");
        Assert.That((list.Not, list.Items.Length), Is.EqualTo((true, 3)));
    }

    [Test]
    public void Parse_ExistsAndNotExists()
    {
        Assert.That(((ExistsExpr)Expression("exists (select 1 from t)")).Not, Is.False);
        Assert.That(((ExistsExpr)Expression("not exists (select 1 from t)")).Not, Is.True);
    }

    [Test]
    public void Parse_ScalarSubquery_IsSubqueryExpr() =>
        Assert.That(Expression("(select max(x) from t) + 1"), Is.TypeOf<BinaryExpr>().With.Property("Left").TypeOf<SubqueryExpr>());

    [Test]
    public void Parse_ParenthesisedSubqueryInArithmetic_Backtracks()
    {
        var expr = (BinaryExpr)Expression("((select 1) + 2)");
        Assert.That(expr.Left, Is.TypeOf<SubqueryExpr>());
    }

    [TestCase("a between 1 and 10", false)]
    [TestCase("a not between 1 and 10", true)]
    public void Parse_Between_ReadsBounds(string expression, bool not)
    {
        var expr = (BetweenExpr)Expression(expression);
        Assert.That(expr.Not, Is.EqualTo(not));
        Assert.That(((Literal)expr.High).Text, Is.EqualTo("10"));
    }

    [TestCase("a is null", "IS NULL")]
    [TestCase("a is not null", "IS NOT NULL")]
    [TestCase("a is not true", "IS NOT TRUE")]
    public void Parse_IsPredicates_AreUnary(string expression, string op) =>
        Assert.That(((UnaryExpr)Expression(expression)).Operator, Is.EqualTo(op));

    [Test]
    public void Parse_IsDistinctFrom_IsBinary() =>
        Assert.That(((BinaryExpr)Expression("a is not distinct from b")).Operator, Is.EqualTo("IS NOT DISTINCT FROM"));

    [TestCase("a like 'x%'", "LIKE", null)]
    [TestCase("a not ilike 'x%'", "NOT ILIKE", null)]
    [TestCase("a like any ('x%', 'y%')", "LIKE", "ANY")]
    [TestCase("a similar to 'x'", "SIMILAR TO", null)]
    [TestCase("a rlike 'x'", "RLIKE", null)]
    public void Parse_PatternOperators_AreBinary(string expression, string op, string? quantifier)
    {
        var expr = (BinaryExpr)Expression(expression);
        Assert.That((expr.Operator, expr.Quantifier), Is.EqualTo((op, quantifier)));
    }

    [Test]
    public void Parse_QuantifiedComparison_KeepsSubquery()
    {
        var expr = (BinaryExpr)Expression("a = any (select b from t)");
        Assert.That((expr.Quantifier, expr.Right is SubqueryExpr), Is.EqualTo(("ANY", true)));
    }

    [Test]
    public void Parse_Lambdas_InCallArguments()
    {
        var call = (FunctionCall)Expression("aggregate(xs, 0, (acc, x) -> acc + x)", DialectFacts.Databricks);
        var lambda = (LambdaExpr)call.Arguments[2];
        Assert.That(lambda.Parameters.Select(p => p.Text), Is.EqualTo(new[] { "acc", "x" }));
        var single = (LambdaExpr)((FunctionCall)Expression("transform(xs, x -> x + 1)", DialectFacts.Databricks)).Arguments[1];
        Assert.That(single.Body, Is.TypeOf<BinaryExpr>());
    }

    [Test]
    public void Parse_NamedArguments_BothSyntaxes()
    {
        var arrow = (NamedArgument)((FunctionCall)Expression("fn(input => x)")).Arguments.Single();
        var colon = (NamedArgument)((FunctionCall)Expression("fn(a := 1)", DialectFacts.Postgres)).Arguments.Single();
        Assert.That((arrow.Name.Text, colon.Name.Text), Is.EqualTo(("input", "a")));
    }

    [Test]
    public void Parse_Subscripts_AndFieldAccess()
    {
        var subscript = (SubscriptExpr)Expression("a[0]", DialectFacts.DuckDb);
        Assert.That(subscript.Base, Is.TypeOf<ColumnRef>());
        var field = (FieldAccessExpr)Expression("(a).b", DialectFacts.Postgres);
        Assert.That(field.Field.Text, Is.EqualTo("b"));
        var afterCall = (FieldAccessExpr)Expression("get_struct(x).y", DialectFacts.BigQuery);
        Assert.That(afterCall.Base, Is.TypeOf<FunctionCall>());
    }

    [Test]
    public void Parse_PositionalColumn_WhereDialectAllows()
    {
        Assert.That(((PositionalColumn)Expression("$2")).Position, Is.EqualTo(2));
        Assert.That(Expression("$2", DialectFacts.Postgres), Is.TypeOf<Parameter>());
    }

    [Test]
    public void Parse_ArrayAndStructConstructors()
    {
        Assert.That(((ArrayExpr)Expression("array[1, 2, 3]", DialectFacts.Postgres)).Items, Has.Length.EqualTo(3));
        Assert.That(((ArrayExpr)Expression("[1, 2]", DialectFacts.DuckDb)).Items, Has.Length.EqualTo(2));
        var structCall = (FunctionCall)Expression("struct(a as x, b)", DialectFacts.BigQuery);
        Assert.That(((NamedArgument)structCall.Arguments[0]).Name.Text, Is.EqualTo("x"));
        var literal = (FunctionCall)Expression("{'k': 1, 'v': a}", DialectFacts.DuckDb);
        Assert.That(literal.Arguments, Has.Length.EqualTo(2));
        Assert.That(((ArrayExpr)Expression("array(select x from t)", DialectFacts.BigQuery)).Items.Single(), Is.TypeOf<SubqueryExpr>());
    }

    [Test]
    public void Parse_TypedLiteral_KeepsWholeText() =>
        Assert.That(((Literal)Expression("timestamp '2024-01-01 00:00:00'")).Text, Is.EqualTo("timestamp '2024-01-01 00:00:00'"));

    [Test]
    public void Parse_AnyTypeNameBeforeAString_IsATypedLiteralInTrino()
    {
        var literal = (Literal)((BinaryExpr)Expression("amount = uint256 '0'", DialectFacts.Trino)).Right;

        Assert.That((literal.Kind, literal.Text), Is.EqualTo((LiteralKind.Typed, "uint256 '0'")));
    }

    [Test]
    public void Parse_EmptyHexLiteral_IsOneNumber() =>
        Assert.That(((Literal)((FunctionCall)Expression("coalesce(x, 0x)", DialectFacts.Trino)).Arguments[1]).Text, Is.EqualTo("0x"));

    [TestCase("json_query(data, 'lax $.items' OMIT QUOTES)", 2)]
    [TestCase("json_query(data FORMAT JSON, 'lax $.a' WITH CONDITIONAL ARRAY WRAPPER NULL ON EMPTY ERROR ON ERROR)", 2)]
    [TestCase("json_value(data, 'strict $.a' RETURNING varchar(10) DEFAULT fallback ON EMPTY NULL ON ERROR)", 3)]
    [TestCase("json_exists(data, 'lax $.a ? (@ > $x)' PASSING amount AS x FALSE ON ERROR)", 3)]
    public void Parse_SqlJsonFunctionClauses_KeepTheValuesTheyRead(string call, int arguments)
    {
        var result = Parse("select " + call + " as j from t", DialectFacts.Trino);
        var function = (FunctionCall)((ExprSelectItem)((SelectQuery)((QueryStatement)result.Statements[0]).Query).Items[0]).Expr;

        Assert.That((Problems(result).Count(), function.Arguments.Length), Is.EqualTo((0, arguments)));
    }

    [Test]
    public void Parse_IntervalAndExtract()
    {
        var interval = (IntervalExpr)Expression("interval '1' day", DialectFacts.BigQuery);
        Assert.That(interval.Unit, Is.EqualTo("DAY"));
        Assert.That(((IntervalExpr)Expression("interval '1 day'", DialectFacts.Postgres)).Unit, Is.Null);
        var extract = (ExtractExpr)Expression("extract(year from created_at)");
        Assert.That(extract.Field, Is.EqualTo("YEAR"));
    }

    [Test]
    public void Parse_IntervalOfAnArithmeticExpressionBeforeItsUnit_TakesTheWholeExpression()
    {
        var interval = (IntervalExpr)((FunctionCall)Expression("datetime_add(d, interval row_number() over (order by n) - 1 day)", DialectFacts.BigQuery)).Arguments[1];

        Assert.That(interval.Unit, Is.EqualTo("DAY"));
        Assert.That(interval.Value, Is.TypeOf<BinaryExpr>());
        var postgres = (BinaryExpr)Expression("interval '1 day' - y", DialectFacts.Postgres);
        Assert.That(postgres.Left, Is.TypeOf<IntervalExpr>());
    }

    [Test]
    public void Parse_SpecialArgumentForms_KeepArguments()
    {
        Assert.That(((FunctionCall)Expression("substring(x from 2 for 3)", DialectFacts.Postgres)).Arguments, Has.Length.EqualTo(3));
        Assert.That(((FunctionCall)Expression("position('a' in b)", DialectFacts.Postgres)).Arguments, Has.Length.EqualTo(2));
        Assert.That(((FunctionCall)Expression("trim(both ' ' from x)", DialectFacts.Postgres)).Arguments, Has.Length.EqualTo(2));
    }

    [Test]
    public void Parse_NiladicKeywordFunction_IsCall() =>
        Assert.That(((FunctionCall)Expression("current_date")).Arguments, Is.Empty);

    [Test]
    public void Parse_Literals_HaveKinds()
    {
        var select = Select("select 'a''b', 1.5e3, true, null");
        var kinds = select.Items.Cast<ExprSelectItem>().Select(i => ((Literal)i.Expr).Kind);
        Assert.That(kinds, Is.EqualTo(new[] { LiteralKind.String, LiteralKind.Number, LiteralKind.Boolean, LiteralKind.Null }));
        Assert.That(((Literal)((ExprSelectItem)select.Items[0]).Expr).Text, Is.EqualTo("a'b"));
    }

    [Test]
    public void Parse_TemplateInExpression_IsParameter() =>
        Assert.That(((Parameter)Expression("{{ var('x') }}")).Text, Is.EqualTo("{{ var('x') }}"));

    [Test]
    public void Parse_QualifiedStarInCall_IsStarExpr() =>
        Assert.That(((StarExpr)((FunctionCall)Expression("count(t.*)", DialectFacts.Postgres)).Arguments.Single()).Qualifier!.ToString(), Is.EqualTo("t"));

    [Test]
    public void Parse_PositionalColumnWithPath_IsJsonPathOnPositional()
    {
        var path = (JsonPathExpr)((CastExpr)Expression("$1:a.b::string")).Operand;
        Assert.That(path.Base, Is.TypeOf<PositionalColumn>());
        Assert.That(path.Segments, Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Parse_TypedStructConstructor_IsStructCall() =>
        Assert.That(((FunctionCall)Expression("struct<a int64, b string>(1, 'x')", DialectFacts.BigQuery)).Arguments, Has.Length.EqualTo(2));

    [Test]
    public void Parse_KeywordsAsColumnNames_AreColumns()
    {
        var select = Select("select date, type, value, name, t.order from t");
        Assert.That(select.Items.Cast<ExprSelectItem>().Select(i => i.Expr), Has.All.TypeOf<ColumnRef>());
    }
}
