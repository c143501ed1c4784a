using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax.Ast;
using static ImpactBot.Sql.Tests.Syntax.SqlParserTestHelpers;

namespace ImpactBot.Sql.Tests.Syntax;

public sealed class ParserRecoveryTests
{
    private static SelectQuery Partial(string sql, DialectFacts? dialect = null) => Select(sql, dialect, allowDiagnostics: true);

    [Test]
    public void Parse_UnknownConstructInSelectItem_KeepsItemsAndClauses()
    {
        const string sql = "select\n  id,\n  amount,\n  some_vendor_fn(amount) within magic (order by id) as weird,\n  status\nfrom orders\nwhere amount > 0";
        var result = Parse(sql);
        var select = (SelectQuery)((QueryStatement)result.Statements.Single()).Query;
        Assert.That(select.Items, Has.Length.EqualTo(4));
        var weird = (ExprSelectItem)select.Items[2];
        var opaque = (OpaqueExpr)weird.Expr;
        Assert.That(weird.Alias!.Text, Is.EqualTo("weird"));
        Assert.That(opaque.References.Select(r => r.ToString()), Is.EqualTo(new[] { "amount", "id" }));
        Assert.That(((ExprSelectItem)select.Items[3]).Expr, Is.TypeOf<ColumnRef>());
        Assert.That(select.From.Single(), Is.TypeOf<TableRef>());
        Assert.That(select.Where, Is.TypeOf<BinaryExpr>());
        var diagnostic = result.Diagnostics.Single();
        Assert.That(diagnostic.ToString(), Is.EqualTo("4:26: unparsed-span: expected ',' or FROM after a select item, found 'within'"));
        Assert.That(opaque.Diagnostic, Is.EqualTo(diagnostic));
    }

    [Test]
    public void Parse_GarbageInMiddleOfSelectList_OnlyThatItemIsOpaque()
    {
        var select = Partial("select a, ) ( ] b c d, e from t");
        Assert.That(select.Items, Has.Length.GreaterThanOrEqualTo(1));
        Assert.That(((ExprSelectItem)select.Items[0]).Expr, Is.TypeOf<ColumnRef>());
    }

    [Test]
    public void Parse_BadTokensInItem_SkipsToNextComma()
    {
        var result = Parse("select a, b c d e, f from t");
        var select = (SelectQuery)((QueryStatement)result.Statements.Single()).Query;
        Assert.That(select.Items, Has.Length.EqualTo(3));
        Assert.That(((OpaqueExpr)((ExprSelectItem)select.Items[1]).Expr).References.Select(r => r.ToString()), Is.EqualTo(new[] { "b", "c", "d", "e" }));
        Assert.That(result.Diagnostics.Single().ToString(), Does.StartWith("1:15: unparsed-span:"));
    }

    [Test]
    public void Parse_UnknownClause_IsSkippedAndLaterClausesSurvive()
    {
        var result = Parse("select a from t x\nfrobnicate by prior a = b\nwhere a > 1");
        var select = (SelectQuery)((QueryStatement)result.Statements.Single()).Query;
        Assert.That(select.Where, Is.TypeOf<BinaryExpr>());
        Assert.That(result.Diagnostics.Single().ToString(), Does.StartWith("2:1: unparsed-span: unknown clause"));
    }

    [Test]
    public void Parse_GarbageInWhere_MakesClauseOpaqueButKeepsReferences()
    {
        var select = Partial("select a from t where a > 1 frobnicate b order by a");
        var where = (OpaqueExpr)select.Where!;
        Assert.That(where.References.Select(r => r.ToString()), Is.EqualTo(new[] { "a", "frobnicate", "b" }));
        Assert.That(select.OrderBy, Has.Length.EqualTo(1));
    }

    [Test]
    public void Parse_BadFunctionArgument_KeepsOtherArguments()
    {
        var call = (FunctionCall)((ExprSelectItem)Partial("select fn(a, b c d, e) from t").Items.Single()).Expr;
        Assert.That(call.Arguments, Has.Length.EqualTo(3));
        Assert.That(call.Arguments[1], Is.TypeOf<OpaqueExpr>());
        Assert.That(call.Arguments[2], Is.TypeOf<ColumnRef>());
    }

