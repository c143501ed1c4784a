using ImpactBot.Dbt.Analysis;
using ImpactBot.Core.Changes;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Report;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Dbt.Tests.Analysis;

/// <summary>
/// Whole runs over the SSDT fixture (tables created by DDL, a view, an inline function and a procedure over them):
/// an edit to a table's column list is a change that reaches what reads the column.
/// </summary>
public sealed class PlainSqlImpactTests
{
    private const string Customers = "Sales/Tables/Customers.sql";

    private static ImpactReport Run(Func<string, string> edit, ProjectOptions? options = null)
    {
        var before = FixtureFiles.Load("sql/ssdt");
        var text = FixtureFiles.Read("sql/ssdt/" + Customers);
        var after = FixtureFiles.Load("sql/ssdt", (Customers, edit(text)));
        var request = new AnalysisRequest(before, after, "base", "head", [Customers]);
        return ImpactAnalysis.Run(request, options ?? new ProjectOptions { Dialect = DialectFacts.TSql }).Report;
    }

    private static AssetImpact Impact(ImpactReport report, string asset) => report.Impacts.Single(i => i.Asset == asset);

    [Test]
    public void Run_ColumnDroppedFromCreateTable_ReachesTheViewAndTheProcedure()
    {
        var report = Run(t => string.Join('\n', t.Split('\n').Where(l => !l.Contains("[FaxNumber]", StringComparison.Ordinal))));

        var change = report.Changes.Single();
        Assert.That((change.Asset, change.Kind), Is.EqualTo(("Sales.Customers", AssetChangeKind.Modified)));
        Assert.That(change.Columns.Select(c => (c.Name, c.Kind)), Is.EqualTo(new[] { ("FaxNumber", ColumnChangeKind.Removed) }));
        Assert.That(change.Reasons, Is.EqualTo(new[] { $"declared columns changed ({Customers})" }));
        var view = Impact(report, "Sales.vCustomerContacts");
        Assert.That((view.Severity, view.ModelLevel), Is.EqualTo((Severity.Breaking, false)));
        Assert.That(view.Columns, Does.Contain("Fax"));
        Assert.That(Impact(report, "Sales.PurgeCustomers").ModelLevel, Is.True);
        Assert.That(report.Impacts.Select(i => i.Asset), Has.None.EqualTo("Sales.CustomersOverLimit"));
    }

    [Test]
    public void Run_ColumnRetyped_ReachesTheFunctionReadingIt()
    {
        var report = Run(t => t.Replace("[CreditLimit]  DECIMAL (18, 2)", "[CreditLimit]  DECIMAL (19, 4)", StringComparison.Ordinal));

        var column = report.Changes.Single().Columns.Single();
        Assert.That((column.Name, column.Kind, column.From, column.To), Is.EqualTo(("CreditLimit", ColumnChangeKind.Type, "DECIMAL(18,2)", "DECIMAL(19,4)")));
        Assert.That(report.Impacts.Select(i => i.Asset), Does.Contain("Sales.CustomersOverLimit"));
        Assert.That(report.Impacts.Select(i => i.Asset), Has.None.EqualTo("Sales.vCustomerContacts"));
    }

    [Test]
    public void Run_ColumnRenamedInPlace_IsARename()
    {
        var report = Run(t => t.Replace("[FaxNumber]", "[Fax]", StringComparison.Ordinal));

        var column = report.Changes.Single().Columns.Single();
        Assert.That((column.Name, column.Kind, column.NewName), Is.EqualTo(("FaxNumber", ColumnChangeKind.Renamed, "Fax")));
        Assert.That(Impact(report, "Sales.vCustomerContacts").Severity, Is.EqualTo(Severity.Breaking));
    }

    [Test]
    public void Run_ColumnAdded_IsAnAdditionThatBreaksNothing()
    {
        var report = Run(t => t.Replace("    [Location]", "    [Email] NVARCHAR (256) NULL,\n    [Location]", StringComparison.Ordinal));

        Assert.That(report.Changes.Single().Columns.Select(c => (c.Name, c.Kind)), Is.EqualTo(new[] { ("Email", ColumnChangeKind.Added) }));
        Assert.That(report.Impacts.Where(i => i.Severity == Severity.Breaking), Is.Empty);
    }
}
