using ImpactBot.Core.Graph;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Core.Tests;

/// <summary>Builders for asset definitions backed by real SQL, bound by the real lineage engine.</summary>
internal static class SqlAssets
{
    public static AssetDefinition Model(string id, string sql, params string[] dependsOn) => new(id, AssetType.Model)
    {
        Path = $"models/{id}.sql",
        Sql = sql,
        Dialect = DialectFacts.Postgres,
        Relations = [id],
        DependsOn = [.. dependsOn],
    };

    public static AssetDefinition Source(string id, params string[] columns) => new(id, AssetType.Source)
    {
        Path = "models/sources.yml",
        Relations = [id],
        DeclaredColumns = [.. columns.Select((c, i) => new DeclaredColumn(c, null, i + 1))],
    };

    public static LineageGraph Build(params AssetDefinition[] assets) =>
        GraphBuilder.Build(assets, "commit", DialectFacts.Postgres).Graph;
}
