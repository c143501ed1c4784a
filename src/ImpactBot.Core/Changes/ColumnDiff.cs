using System.Collections.Immutable;
using ImpactBot.Core.Graph;

namespace ImpactBot.Core.Changes;

/// <summary>Column-by-column comparison of one asset at base and head. Names compare case-insensitively.</summary>
internal static class ColumnDiff
{
    public static ImmutableArray<ColumnChange> Compare(AssetNode old, AssetNode head)
    {
        var changes = ImmutableArray.CreateBuilder<ColumnChange>();
        var removed = old.Columns.Where(c => head.FindColumn(c.Name) is null).ToList();
        var added = head.Columns.Where(c => old.FindColumn(c.Name) is null).ToList();

        foreach (var column in removed)
        {
            var renamed = column.Fingerprint.Length > 0
                ? added.FirstOrDefault(a => a.Fingerprint == column.Fingerprint)
                : null;
            if (renamed is not null)
            {
                added.Remove(renamed);
                changes.Add(new ColumnChange(column.Name, ColumnChangeKind.Renamed) { NewName = renamed.Name });
            }
            else
            {
                changes.Add(new ColumnChange(column.Name, ColumnChangeKind.Removed));
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
            else if (before.Fingerprint.Length > 0 && column.Fingerprint.Length > 0 && before.Fingerprint != column.Fingerprint)
            {
                changes.Add(new ColumnChange(column.Name, ColumnChangeKind.Expression));
            }
        }

        changes.AddRange(added.Select(c => new ColumnChange(c.Name, ColumnChangeKind.Added)));
        return changes.ToImmutable();
    }
}
