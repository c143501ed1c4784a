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
            ("Sales.Orders", "table", "Sales/Tables/Orders.sql"),
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
}
