using ImpactBot.Sql.Lineage;

namespace ImpactBot.Sql.Tests.Lineage;

// Snowflake hierarchical queries: START WITH and CONNECT BY filter the rows walked; PRIOR and CONNECT_BY_ROOT read their
// operand; LEVEL is the query's own column.
public sealed partial class SqlLineageTests
{
    [Test]
    public void Analyze_SnowflakeConnectBy_ReadsItsConditionsAndRootColumns()
    {
        var lineage = AssertLineage(Snowflake, """
            select sys_connect_by_path(account_id, ' -> ') as path, account_id, level as depth,
                   connect_by_root name as root_name
            from accounts
              start with parent_id is null
              connect by nocycle parent_id = prior account_id
            """, "accounts(account_id, parent_id, name)",
            "path: accounts.account_id transform",
            "account_id: accounts.account_id copy",
            "depth:",
            "root_name: accounts.name transform",
            "row: accounts.parent_id filter, accounts.account_id filter");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete), string.Join("\n", lineage.Diagnostics));
    }

    [Test]
    public void Analyze_ConnectByOverAnUnknownTable_LevelIsNotTakenForItsColumn()
    {
        var lineage = SqlLineage.Analyze("select id, level from t start with manager_id is null connect by prior id = manager_id", Snowflake);

        Assert.That(lineage.Columns.Single(c => c.Name == "level").Sources, Is.Empty);
        Assert.That(lineage.Diagnostics, Is.Empty);
    }

    [Test]
    public void Analyze_PriorAsAColumnNameOutsideSnowflakeHierarchies_IsAColumn()
    {
        var lineage = SqlLineage.Analyze("select prior, level from t", Postgres);

        Assert.That(lineage.Columns.Select(c => c.Sources.Single().Column), Is.EqualTo(new[] { "prior", "level" }));
    }
}
