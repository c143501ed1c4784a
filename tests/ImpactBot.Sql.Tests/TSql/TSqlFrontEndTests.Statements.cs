using ImpactBot.Sql.Syntax;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;
using ImpactBot.Sql.TSql;

namespace ImpactBot.Sql.Tests.TSql;

// Statements, batches and diagnostics.
public sealed partial class TSqlFrontEndTests
{
    [Test]
    public void Parse_CreateViewOverCte_CreateAsWithQueryAndCtes()
    {
        var statement = (CreateAsStatement)Clean(
            "CREATE VIEW [rpt].[v_orders] (id, total) AS WITH o AS (SELECT id, amount FROM dbo.orders) SELECT id, amount FROM o").Statements.Single();

        Assert.Multiple(() =>
        {
            Assert.That(statement.ObjectKind, Is.EqualTo("VIEW"));
            Assert.That(statement.Target.ToString(), Is.EqualTo("rpt.v_orders"));
            Assert.That(statement.Columns.Select(c => c.Text), Is.EqualTo(new[] { "id", "total" }));
            Assert.That(statement.Query.With!.Ctes.Single().Name.Text, Is.EqualTo("o"));
        });
    }

    [Test]
    public void Parse_CreateOrAlterView_CreateAs()
    {
        var statement = (CreateAsStatement)Clean("CREATE OR ALTER VIEW v AS SELECT 1 AS one").Statements.Single();

        Assert.That((statement.ObjectKind, statement.Target.ToString()), Is.EqualTo(("VIEW", "v")));
    }

    [Test]
    public void Parse_SynapseCtas_CreateAsTable()
    {
        var statement = (CreateAsStatement)Clean(
            "CREATE TABLE dbo.fact_sales WITH (DISTRIBUTION = HASH(id), CLUSTERED COLUMNSTORE INDEX) AS SELECT id, SUM(amount) AS amount FROM stg.sales GROUP BY id")
            .Statements.Single();

        Assert.Multiple(() =>
        {
            Assert.That(statement.ObjectKind, Is.EqualTo("TABLE"));
            Assert.That(statement.Target.ToString(), Is.EqualTo("dbo.fact_sales"));
            Assert.That(((SelectQuery)statement.Query).Items, Has.Length.EqualTo(2));
        });
    }

    [Test]
    public void Parse_SelectInto_CreateAsTable()
    {
        var statement = (CreateAsStatement)Clean("SELECT a, b INTO #tmp FROM dbo.t").Statements.Single();

        Assert.Multiple(() =>
        {
            Assert.That(statement.ObjectKind, Is.EqualTo("TABLE"));
            Assert.That(statement.Target.ToString(), Is.EqualTo("#tmp"));
            Assert.That(((SelectQuery)statement.Query).From.Single(), Is.TypeOf<TableRef>());
        });
    }

    [Test]
    public void Parse_InsertSelectWithColumnList_KeepsColumnsInOrder()
    {
        var statement = (InsertStatement)Clean(
            "INSERT INTO dbo.TopCustomers (CustomerName, [LifetimeTotal]) SELECT TOP 10 c.Name, SUM(o.Total) FROM dbo.Customers AS c JOIN dbo.Orders AS o ON o.CustomerId = c.Id GROUP BY c.Name ORDER BY SUM(o.Total) DESC")
            .Statements.Single();

        var select = (SelectQuery)statement.Query;
        Assert.Multiple(() =>
        {
            Assert.That(statement.Target.ToString(), Is.EqualTo("dbo.TopCustomers"));
            Assert.That(statement.Columns.Select(c => (c.Text, c.Quoted)), Is.EqualTo(new[] { ("CustomerName", false), ("LifetimeTotal", true) }));
            Assert.That(select.Top, Is.Not.Null);
            Assert.That(select.OrderBy.Single().Descending, Is.True);
        });
    }

    [Test]
    public void Parse_InsertWithCte_CteOnQuery()
    {
        var statement = (InsertStatement)Clean("WITH s AS (SELECT a FROM t) INSERT INTO u (a) SELECT a FROM s").Statements.Single();

        Assert.That(statement.Query.With!.Ctes.Single().Name.Text, Is.EqualTo("s"));
    }

    [Test]
    public void Parse_Merge_SourceConditionAndAssignments()
    {
        var statement = (MergeStatement)Clean("""
            MERGE INTO dbo.dim_customer AS tgt
            USING (SELECT id, name FROM stg.customer) AS src ON tgt.id = src.id
            WHEN MATCHED THEN UPDATE SET tgt.name = src.name
            WHEN NOT MATCHED THEN INSERT (id, name) VALUES (src.id, UPPER(src.name));
            """).Statements.Single();

        Assert.Multiple(() =>
        {
            Assert.That(statement.Target.ToString(), Is.EqualTo("dbo.dim_customer"));
            Assert.That(statement.TargetAlias?.Text, Is.EqualTo("tgt"));
            Assert.That(((DerivedTable)statement.Source).Alias!.Name.Text, Is.EqualTo("src"));
            Assert.That(statement.Assignments.Select(a => a.Column.Text), Is.EqualTo(new[] { "name", "id", "name" }));
            Assert.That(statement.Assignments[2].Value, Is.TypeOf<FunctionCall>());
        });
    }

