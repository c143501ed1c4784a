using ImpactBot.Core.Changes;
using ImpactBot.Core.Graph;
using static ImpactBot.Core.Tests.SqlAssets;

namespace ImpactBot.Core.Tests.Changes;

public sealed class ChangeDetectorTests
{
    private static readonly AssetDefinition Raw = Source("raw", "id", "customer_id", "amount", "status", "created_at");
    private static readonly AssetDefinition Customers = Source("customers_raw", "id", "region");

    private const string BaseSql = """
        with paid as (
            select id, customer_id, amount from raw where status = 'paid'
        )
        select id, customer_id, amount * 2 as doubled from paid
        """;

    private static AssetChange? Detect(string before, string after, string[]? changedPaths = null) => Detect(
        Model("orders", before, "raw", "customers_raw"),
        Model("orders", after, "raw", "customers_raw"),
        changedPaths);

    private static AssetChange? Detect(AssetDefinition before, AssetDefinition after, string[]? changedPaths = null)
    {
        var baseGraph = Build(Raw, Customers, before);
        var headGraph = Build(Raw, Customers, after);
        return ChangeDetector.Detect(baseGraph, headGraph, changedPaths ?? ["models/orders.sql"]).SingleOrDefault();
    }

    private static string Columns(AssetChange change) =>
        string.Join(", ", change.Columns.Select(c => $"{c.Name}:{c.Kind}" + (c.NewName is null ? "" : $"->{c.NewName}")));

    [Test]
    public void Detect_WhitespaceCommentsAndKeywordCase_NoChange()
    {
        var edited = """
            WITH paid AS (
                -- only paid orders
                SELECT id, customer_id, amount
                FROM raw
                WHERE status = 'paid'
            )
            SELECT id, customer_id, amount*2 AS doubled FROM paid
            """;

        Assert.That(Detect(BaseSql, edited), Is.Null);
    }

    [Test]
    public void Detect_CteRenamedWithSameLineage_NoChange()
    {
        var edited = BaseSql.Replace("paid", "paid_orders", StringComparison.Ordinal).Replace("'paid_orders'", "'paid'", StringComparison.Ordinal);

        Assert.That(Detect(BaseSql, edited), Is.Null);
    }

    [Test]
    public void Detect_ColumnRemoved_Removed()
    {
        var change = Detect(BaseSql, BaseSql.Replace("customer_id, amount * 2", "amount * 2", StringComparison.Ordinal))!;

        Assert.That(Columns(change), Is.EqualTo("customer_id:Removed"));
        Assert.That(change.Reasons.Single(), Is.EqualTo("SQL body changed (models/orders.sql)"));
    }

    [Test]
    public void Detect_SameExpressionNewAlias_Renamed()
    {
        var change = Detect(BaseSql, BaseSql.Replace("as doubled", "as twice", StringComparison.Ordinal))!;

        Assert.That(Columns(change), Is.EqualTo("doubled:Renamed->twice"));
    }

    [Test]
    public void Detect_ExpressionEdited_Expression()
    {
        var change = Detect(BaseSql, BaseSql.Replace("amount * 2", "amount * 3", StringComparison.Ordinal))!;

        Assert.That(Columns(change), Is.EqualTo("doubled:Expression"));
        Assert.That(change.Rows, Is.Empty);
    }

    [Test]
    public void Detect_ColumnAdded_Added()
    {
        var change = Detect(BaseSql, BaseSql.Replace("as doubled from", "as doubled, 1 as one from", StringComparison.Ordinal))!;

        Assert.That(Columns(change), Is.EqualTo("one:Added"));
    }

    [Test]
    public void Detect_CastTypeChanged_Type()
    {
        var change = Detect(
            "select id, cast(amount as int) as amount from raw",
            "select id, cast(amount as numeric(12,2)) as amount from raw")!;

        Assert.That(change.Columns.Single().Kind, Is.AnyOf(ColumnChangeKind.Type, ColumnChangeKind.Expression));
    }

    [Test]
    public void Detect_FilterChanged_RowFilter()
    {
        var change = Detect(BaseSql, BaseSql.Replace("'paid'", "'settled'", StringComparison.Ordinal))!;

        Assert.That(change.Rows, Is.EqualTo(new[] { RowChangeKind.Filter }));
        Assert.That(change.Columns, Is.Empty);
    }

    [Test]
    public void Detect_JoinTypeChanged_RowJoin()
    {
        const string join = "select o.id, c.region from raw o left join customers_raw c on o.customer_id = c.id";

        var change = Detect(join, join.Replace("left join", "join", StringComparison.Ordinal))!;

        Assert.That(change.Rows, Does.Contain(RowChangeKind.Join));
    }

    [Test]
    public void Detect_GroupByChanged_RowGrain()
    {
        var change = Detect(
            "select customer_id, sum(amount) as total from raw group by customer_id",
            "select customer_id, sum(amount) as total from raw group by customer_id, status")!;

        Assert.That(change.Rows, Does.Contain(RowChangeKind.Grain));
    }

    [Test]
    public void Detect_MaterializationChanged_ConfigReason()
    {
        var before = Model("orders", BaseSql, "raw") with { Traits = new AssetTraits { Materialization = "view" } };
        var after = before with { Traits = new AssetTraits { Materialization = "table" } };

        var change = Detect(before, after)!;

        Assert.That(change.Rows, Is.EqualTo(new[] { RowChangeKind.Materialization }));
        Assert.That(change.Reasons, Is.EqualTo(new[] { "config: materialized view -> table" }));
    }

    [Test]
    public void Detect_DescriptionOnly_DocsOnly()
    {
        var before = Model("orders", BaseSql, "raw") with { DocsHash = "a" };
        var after = before with { DocsHash = "b" };

        var change = Detect(before, after)!;

        Assert.That(change.Kind, Is.EqualTo(AssetChangeKind.DocsOnly));
    }

    [Test]
    public void Detect_RenderedSqlChangedWithoutFileEdit_BlamesMacroOrVar()
    {
        var change = Detect(BaseSql, BaseSql.Replace("amount * 2", "amount * 3", StringComparison.Ordinal), ["macros/money.sql"])!;

        Assert.That(change.Reasons.Single(), Does.Contain("macro or var").And.Contain("macros/money.sql"));
    }

    [Test]
    public void Detect_SameSqlNewName_Renamed()
    {
        var baseGraph = Build(Raw, Model("orders", BaseSql, "raw"));
        var headGraph = Build(Raw, Model("orders_v2", BaseSql, "raw"));

        var change = ChangeDetector.Detect(baseGraph, headGraph, []).Single();

        Assert.That((change.Kind, change.Asset, change.RenamedTo), Is.EqualTo((AssetChangeKind.Renamed, "orders", "orders_v2")));
    }

    [Test]
    public void Detect_ContractedModelLosesColumn_FollowUpAsksForNewVersion()
    {
        var before = Model("orders", BaseSql, "raw") with { Traits = new AssetTraits { Contracted = true } };
        var after = before with { Sql = BaseSql.Replace("customer_id, amount * 2", "amount * 2", StringComparison.Ordinal) };

        var change = Detect(before, after)!;

        Assert.That(change.FollowUps.Single(), Does.Contain("new model version"));
    }
}
