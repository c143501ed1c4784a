using System.Collections.Immutable;
using ImpactBot.Core.Changes;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Report;

namespace ImpactBot.Core.Tests.Report;

/// <summary>Reports built from impacts directly, to test layout rules without a project.</summary>
internal static class ReportFixtures
{
    public static AssetImpact Affected(string asset, Severity severity, string cause, AssetType type = AssetType.Model, string? foldedUnder = null, params string[] owners) =>
        new(asset, type, severity)
        {
            Cause = cause,
            FoldedUnder = foldedUnder,
            Owners = [.. owners],
            Path = $"{cause} -> {asset}",
            Reason = $"reached from {cause}",
            FilePath = $"models/{asset}.sql",
        };

    public static ImpactReport ReportOf(IEnumerable<AssetImpact> impacts, params AssetChange[] changes) =>
        new("base", "head", [.. changes], [.. impacts], []);

    public static AssetChange ColumnChange(string asset, string column, ColumnChangeKind kind) =>
        new(asset, AssetType.Model, AssetChangeKind.Modified) { Columns = [new ColumnChange(column, kind)] };

    /// <summary>A change on <c>stg.amount</c> reaching <paramref name="values"/> models, each with a test, plus a rename breaking one reader that <paramref name="stale"/> assets read.</summary>
    public static ImpactReport Large(int values, int stale, params string[] owners)
    {
        var impacts = ImmutableArray.CreateBuilder<AssetImpact>();
        impacts.Add(Affected("int_broken", Severity.Breaking, "stg.email", owners: owners));
        for (var i = 0; i < stale; i++)
        {
            impacts.Add(Affected($"stale_{i:D4}", Severity.Breaking, "stg.email", i % 3 == 0 ? AssetType.Test : AssetType.Model, "int_broken", owners));
        }

        for (var i = 0; i < values; i++)
        {
            impacts.Add(Affected($"mart_{i:D4}", Severity.Values, "stg.amount", owners: owners));
            impacts.Add(Affected($"not_null_mart_{i:D4}_amount", Severity.Values, "stg.amount", AssetType.Test, owners: owners));
        }

        return ReportOf(impacts.ToImmutable(), ColumnChange("stg", "email", ColumnChangeKind.Removed), ColumnChange("stg", "amount", ColumnChangeKind.Expression));
    }
}