    [Test]
    public void Parse_BatchesSeparatedByGo_AllStatementsInOrder()
    {
        var result = Clean("CREATE TABLE #t (id INT);\nGO\nINSERT INTO #t (id) SELECT id FROM dbo.src;\nSELECT id FROM #t;\nGO\nDROP TABLE #t;");

        Assert.That(
            result.Statements.Select(s => s switch { OpaqueStatement o => o.Keyword, _ => s.GetType().Name }),
            Is.EqualTo(new[] { "CREATE TABLE", "InsertStatement", "QueryStatement", "DROP TABLE" }));
    }

    [Test]
    public void Parse_ProcedureAndUpdate_OpaqueWithKeyword()
    {
        var result = Clean("CREATE OR ALTER PROCEDURE dbo.p AS SELECT 1;\nGO\nUPDATE t SET a = 1;");

        Assert.That(result.Statements.Cast<OpaqueStatement>().Select(s => s.Keyword), Is.EqualTo(new[] { "CREATE OR ALTER PROCEDURE", "UPDATE" }));
    }

    [Test]
    public void Parse_SyntaxError_DiagnosticWithExactLineAndColumn()
    {
        var result = TSqlFrontEnd.Parse("SELECT a,\n  FROM t");

        var diagnostic = result.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo("tsql-parse-error"));
            Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(diagnostic.Message, Is.EqualTo("Incorrect syntax near 'FROM'."));
            Assert.That(diagnostic.Span, Is.EqualTo(new SourceSpan(12, 4, 2, 3)));
        });
    }

    [Test]
    public void Parse_ErrorInOneBatch_OtherBatchesStillMapped()
    {
        var result = TSqlFrontEnd.Parse("SELECT 1 AS a\nGO\nSELECT FROM WHERE\nGO\nSELECT 2 AS b");

        Assert.Multiple(() =>
        {
            Assert.That(result.Statements, Has.Length.EqualTo(2));
            Assert.That(result.Diagnostics.Single().Span.Line, Is.EqualTo(3));
        });
    }

    [Test]
    public void Parse_UnterminatedString_DiagnosticNoThrow()
    {
        var result = TSqlFrontEnd.Parse("SELECT 'abc FROM t");

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics, Is.Not.Empty);
            Assert.That(result.Diagnostics.All(d => d.Code == "tsql-parse-error" && d.Span.Line == 1), Is.True);
        });
    }

    [Test]
    public void Parse_ThousandsOfNestedSubqueries_DiagnosticNotCrash()
    {
        var sql = string.Concat(Enumerable.Repeat("SELECT * FROM (", 5000)) + "SELECT 1 AS a" + string.Concat(Enumerable.Repeat(") AS t", 5000));

        var result = TSqlFrontEnd.Parse(sql);

        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("tsql-too-deep"));
    }

    [Test]
    public void Parse_HundredsOfNestedSubqueries_ParsedOnLargeStackAndCappedInAst()
    {
        var sql = string.Concat(Enumerable.Repeat("SELECT a FROM (", 400)) + "SELECT 1 AS a" + string.Concat(Enumerable.Repeat(") AS t", 400));

        var result = TSqlFrontEnd.Parse(sql);

        Assert.Multiple(() =>
        {
            Assert.That(result.Statements.Single(), Is.TypeOf<QueryStatement>());
            Assert.That(result.Diagnostics.Select(d => d.Code).Distinct(), Is.EqualTo(new[] { "tsql-too-deep" }));
        });
    }

    [Test]
    public void Parse_LongConcatenationChain_MappedLeftDeep()
    {
        var sql = "SELECT " + string.Join(" + ", Enumerable.Range(0, 150).Select(i => $"c{i}")) + " AS s FROM t";

        var item = (ExprSelectItem)((SelectQuery)((QueryStatement)Clean(sql).Statements.Single()).Query).Items.Single();

        Assert.That(((BinaryExpr)item.Expr).Right.ToString(), Is.EqualTo("c149"));
    }

    [Test]
    public void Parse_ChainBeyondDepthLimit_OpaqueKeepingEveryReference()
    {
        var sql = "SELECT " + string.Join(" + ", Enumerable.Range(0, 1000).Select(i => $"t.c{i}")) + " AS s FROM t";

        var result = TSqlFrontEnd.Parse(sql);

        var opaque = (OpaqueExpr)((ExprSelectItem)((SelectQuery)((QueryStatement)result.Statements.Single()).Query).Items.Single()).Expr;
        Assert.Multiple(() =>
        {
            Assert.That(opaque.References, Has.Length.EqualTo(1000));
            Assert.That(opaque.References[999].ToString(), Is.EqualTo("t.c999"));
            Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("tsql-too-deep"));
        });
    }

    private static ParseResult Clean(string sql)
    {
        var result = TSqlFrontEnd.Parse(sql);
        Assert.That(result.Diagnostics, Is.Empty);
        return result;
    }
}
