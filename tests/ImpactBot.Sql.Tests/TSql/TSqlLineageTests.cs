using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Sql.Tests.TSql;

/// <summary>T-SQL through ScriptDom, the shared AST and the binder: each test names the SQL and the exact edges.</summary>
public sealed class TSqlLineageTests
{
    [Test]
    public void Analyze_InsertColumnListWithTopOrderBy_L40()
    {
        var lineage = Analyze("""
            INSERT INTO dbo.TopCustomers (CustomerName, LifetimeTotal)
            SELECT TOP 10 c.Name, SUM(o.Total)
            FROM dbo.Customers AS c
            JOIN dbo.Orders AS o ON o.CustomerId = c.Id
            WHERE o.Status = N'Closed'
            GROUP BY c.Name
            ORDER BY SUM(o.Total) DESC;
            """);

        Assert.Multiple(() =>
        {
            Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete));
            Assert.That(lineage.Target, Is.EqualTo("dbo.TopCustomers"));
            Assert.That(Columns(lineage), Is.EqualTo(new[]
            {
                "CustomerName <- dbo.Customers.Name copy",
                "LifetimeTotal <- dbo.Orders.Total aggregate",
            }));
            Assert.That(Row(lineage), Is.EqualTo(new[]
            {
                "dbo.Orders.CustomerId join", "dbo.Customers.Id join", "dbo.Orders.Status filter", "dbo.Customers.Name group", "dbo.Orders.Total sort",
            }));
        });
    }

    [Test]
    public void Analyze_IsNull_Transform()
    {
        var lineage = Analyze("SELECT ISNULL(o.discount, 0) AS discount FROM dbo.orders o");

        Assert.That(Columns(lineage), Is.EqualTo(new[] { "discount <- dbo.orders.discount transform" }));
    }

    [Test]
    public void Analyze_Iif_ConditionIsConditionalBranchesTransform()
    {
        var lineage = Analyze("SELECT IIF(o.status = 'x', o.amount * 2, o.fee) AS net FROM dbo.orders o");

        Assert.That(Columns(lineage), Is.EqualTo(new[]
        {
            "net <- dbo.orders.status conditional", "net <- dbo.orders.amount transform", "net <- dbo.orders.fee transform",
        }));
    }

    [Test]
    public void Analyze_CrossApplyTopOne_LateralColumnsAndRowEdges()
    {
        var lineage = Analyze(
            "SELECT o.id, l.amount FROM dbo.orders o CROSS APPLY (SELECT TOP 1 li.amount FROM dbo.lines li WHERE li.order_id = o.id ORDER BY li.amount DESC) AS l");

        Assert.Multiple(() =>
        {
            Assert.That(Columns(lineage), Is.EqualTo(new[] { "id <- dbo.orders.id copy", "amount <- dbo.lines.amount copy" }));
            Assert.That(Row(lineage), Is.EqualTo(new[] { "dbo.lines.order_id filter", "dbo.orders.id filter", "dbo.lines.amount sort" }));
        });
    }

    [Test]
    public void Analyze_OuterApply_InnerFilterIsConditionalOfItsColumns()
    {
        var lineage = Analyze("SELECT o.id, l.amount FROM dbo.orders o OUTER APPLY (SELECT TOP 1 li.amount FROM dbo.lines li WHERE li.order_id = o.id) l");

        Assert.Multiple(() =>
        {
            Assert.That(Columns(lineage), Is.EqualTo(new[]
            {
                "id <- dbo.orders.id copy", "amount <- dbo.lines.amount copy", "amount <- dbo.lines.order_id conditional", "amount <- dbo.orders.id conditional",
            }));
            Assert.That(Row(lineage), Is.Empty);
        });
    }

    [Test]
    public void Analyze_ViewOverChainedCtes_ResolvesThroughCtes()
    {
        var lineage = Analyze("""
            CREATE VIEW rpt.v_customer_value AS
            WITH o AS (SELECT customer_id, amount * 1.2 AS gross FROM dbo.orders),
                 agg AS (SELECT customer_id, SUM(gross) AS total FROM o GROUP BY customer_id)
            SELECT customer_id, total FROM agg
            """);

        Assert.Multiple(() =>
        {
            Assert.That(lineage.Target, Is.EqualTo("rpt.v_customer_value"));
            Assert.That(Columns(lineage), Is.EqualTo(new[] { "customer_id <- dbo.orders.customer_id copy", "total <- dbo.orders.amount aggregate" }));
            Assert.That(Row(lineage), Is.EqualTo(new[] { "dbo.orders.customer_id group" }));
            Assert.That(lineage.Tables, Is.EqualTo(new[] { "dbo.orders" }));
        });
    }

    [Test]
    public void Analyze_SelectIntoTempTable_TargetIsTempTable()
    {
        var lineage = Analyze("SELECT id, amount INTO #t FROM dbo.orders WHERE amount > 0");

        Assert.Multiple(() =>
        {
            Assert.That(lineage.Target, Is.EqualTo("#t"));
            Assert.That(Columns(lineage), Is.EqualTo(new[] { "id <- dbo.orders.id copy", "amount <- dbo.orders.amount copy" }));
            Assert.That(Row(lineage), Is.EqualTo(new[] { "dbo.orders.amount filter" }));
        });
    }

    [Test]
    public void Analyze_SynapseCtas_AggregateAndGroup()
    {
        var lineage = Analyze("CREATE TABLE dbo.fact WITH (DISTRIBUTION = HASH(id)) AS SELECT id, SUM(amount) AS total FROM stg.sales GROUP BY id");

        Assert.Multiple(() =>
        {
            Assert.That(lineage.Target, Is.EqualTo("dbo.fact"));
            Assert.That(Columns(lineage), Is.EqualTo(new[] { "id <- stg.sales.id copy", "total <- stg.sales.amount aggregate" }));
            Assert.That(Row(lineage), Is.EqualTo(new[] { "stg.sales.id group" }));
        });
    }

    [Test]
    public void Analyze_Merge_AssignmentsAndJoinCondition()
    {
        var lineage = Analyze("""
            MERGE INTO dbo.dim AS t USING stg.c AS s ON t.id = s.id
            WHEN MATCHED THEN UPDATE SET t.name = s.name
            WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, UPPER(s.name));
            """);

        Assert.Multiple(() =>
        {
            Assert.That(lineage.Target, Is.EqualTo("dbo.dim"));
            Assert.That(Columns(lineage), Is.EqualTo(new[] { "name <- stg.c.name copy", "name <- stg.c.name transform", "id <- stg.c.id copy" }));
            Assert.That(Row(lineage), Is.EqualTo(new[] { "dbo.dim.id join", "stg.c.id join" }));
        });
    }

    [Test]
    public void Analyze_Pivot_GeneratedColumnsAggregateValueConditionalOnKey()
    {
        var lineage = Analyze("SELECT * FROM (SELECT yr, amount FROM dbo.sales) AS src PIVOT (SUM(amount) FOR yr IN ([2023], [2024])) AS p");

        Assert.That(Columns(lineage), Is.EqualTo(new[]
        {
            "2023 <- dbo.sales.amount aggregate", "2023 <- dbo.sales.yr conditional",
            "2024 <- dbo.sales.amount aggregate", "2024 <- dbo.sales.yr conditional",
        }));
    }

    [Test]
    public void Analyze_Unpivot_ValueAndNameColumns()
    {
        var lineage = Analyze("SELECT id, quarter, amount FROM dbo.q UNPIVOT (amount FOR quarter IN (q1, q2)) AS u");

        Assert.That(Columns(lineage), Is.EqualTo(new[]
        {
            "id <- dbo.q.id copy",
            "quarter <- dbo.q.q1 conditional", "quarter <- dbo.q.q2 conditional",
            "amount <- dbo.q.q1 copy", "amount <- dbo.q.q2 copy",
        }));
    }

    [Test]
    public void Analyze_OpenJsonWithSchema_ColumnsFromJsonDocument()
    {
        var lineage = Analyze("SELECT j.id, j.name FROM dbo.docs d CROSS APPLY OPENJSON(d.body) WITH (id INT '$.id', name NVARCHAR(50)) AS j");

        Assert.Multiple(() =>
        {
            Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete));
            Assert.That(Columns(lineage), Is.EqualTo(new[] { "id <- dbo.docs.body transform", "name <- dbo.docs.body transform" }));
        });
    }

    [Test]
    public void Analyze_StringSplitApply_ValueFromSplitColumn()
    {
        var lineage = Analyze("SELECT s.value AS tag FROM dbo.t CROSS APPLY STRING_SPLIT(t.tags, ',') s");

        Assert.That(Columns(lineage), Is.EqualTo(new[] { "tag <- dbo.t.tags transform" }));
    }

    [Test]
    public void Analyze_BracketedNamesAndEqualsAliases_NamesWithoutBrackets()
    {
        var lineage = Analyze("SELECT [Order Id] = o.[Order Id], 'Label' = o.name FROM [dbo].[Orders] AS o");

        Assert.That(Columns(lineage), Is.EqualTo(new[] { "Order Id <- dbo.Orders.Order Id copy", "Label <- dbo.Orders.name copy" }));
    }

    [Test]
    public void Analyze_StarWithSchema_ExpandsColumns()
    {
        var schema = new DictionarySchemaProvider(DialectFacts.TSql, new Dictionary<string, IReadOnlyList<string>>
        {
            ["dbo.orders"] = ["id", "amount"],
        });

        var lineage = SqlLineage.Analyze("SELECT * FROM dbo.orders", DialectFacts.TSql, schema);

        Assert.That(Columns(lineage), Is.EqualTo(new[] { "id <- dbo.orders.id copy", "amount <- dbo.orders.amount copy" }));
    }

    [Test]
    public void Analyze_ConvertAndDateAdd_CastAndTransform()
    {
        var lineage = Analyze("SELECT DATEADD(day, 1, o.created) AS d, CONVERT(varchar(8), o.created, 112) AS s FROM dbo.orders o");

        Assert.That(Columns(lineage), Is.EqualTo(new[] { "d <- dbo.orders.created transform", "s <- dbo.orders.created cast" }));
    }

    [Test]
    public void Analyze_RowNumberWindow_PartitionAndOrderKeysConditional()
    {
        var lineage = Analyze("SELECT ROW_NUMBER() OVER (PARTITION BY o.cid ORDER BY o.created) AS rn FROM dbo.o o");

        Assert.That(Columns(lineage), Is.EqualTo(new[] { "rn <- dbo.o.cid conditional", "rn <- dbo.o.created conditional" }));
    }

    [Test]
    public void Analyze_RecursiveCte_AnchorColumnsAndJoin()
    {
        var lineage = Analyze(
            "WITH tree AS (SELECT id, parent_id FROM dbo.nodes WHERE parent_id IS NULL UNION ALL SELECT n.id, n.parent_id FROM dbo.nodes n JOIN tree t ON n.parent_id = t.id) SELECT id FROM tree");

        Assert.Multiple(() =>
        {
            Assert.That(Columns(lineage), Is.EqualTo(new[] { "id <- dbo.nodes.id copy" }));
            Assert.That(Row(lineage), Is.EqualTo(new[] { "dbo.nodes.parent_id filter", "dbo.nodes.parent_id join", "dbo.nodes.id join" }));
        });
    }

    [Test]
    public void Analyze_ScriptWithBatches_LastRowProducingStatement()
    {
        var lineage = Analyze("""
            CREATE TABLE #t (id INT);
            GO
            INSERT INTO #t (id) SELECT o.id FROM dbo.orders o;
            SELECT t.id, c.name FROM #t t JOIN dbo.c c ON c.id = t.id;
            """);

        Assert.Multiple(() =>
        {
            Assert.That(Columns(lineage), Is.EqualTo(new[] { "id <- #t.id copy", "name <- dbo.c.name copy" }));
            Assert.That(Row(lineage), Is.EqualTo(new[] { "dbo.c.id join", "#t.id join" }));
        });
    }

    [Test]
    public void Analyze_SyntaxError_FailedWithParseDiagnostic()
    {
        var lineage = Analyze("SELECT a,\nFROM t");

        Assert.Multiple(() =>
        {
            Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Failed));
            Assert.That(lineage.Diagnostics.Single().ToString(), Is.EqualTo("2:1: tsql-parse-error: Incorrect syntax near 'FROM'."));
        });
    }

    private static QueryLineage Analyze(string sql) => SqlLineage.Analyze(sql, DialectFacts.TSql);

    private static string[] Columns(QueryLineage lineage) =>
        [.. lineage.Columns.SelectMany(c => c.Sources.Select(s => $"{c.Name} <- {s.Table}.{s.Column} {s.Kind.ToName()}"))];

    private static string[] Row(QueryLineage lineage) => [.. lineage.Row.Select(s => $"{s.Table}.{s.Column} {s.Kind.ToName()}")];
}
