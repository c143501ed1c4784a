using ImpactBot.Dbt;

namespace ImpactBot.Dbt.Tests;

public sealed class PlainSqlReaderTests
{
    private static DbtProject ReadSsdt() => DbtProjectReader.Read(FixtureFiles.Load("sql/ssdt"));

    [Test]
    public void Read_SsdtProject_AssetsNamedByCreatedObject()
    {
        var project = ReadSsdt();

        Assert.That(project.Kind, Is.EqualTo(DbtProjectKind.PlainSql));
        Assert.That(project.Models.Select(m => (m.Name, m.Materialization, m.Path)), Is.EqualTo(new[]
        {
            ("Sales.Customers", "table", "Sales/Tables/Customers.sql"),
            ("Sales.CustomersOverLimit", "function", "Sales/Functions/CustomersOverLimit.sql"),
            ("Sales.Orders", "table", "Sales/Tables/Orders.sql"),
            ("Sales.PurgeCustomers", "procedure", "Sales/StoredProcedures/PurgeCustomers.sql"),
            ("Sales.vCustomerContacts", "view", "Sales/Views/vCustomerContacts.sql"),
            ("Sales.vOrderTotals", "view", "Sales/Views/vOrderTotals.sql"),
            ("reporting.daily_totals", "insert", "Scripts/load_daily.sql"),
            ("reporting.snapshot", "table", "Scripts/load_daily.sql"),
        }));
    }

    [Test]
    public void Read_View_SqlStartsAtCreateAndDropsBatchSeparator()
    {
        var view = ReadSsdt().Models.Single(m => m.Name == "Sales.vOrderTotals");

        Assert.That(view.RenderedSql, Does.StartWith("CREATE OR ALTER VIEW [Sales].[vOrderTotals]"));
        Assert.That(view.RenderedSql, Does.EndWith("GROUP BY o.CustomerId;"));
        Assert.That(view.UniqueId, Is.EqualTo("sql.Sales.vOrderTotals"));
    }

    [Test]
    public void Read_InsertStatement_IsCutAtNextTarget()
    {
        var insert = ReadSsdt().Models.Single(m => m.Name == "reporting.daily_totals");

        Assert.That(insert.RenderedSql, Is.EqualTo("INSERT INTO reporting.daily_totals (customer_id, total)\nSELECT CustomerId, Total FROM Sales.vOrderTotals;"));
    }

    [Test]
    public void Read_TempTablesAndComments_AreNotAssets()
    {
        var names = ReadSsdt().Models.Select(m => m.Name);

        Assert.That(names, Has.None.StartsWith("#"));
        Assert.That(names, Has.None.EqualTo("nowhere"));
        Assert.That(names, Has.None.EqualTo("x"));
    }

    [Test]
    public void Read_RelationIndex_UsesCreatedNameCaseInsensitively()
    {
        Assert.That(ReadSsdt().RelationIndex["sales.orders"], Is.EqualTo("sql.Sales.Orders"));
    }

    [Test]
    public void Read_CreateAndInsertOfSameTable_AreOneAsset()
    {
        var files = FixtureFiles.Of(("a.sql", "create table t (id int);"), ("b.sql", "insert into T select 1;"));

        var model = DbtProjectReader.Read(files).Models.Single();

        Assert.That((model.Name, model.Materialization, model.RenderedSql), Is.EqualTo(("t", "table", "create table t (id int);\ninsert into T select 1;")));
    }

    [Test]
    public void Read_BinarySqlFile_IsSkippedWithDiagnostic()
    {
        var project = DbtProjectReader.Read(FixtureFiles.Of(("x.sql", "\0\0\0"), ("v.sql", "create view v as select 1 as a")));

        Assert.That(project.Models.Single().Name, Is.EqualTo("v"));
        Assert.That(project.Diagnostics.Single().Code, Is.EqualTo("unreadable-file"));
    }
    [TestCase("insert all")]
    [TestCase("insert overwrite first")]
    public void Read_MultiTableInsert_EveryIntoTableIsAnAssetOfTheWholeStatement(string head)
    {
        var sql = $"{head}\n  when a > 0 then into s.pos (x) values (a)\n  else into s.rest values (a)\nselect a from s.src;\ncreate view s.v as select 1 as one;\n";

        var models = DbtProjectReader.Read(FixtureFiles.Of([("load.sql", sql)])).Models;

        Assert.That(models.Select(m => m.Name), Is.EqualTo(new[] { "s.pos", "s.rest", "s.v" }));
        Assert.That(models.Single(m => m.Name == "s.rest").RenderedSql, Does.StartWith(head).And.EndWith("select a from s.src;"));
        Assert.That(models.Single(m => m.Name == "s.v").RenderedSql, Does.StartWith("create view s.v"));
    }

