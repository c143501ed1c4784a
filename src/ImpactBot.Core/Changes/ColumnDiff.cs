using System.Collections.Immutable;
using ImpactBot.Core.Graph;

namespace ImpactBot.Core.Changes;

/// <summary>
/// Column-by-column comparison of one asset at base and head. Names compare case-insensitively. With the upstream
/// <paramref name="renames"/>, a plain copy of a renamed upstream column that now copies its new name is the same column:
/// renamed with it when its own name changed too, unchanged when it kept its name.
/// </summary>
internal static class ColumnDiff
{
    public static ImmutableArray<ColumnChange> Compare(AssetNode old, AssetNode head, ColumnRenames? renames = null)
    {
        var changes = ImmutableArray.CreateBuilder<ColumnChange>();
        // Inferred columns come and go with what readers read: only one gone from an asset whose columns are now known is a change.
        var removed = old.Columns.Where(c => head.FindColumn(c.Name) is null && !(c.Inferred && ColumnsUnknown(head))).ToList();
        var added = head.Columns.Where(c => old.FindColumn(c.Name) is null && !c.Inferred).ToList();

        var declaredRename = DeclaredRename(old, head, removed, added);
        foreach (var column in removed)
        {
            var renamed = column.Fingerprint.Length > 0
                ? added.FirstOrDefault(a => a.Fingerprint == column.Fingerprint) ?? (column == declaredRename.Old ? declaredRename.New : null)
                : null;
            renamed ??= renames is null ? null : added.FirstOrDefault(a => renames.SameCopy(column, a));
            if (renamed is not null)
            {
                added.Remove(renamed);
                changes.Add(new ColumnChange(column.Name, ColumnChangeKind.Renamed) { NewName = renamed.Name });
            }
            else
            {
                changes.Add(new ColumnChange(column.Name, ColumnChangeKind.Removed) { Inferred = column.Inferred });
            }
        }

        foreach (var column in head.Columns)
        {
            if (old.FindColumn(column.Name) is not { } before)
            {
                continue;
            }

            if (before.Type is not null && column.Type is not null && !string.Equals(before.Type, column.Type, StringComparison.OrdinalIgnoreCase))
            {
                changes.Add(new ColumnChange(column.Name, ColumnChangeKind.Type) { From = before.Type, To = column.Type });
            }
            else if (before.Fingerprint.Length > 0 && column.Fingerprint.Length > 0 && before.Fingerprint != column.Fingerprint
                && renames?.SameCopy(before, column) != true)
            {
                changes.Add(new ColumnChange(column.Name, ColumnChangeKind.Expression));
            }
        }

        changes.AddRange(added.Select(c => new ColumnChange(c.Name, ColumnChangeKind.Added)));
        return changes.ToImmutable();
    }

    /// <summary>The asset's columns are still only inferred (or unknown): a column no reader reads any more is not removed.</summary>
    private static bool ColumnsUnknown(AssetNode asset) =>
        asset.HasWildcard || asset.Columns.IsEmpty || asset.Columns.Any(c => c.Inferred);

    /// <summary>
    /// Declared columns (DDL, YAML) carry no expression to match a rename by: one column gone and one new at the same
    /// position with the same type is taken as a rename.
    /// </summary>
    private static (ColumnNode? Old, ColumnNode? New) DeclaredRename(AssetNode old, AssetNode head, List<ColumnNode> removed, List<ColumnNode> added)
    {
        if (old.BodyHash.Length > 0 || head.BodyHash.Length > 0 || removed.Count != 1 || added.Count != 1
            || removed[0].Type is not { } type || !string.Equals(type, added[0].Type, StringComparison.OrdinalIgnoreCase)
            || old.Columns.IndexOf(removed[0]) != head.Columns.IndexOf(added[0]))
        {
            return (null, null);
        }

        return (removed[0], added[0]);
    }
}