    [Test]
    public void Parse_MissingExpression_GivesOpaquePlaceholder()
    {
        var result = Parse("select a + from t");
        var select = (SelectQuery)((QueryStatement)result.Statements.Single()).Query;
        Assert.That(select.From, Has.Length.EqualTo(1));
        Assert.That(result.Diagnostics.Single().ToString(), Does.StartWith("1:12: unparsed-span: expected an expression, found 'from'"));
    }

    [Test]
    public void Parse_UnterminatedString_StillReturnsTree()
    {
        var result = Parse("select a, 'oops from t");
        Assert.That(result.Statements.Single(), Is.TypeOf<QueryStatement>());
        Assert.That(result.Diagnostics.First().ToString(), Is.EqualTo("1:11: unterminated-string: string literal is never closed"));
    }

    [Test]
    public void Parse_UnclosedParenthesis_ReportsAndKeepsStatement()
    {
        var result = Parse("select count(a from t");
        Assert.That(result.Statements, Has.Length.EqualTo(1));
        Assert.That(result.Diagnostics, Is.Not.Empty);
    }

    [Test]
    public void Parse_DeepNesting_ReportsInsteadOfOverflowing()
    {
        var sql = "select " + new string('(', 5000) + "1" + new string(')', 5000) + " as x, b from t";
        var result = Parse(sql);
        var select = (SelectQuery)((QueryStatement)result.Statements.Single()).Query;
        Assert.That(select.Items, Has.Length.EqualTo(2));
        Assert.That(select.From, Has.Length.EqualTo(1));
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("too-deep"));
    }

    [Test]
    public void Parse_DeeplyNestedSubqueries_ReportsInsteadOfOverflowing()
    {
        var sql = "select * from " + string.Concat(Enumerable.Repeat("(select * from ", 3000)) + "t" + new string(')', 3000);
        Assert.That(Parse(sql).Diagnostics.Select(d => d.Code), Does.Contain("too-deep"));
    }

    [Test]
    public void Parse_VeryLongOperatorChain_IsCut()
    {
        var sql = "select " + string.Join(" + ", Enumerable.Repeat("a", 5000)) + " as total from t";
        var result = Parse(sql);
        var item = (ExprSelectItem)((SelectQuery)((QueryStatement)result.Statements.Single()).Query).Items.Single();
        Assert.That(item.Alias!.Text, Is.EqualTo("total"));
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("too-deep"));
    }

    [Test]
    public void Parse_RandomInput_NeverThrows()
    {
        var random = new Random(1234);
        const string alphabet = "selct fromwhe()[]{}'\"`$:;,.*+-/<>=!|#@?%^&~ \n\t0123456789abcxyz\\";
        for (var i = 0; i < 300; i++)
        {
            var chars = new char[random.Next(1, 200)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = random.Next(10) == 0 ? (char)random.Next(0, 0xD7FF) : alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            foreach (var dialect in DialectFacts.All)
            {
                Assert.DoesNotThrow(() => Parse(text, dialect), text);
            }
        }
    }

    [Test]
    public void Parse_TruncatedQueries_NeverThrow()
    {
        const string sql = """
            with a as (select x::int as y, f.value:k::string from t, lateral flatten(input => t.v) f
              pivot (sum(y) for k in ('a', 'b')) p where y in (select 1) qualify row_number() over (partition by y order by x) = 1)
            select * exclude (y) from a left join b using (y) union all by name select * from c order by 1 limit 5
            """;
        for (var i = 0; i <= sql.Length; i++)
        {
            var prefix = sql[..i];
            foreach (var dialect in DialectFacts.All)
            {
                Assert.DoesNotThrow(() => Parse(prefix, dialect), prefix);
            }
        }
    }

    [Test]
    public void Parse_MissingSemicolonBetweenStatements_SplitsThem()
    {
        var result = Parse("select 1\nselect 2");
        Assert.That(result.Statements, Has.Length.EqualTo(2));
        Assert.That(result.Diagnostics.Single().ToString(), Is.EqualTo("2:1: unexpected-token: expected ';' before 'select'"));
    }

    [Test]
    public void Parse_GarbageCharacters_BecomeDiagnosticsNotExceptions()
    {
        var result = Parse("select a § b from t");
        Assert.That(result.Statements, Has.Length.EqualTo(1));
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("invalid-character"));
    }

    [TestCase("values preceding ( order")]
    [TestCase("select fn(order) from t")]
    [TestCase("merge into t using s on a = b when matched then frob ] x")]
    public void Parse_KeywordWhereArgumentExpected_Terminates(string sql)
    {
        var result = Parse(sql);
        Assert.That(result.Diagnostics.Where(d => d.Severity != Text.DiagnosticSeverity.Info), Is.Not.Empty);
    }

    [TestCase("select f(x order b)")]
    [TestCase("select f(x order) from t")]
    [TestCase("select f(x, y order b c) from t")]
    [TestCase("select f(x ignore b) , g(y respect) from t")]
    public void Parse_OrderWithoutByInArguments_TerminatesInEveryDialect(string sql)
    {
        foreach (var dialect in DialectFacts.All)
        {
            var result = Parse(sql, dialect);
            Assert.That(result.Statements, Has.Length.EqualTo(1), dialect.Name);
            Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("unparsed-span"), dialect.Name);
        }
    }

    [Test]
    public void Parse_StarAsOperand_IsUnparsedSpanKeepingLeftOperand()
    {
        var result = Parse("select id, amount + * garbage, status from orders");
        var select = (SelectQuery)((QueryStatement)result.Statements.Single()).Query;
        Assert.That(select.Items, Has.Length.EqualTo(3));
        var item = (ExprSelectItem)select.Items[1];
        var sum = (BinaryExpr)item.Expr;
        Assert.That(item.Alias, Is.Null);
        Assert.That(((ColumnRef)sum.Left).Last.Text, Is.EqualTo("amount"));
        Assert.That(sum.Right, Is.TypeOf<OpaqueExpr>());
        Assert.That(((ExprSelectItem)select.Items[2]).Expr, Is.TypeOf<ColumnRef>());
        Assert.That(result.Diagnostics.Single().ToString(), Is.EqualTo("1:21: unparsed-span: expected an expression, found '*'"));
    }

    [Test]
    public void Parse_CountStar_StaysStarArgument() =>
        Assert.That(((FunctionCall)Expression("count(*)")).Arguments.Single(), Is.TypeOf<StarExpr>());

    [Test]
    public void Parse_StrayCloserInSelectList_SkipsToNextCommaAndKeepsRest()
    {
        var result = Parse("select id,\n  ) ( garbage,\n  status\nfrom orders");
        var select = (SelectQuery)((QueryStatement)result.Statements.Single()).Query;
        Assert.That(select.Items, Has.Length.EqualTo(3));
        Assert.That(((OpaqueExpr)((ExprSelectItem)select.Items[1]).Expr).References.Select(r => r.ToString()), Is.EqualTo(new[] { "garbage" }));
        Assert.That(((ColumnRef)((ExprSelectItem)select.Items[2]).Expr).Last.Text, Is.EqualTo("status"));
        Assert.That(select.From.Single(), Is.TypeOf<TableRef>());
        Assert.That(result.Diagnostics.Single().ToString(), Does.StartWith("2:3: unparsed-span: expected an expression, found ')'"));
    }

    [Test]
    public void Parse_MatchedCloserAfterTrailingComma_StillClosesSubquery()
    {
        var select = Partial("select x from (select a, ) s where x > 1");
        Assert.That(select.From.Single(), Is.TypeOf<DerivedTable>());
        Assert.That(select.Where, Is.TypeOf<BinaryExpr>());
    }
}