    [Test]
    public void Read_TableCreatedByDdl_DeclaresItsColumnsWithTypesAndLines()
    {
        var table = ReadSsdt().Models.Single(m => m.Name == "Sales.Customers");

        Assert.That((table.Language, table.RenderedSql), Is.EqualTo((DbtModel.Ddl, "")));
        Assert.That(table.Columns.Select(c => (c.Name, c.DataType, c.Line)), Is.EqualTo(new[]
        {
            ("CustomerId", "INT", 2),
            ("CustomerName", "NVARCHAR(100)", 3),
            ("CreditLimit", "DECIMAL(18,2)", 4),
            ("FaxNumber", "NVARCHAR(20)", 5),
            ("Location", "sys.geography", 6),
            ("ValidFrom", "DATETIME2(7)", 7),
            ("ValidTo", "DATETIME2(7)", 8),
        }));
    }

    [TestCase("create table t (a int, b int) as select 1 as a, 2 as b;")]
    [TestCase("create table t as select 1 as a;")]
    [TestCase("create table t (a, b) as (select 1, 2);")]
    public void Read_TableCreatedByQuery_KeepsItsQuery(string sql)
    {
        var table = DbtProjectReader.Read(FixtureFiles.Of(("t.sql", sql))).Models.Single();

        Assert.That((table.Language, table.RenderedSql), Is.EqualTo(("sql", sql)));
    }

    [Test]
    public void Read_InlineTableValuedFunction_IsItsQueryAtTheLinesOfTheFile()
    {
        var function = ReadSsdt().Models.Single(m => m.Name == "Sales.CustomersOverLimit");

        var lines = function.RenderedSql.Split('\n');
        Assert.That(lines[4].Trim(), Is.EqualTo("SELECT c.CustomerId, c.CreditLimit"));
        Assert.That(lines[..4].All(l => l.Trim().Length == 0), Is.True);
        Assert.That(function.RenderedSql.TrimEnd(), Does.EndWith("WHERE c.CreditLimit > @Limit;"));
    }

    [Test]
    public void Read_Procedure_IsModelLevelOverTheObjectsItNames()
    {
        var procedure = ReadSsdt().Models.Single(m => m.Name == "Sales.PurgeCustomers");

        Assert.That((procedure.Language, procedure.RenderedSql), Is.EqualTo((DbtModel.Routine, "")));
        Assert.That(procedure.DependsOn, Is.EqualTo(new[] { "sql.Sales.Customers" }));
    }

    [Test]
    public void Read_TableLoadedByAProcedureAndLiteralRows_KeepsItsDdlColumns()
    {
        var files = FixtureFiles.Of(
            ("t.sql", "create table s.t (a int, b varchar(10));"),
            ("load.sql", "create procedure s.load as begin\n  insert into s.t (a, b) select x, y from s.src;\nend;"),
            ("seed.sql", "insert into s.t (a, b) values (1, 'x');"));

        var table = DbtProjectReader.Read(files).Models.Single(m => m.Name == "s.t");

        Assert.That((table.Language, table.Path), Is.EqualTo((DbtModel.Ddl, "t.sql")));
        Assert.That(table.Columns.Select(c => c.Name), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Read_TableFilledByAScriptsQuery_IsReadFromThatQuery()
    {
        var files = FixtureFiles.Of(("t.sql", "create table s.t (a int);"), ("etl.sql", "insert into s.t (a) select x from s.src;"));

        var table = DbtProjectReader.Read(files).Models.Single(m => m.Name == "s.t");

        Assert.That(table.Language, Is.EqualTo("sql"));
        Assert.That(table.RenderedSql, Does.Contain("select x from s.src"));
    }
}
