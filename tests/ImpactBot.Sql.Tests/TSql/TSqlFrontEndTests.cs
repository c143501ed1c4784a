using ImpactBot.Sql.Syntax;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;
using ImpactBot.Sql.TSql;

namespace ImpactBot.Sql.Tests.TSql;

public sealed partial class TSqlFrontEndTests
{
    [Test]
    public void Parse_SimpleSelect_MapsItemsAliasesAndSpans()
    {
        const string sql = "SELECT a, b AS bee, cee = c, 'dee' = d\nFROM dbo.t";

        var select = SingleSelect(sql);

        var items = select.Items.Cast<ExprSelectItem>().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => i.Alias?.Text), Is.EqualTo(new[] { null, "bee", "cee", "dee" }));
            Assert.That(items.Select(i => ((ColumnRef)i.Expr).Last.Text), Is.EqualTo(new[] { "a", "b", "c", "d" }));
            Assert.That(items[3].Alias!.Quoted, Is.True);
            Assert.That(items[1].Span, Is.EqualTo(new SourceSpan(10, 8, 1, 11)));
            Assert.That(sql.Substring(items[1].Span.Start, items[1].Span.Length), Is.EqualTo("b AS bee"));
        });
    }

    [Test]
    public void Parse_BracketedAndDoubleQuotedNames_MarkedQuoted()
    {
        var select = SingleSelect("SELECT [Order Id], \"Amount\", plain FROM [Sales].[dbo].[Orders]");

        var names = select.Items.Cast<ExprSelectItem>().Select(i => ((ColumnRef)i.Expr).Last).ToArray();
        var table = (TableRef)select.From[0];
        Assert.Multiple(() =>
        {
            Assert.That(names.Select(n => (n.Text, n.Quoted)), Is.EqualTo(new[] { ("Order Id", true), ("Amount", true), ("plain", false) }));
            Assert.That(table.Name.Parts.Select(p => p.Text), Is.EqualTo(new[] { "Sales", "dbo", "Orders" }));
            Assert.That(table.Name.Parts.All(p => p.Quoted), Is.True);
        });
    }

    [Test]
    public void Parse_MultiPartColumnAndStars_KeepsAllParts()
    {
        var select = SingleSelect("SELECT db.s.t.col, t.*, * FROM db.s.t");

        Assert.Multiple(() =>
        {
            Assert.That(((ColumnRef)((ExprSelectItem)select.Items[0]).Expr).Parts.Select(p => p.Text), Is.EqualTo(new[] { "db", "s", "t", "col" }));
            Assert.That(((StarSelectItem)select.Items[1]).Qualifier?.ToString(), Is.EqualTo("t"));
            Assert.That(((StarSelectItem)select.Items[2]).Qualifier, Is.Null);
        });
    }

    [Test]
    public void Parse_TopNumber_SetsTop()
    {
        var select = SingleSelect("SELECT TOP 10 a FROM t ORDER BY a DESC");

        Assert.Multiple(() =>
        {
            Assert.That(((Literal)select.Top!).Text, Is.EqualTo("10"));
            Assert.That(select.TopPercent, Is.False);
            Assert.That(select.OrderBy.Single().Descending, Is.True);
        });
    }

    [Test]
    public void Parse_TopPercentWithTies_SetsFlags()
    {
        var select = SingleSelect("SELECT TOP (5) PERCENT WITH TIES a FROM t ORDER BY a");

        Assert.Multiple(() =>
        {
            Assert.That(((Literal)select.Top!).Text, Is.EqualTo("5"));
            Assert.That(select.TopPercent, Is.True);
            Assert.That(select.TopWithTies, Is.True);
        });
    }

    [Test]
    public void Parse_OffsetFetch_MapsLimit()
    {
        var query = SingleQuery("SELECT a FROM t ORDER BY a OFFSET 20 ROWS FETCH NEXT 10 ROWS ONLY");

        Assert.Multiple(() =>
        {
            Assert.That(((Literal)query.Limit!.Count!).Text, Is.EqualTo("10"));
            Assert.That(((Literal)query.Limit.Offset!).Text, Is.EqualTo("20"));
            Assert.That(query.OrderBy, Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void Parse_DistinctGroupByHaving_Mapped()
    {
        var select = SingleSelect("SELECT DISTINCT a, COUNT(*) AS n FROM t WHERE b > 1 GROUP BY a HAVING COUNT(*) > 2");

        var count = (FunctionCall)((ExprSelectItem)select.Items[1]).Expr;
        Assert.Multiple(() =>
        {
            Assert.That(select.Distinct, Is.True);
            Assert.That(count.Arguments.Single(), Is.TypeOf<StarExpr>());
            Assert.That(((BinaryExpr)select.Where!).Operator, Is.EqualTo(">"));
            Assert.That(select.GroupBy!.Items.Single(), Is.TypeOf<ColumnRef>());
            Assert.That(select.Having, Is.TypeOf<BinaryExpr>());
        });
    }

    [Test]
    public void Parse_Ctes_AttachedToQuery()
    {
        var query = SingleQuery("WITH a (x) AS (SELECT 1), b AS (SELECT x FROM a) SELECT x FROM b");

        Assert.Multiple(() =>
        {
            Assert.That(query.With!.Ctes.Select(c => c.Name.Text), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(query.With.Ctes[0].ColumnAliases.Single().Text, Is.EqualTo("x"));
            Assert.That(query.With.Recursive, Is.False);
        });
    }

    [Test]
    public void Parse_SelfReferencingCteWithUnion_MarkedRecursive()
    {
        var query = SingleQuery(
            "WITH tree AS (SELECT id, parent FROM nodes WHERE parent IS NULL UNION ALL SELECT n.id, n.parent FROM nodes n JOIN tree ON n.parent = tree.id) SELECT id FROM tree");

        Assert.That(query.With!.Recursive, Is.True);
    }

    [TestCase("JOIN", JoinKind.Inner)]
    [TestCase("INNER JOIN", JoinKind.Inner)]
    [TestCase("LEFT JOIN", JoinKind.Left)]
    [TestCase("RIGHT OUTER JOIN", JoinKind.Right)]
    [TestCase("FULL JOIN", JoinKind.Full)]
    public void Parse_QualifiedJoin_MapsKindAndCondition(string join, JoinKind expected)
    {
        var select = SingleSelect($"SELECT a.x FROM a {join} b ON a.id = b.id");

        var item = (JoinItem)select.From.Single();
        Assert.Multiple(() =>
        {
            Assert.That(item.Kind, Is.EqualTo(expected));
            Assert.That(((BinaryExpr)item.On!).Operator, Is.EqualTo("="));
            Assert.That(((TableRef)item.Left).Name.ToString(), Is.EqualTo("a"));
            Assert.That(((TableRef)item.Right).Name.ToString(), Is.EqualTo("b"));
        });
    }

    [Test]
    public void Parse_CrossJoinAndCommaJoin_Mapped()
    {
        var select = SingleSelect("SELECT 1 FROM a CROSS JOIN b, c");

        Assert.Multiple(() =>
        {
            Assert.That(select.From, Has.Length.EqualTo(2));
            Assert.That(((JoinItem)select.From[0]).Kind, Is.EqualTo(JoinKind.Cross));
            Assert.That(((JoinItem)select.From[0]).On, Is.Null);
        });
    }

    [Test]
    public void Parse_CrossApplyDerivedTable_CrossJoinWithLateralRight()
    {
        var select = SingleSelect("SELECT o.id, l.amount FROM orders o CROSS APPLY (SELECT TOP 1 amount FROM lines WHERE lines.order_id = o.id) AS l");

        var join = (JoinItem)select.From.Single();
        var right = (DerivedTable)join.Right;
        Assert.Multiple(() =>
        {
            Assert.That(join.Kind, Is.EqualTo(JoinKind.Cross));
            Assert.That(right.Lateral, Is.True);
            Assert.That(right.Alias!.Name.Text, Is.EqualTo("l"));
            Assert.That(((TableRef)join.Left).Alias!.Name.Text, Is.EqualTo("o"));
        });
    }

    [Test]
    public void Parse_OuterApplyFunction_LeftJoinWithLateralFunction()
    {
        var select = SingleSelect("SELECT s.value FROM t OUTER APPLY STRING_SPLIT(t.tags, ',') AS s");

        var join = (JoinItem)select.From.Single();
        var function = (TableFunction)join.Right;
        Assert.Multiple(() =>
        {
            Assert.That(join.Kind, Is.EqualTo(JoinKind.Left));
            Assert.That(function.Lateral, Is.True);
            Assert.That(function.Kind, Is.EqualTo(TableFunctionKind.Generic));
            Assert.That(function.Name.ToString(), Is.EqualTo("STRING_SPLIT"));
            Assert.That(((ColumnRef)function.Arguments[0]).ToString(), Is.EqualTo("t.tags"));
        });
    }

    [Test]
    public void Parse_OpenJsonWithSchema_ColumnsOnAlias()
    {
        var select = SingleSelect("SELECT j.id FROM docs d CROSS APPLY OPENJSON(d.body) WITH (id INT '$.id', name NVARCHAR(50)) AS j");

        var function = (TableFunction)((JoinItem)select.From.Single()).Right;
        Assert.Multiple(() =>
        {
            Assert.That(function.Name.ToString(), Is.EqualTo("OPENJSON"));
            Assert.That(function.Alias!.Name.Text, Is.EqualTo("j"));
            Assert.That(function.Alias.Columns.Select(c => c.Text), Is.EqualTo(new[] { "id", "name" }));
            Assert.That(((ColumnRef)function.Arguments[0]).ToString(), Is.EqualTo("d.body"));
        });
    }

    [Test]
    public void Parse_DerivedTableWithColumnAliases_Mapped()
    {
        var select = SingleSelect("SELECT x FROM (SELECT a FROM t) AS d (x)");

        var derived = (DerivedTable)select.From.Single();
        Assert.Multiple(() =>
        {
            Assert.That(derived.Lateral, Is.False);
            Assert.That(derived.Alias!.Name.Text, Is.EqualTo("d"));
            Assert.That(derived.Alias.Columns.Single().Text, Is.EqualTo("x"));
            Assert.That(derived.Query, Is.TypeOf<SelectQuery>());
        });
    }

    [TestCase("UNION ALL", SetOperator.Union, true)]
    [TestCase("UNION", SetOperator.Union, false)]
    [TestCase("INTERSECT", SetOperator.Intersect, false)]
    [TestCase("EXCEPT", SetOperator.Except, false)]
    public void Parse_SetOperation_Mapped(string op, SetOperator expected, bool all)
    {
        var query = (SetOperationQuery)SingleQuery($"SELECT a FROM t {op} SELECT b FROM u ORDER BY 1");

        Assert.Multiple(() =>
        {
            Assert.That(query.Operator, Is.EqualTo(expected));
            Assert.That(query.All, Is.EqualTo(all));
            Assert.That(query.OrderBy, Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void Parse_Subqueries_MappedToScalarInAndExists()
    {
        var select = SingleSelect(
            "SELECT (SELECT MAX(x) FROM u) AS m FROM t WHERE a IN (SELECT a FROM v) AND NOT EXISTS (SELECT 1 FROM w) AND b NOT IN (1, 2)");

        var where = (BinaryExpr)select.Where!;
        var left = (BinaryExpr)where.Left;
        Assert.Multiple(() =>
        {
            Assert.That(((ExprSelectItem)select.Items[0]).Expr, Is.TypeOf<SubqueryExpr>());
            Assert.That(left.Left, Is.TypeOf<InSubqueryExpr>());
            Assert.That(((ExistsExpr)left.Right).Not, Is.True);
            Assert.That(((InListExpr)where.Right).Not, Is.True);
            Assert.That(((InListExpr)where.Right).Items, Has.Length.EqualTo(2));
        });
    }

    [Test]
    public void Parse_CaseExpressions_SearchedAndSimple()
    {
        var select = SingleSelect("SELECT CASE WHEN a > 0 THEN 'p' ELSE 'n' END, CASE b WHEN 1 THEN 'one' END FROM t");

        var searched = (CaseExpr)((ExprSelectItem)select.Items[0]).Expr;
        var simple = (CaseExpr)((ExprSelectItem)select.Items[1]).Expr;
        Assert.Multiple(() =>
        {
            Assert.That(searched.Operand, Is.Null);
            Assert.That(searched.Else, Is.TypeOf<Literal>());
            Assert.That(((ColumnRef)simple.Operand!).ToString(), Is.EqualTo("b"));
            Assert.That(simple.Else, Is.Null);
        });
    }

    [TestCase("CAST(a AS DECIMAL(18, 2))", CastStyle.Cast, "DECIMAL(18, 2)")]
    [TestCase("TRY_CAST(a AS INT)", CastStyle.TryCast, "INT")]
    [TestCase("CONVERT(VARCHAR(10), a, 112)", CastStyle.Convert, "VARCHAR(10)")]
    [TestCase("TRY_CONVERT(DATE, a)", CastStyle.Convert, "DATE")]
    public void Parse_Conversions_MapToCastExpr(string expression, CastStyle style, string type)
    {
        var cast = (CastExpr)((ExprSelectItem)SingleSelect($"SELECT {expression} FROM t").Items[0]).Expr;

        Assert.Multiple(() =>
        {
            Assert.That(cast.Style, Is.EqualTo(style));
            Assert.That(cast.TypeName, Is.EqualTo(type));
            Assert.That(((ColumnRef)cast.Operand).ToString(), Is.EqualTo("a"));
        });
    }

    [TestCase("ISNULL(a, 0)", "ISNULL", 2)]
    [TestCase("IIF(a > 0, b, c)", "IIF", 3)]
    [TestCase("COALESCE(a, b, c)", "COALESCE", 3)]
    [TestCase("NULLIF(a, 0)", "NULLIF", 2)]
    [TestCase("LEFT(a, 3)", "LEFT", 2)]
    [TestCase("dbo.fn_clean(a)", "dbo.fn_clean", 1)]
    public void Parse_FunctionForms_MapToFunctionCall(string expression, string name, int arguments)
    {
        var call = (FunctionCall)((ExprSelectItem)SingleSelect($"SELECT {expression} FROM t").Items[0]).Expr;

        Assert.Multiple(() =>
        {
            Assert.That(call.Name.ToString(), Is.EqualTo(name));
            Assert.That(call.Arguments, Has.Length.EqualTo(arguments));
        });
    }

    [TestCase("DATEADD(day, 1, created_at)")]
    [TestCase("DATEDIFF(month, created_at, GETDATE())")]
    [TestCase("DATEPART(week, created_at)")]
    [TestCase("DATENAME(weekday, created_at)")]
    [TestCase("DATETRUNC(quarter, created_at)")]
    [TestCase("DATE_BUCKET(week, 1, created_at)")]
    public void Parse_DatePartFunctions_DatePartIsLiteralNotColumn(string expression)
    {
        var call = (FunctionCall)((ExprSelectItem)SingleSelect($"SELECT {expression} FROM t").Items[0]).Expr;

        Assert.Multiple(() =>
        {
            Assert.That(call.Arguments[0], Is.TypeOf<Literal>().With.Property(nameof(Literal.Kind)).EqualTo(LiteralKind.String));
            Assert.That(call.Arguments.OfType<ColumnRef>().Select(c => c.ToString()), Is.EqualTo(new[] { "created_at" }));
        });
    }

    [Test]
    public void Parse_WindowFunction_MapsOver()
    {
        var call = (FunctionCall)((ExprSelectItem)SingleSelect(
            "SELECT SUM(x) OVER (PARTITION BY a, b ORDER BY c DESC ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t").Items[0]).Expr;

        Assert.Multiple(() =>
        {
            Assert.That(call.Over!.PartitionBy.Select(p => p.ToString()), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(call.Over.OrderBy.Single().Descending, Is.True);
            Assert.That(call.Over.Frame, Is.EqualTo("ROWS BETWEEN 2 PRECEDING AND CURRENT ROW"));
            Assert.That(call.Over.FrameBounds, Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void Parse_VariablesAndTempTables_ParametersAndPlainNames()
    {
        var select = SingleSelect("SELECT a FROM #staging WHERE d >= @from_date");

        Assert.Multiple(() =>
        {
            Assert.That(((TableRef)select.From.Single()).Name.ToString(), Is.EqualTo("#staging"));
            Assert.That(((BinaryExpr)select.Where!).Right, Is.EqualTo(new Parameter("@from_date", ((BinaryExpr)select.Where!).Right.Span)));
        });
    }

    [Test]
    public void Parse_Pivot_ClauseOnSourceWithGeneratedColumns()
    {
        var select = SingleSelect(
            "SELECT * FROM (SELECT yr, amount FROM sales) AS src PIVOT (SUM(amount) FOR yr IN ([2023], [2024])) AS p");

        var source = (DerivedTable)select.From.Single();
        var pivot = source.Pivots.Single();
        Assert.Multiple(() =>
        {
            Assert.That(pivot.Unpivot, Is.False);
            Assert.That(source.Alias!.Name.Text, Is.EqualTo("src"));
            Assert.That(pivot.Alias!.Name.Text, Is.EqualTo("p"));
            Assert.That(((FunctionCall)pivot.Aggregates.Single().Aggregate).Name.ToString(), Is.EqualTo("SUM"));
            Assert.That(pivot.ForColumns.Single().Text, Is.EqualTo("yr"));
            Assert.That(pivot.In.Select(v => (v.Alias!.Text, v.Alias.Quoted)), Is.EqualTo(new[] { ("2023", true), ("2024", true) }));
        });
    }

    [Test]
    public void Parse_Unpivot_ValueAndNameColumns()
    {
        var select = SingleSelect("SELECT id, quarter, amount FROM q UNPIVOT (amount FOR quarter IN (q1, q2)) AS u");

        var pivot = ((TableRef)select.From.Single()).Pivots.Single();
        Assert.Multiple(() =>
        {
            Assert.That(pivot.Unpivot, Is.True);
            Assert.That(pivot.ValueColumns.Single().Text, Is.EqualTo("amount"));
            Assert.That(pivot.ForColumns.Single().Text, Is.EqualTo("quarter"));
            Assert.That(pivot.In.Select(v => v.Value.ToString()), Is.EqualTo(new[] { "q1", "q2" }));
        });
    }

    private static SelectQuery SingleSelect(string sql) => (SelectQuery)SingleQuery(sql);

    private static Query SingleQuery(string sql)
    {
        var result = TSqlFrontEnd.Parse(sql);
        Assert.That(result.Diagnostics, Is.Empty);
        return ((QueryStatement)result.Statements.Single()).Query;
    }
}
