using ImpactBot.Core.Graph;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Core.Changes;

/// <summary>
/// Columns renamed or removed so far, filled upstream first: those a change made, and those that follow from them through
/// an asset whose SQL did not change but passes the column on as a plain copy (<c>select *</c>). With it a reader that
/// re-selects a renamed column under its new name, or keeps the old name as an alias, is a rename (or no change), not
/// "removed + added"; and a <c>select *</c> model downstream of a rename renames the column too instead of breaking.
/// </summary>
public sealed class ColumnRenames
{
    private readonly Dictionary<(string Asset, string Column), string?> _gone = new(KeyComparer.Instance);

    /// <summary>The renames and removals of <paramref name="changes"/>, followed through unchanged assets of the head graph.</summary>
    public static ColumnRenames Of(LineageGraph baseGraph, LineageGraph headGraph, IEnumerable<AssetChange> changes)
    {
        ArgumentNullException.ThrowIfNull(baseGraph);
        ArgumentNullException.ThrowIfNull(headGraph);
        var byAsset = changes.Where(c => c.Kind == AssetChangeKind.Modified).ToDictionary(c => c.Asset, StringComparer.OrdinalIgnoreCase);
        var renames = new ColumnRenames();
        foreach (var head in headGraph.Assets)
        {
            if (byAsset.TryGetValue(head.Id, out var change))
            {
                renames.Record(change);
            }

            if (baseGraph.Find(head.Id) is { } old)
            {
                renames.Derive(old, head);
            }
        }

        return renames;
    }

    public bool IsEmpty => _gone.Count == 0;

    /// <summary>
    /// Whether <paramref name="column"/> of <paramref name="asset"/> is gone at head; <paramref name="newName"/> is its new
    /// name, or null when it was removed.
    /// </summary>
    public bool IsGone(string asset, string column, out string? newName) => _gone.TryGetValue((asset, column), out newName);

    internal void Record(AssetChange change)
    {
        foreach (var column in change.Columns)
        {
            if (column.Kind is ColumnChangeKind.Renamed or ColumnChangeKind.Removed)
            {
                _gone[(change.Asset, column.Name)] = column.NewName;
            }
        }
    }

    /// <summary>
    /// An asset whose SQL did not change, whose column was a plain copy of a column now gone: when the head no longer has
    /// the column, it went with its upstream (renamed along when a copy of the new name took its place). A column the SQL
    /// still names keeps its name at head: that reader breaks, and nothing is derived.
    /// </summary>
    internal void Derive(AssetNode old, AssetNode head)
    {
        if (_gone.Count == 0 || old.BodyHash != head.BodyHash)
        {
            return;
        }

        foreach (var column in old.Columns)
        {
            if (CopiedFrom(column) is not { } edge || !IsGone(edge.Asset, edge.Column, out var upstreamNew) || head.FindColumn(column.Name) is not null)
            {
                continue;
            }

            var renamed = upstreamNew is null
                ? null
                : head.Columns.FirstOrDefault(c => old.FindColumn(c.Name) is null && CopiedFrom(c) is { } e
                    && string.Equals(e.Asset, edge.Asset, StringComparison.OrdinalIgnoreCase) && string.Equals(e.Column, upstreamNew, StringComparison.OrdinalIgnoreCase));
            _gone[(head.Id, column.Name)] = renamed?.Name;
        }
    }

    /// <summary>
    /// Whether <paramref name="head"/> copies what <paramref name="old"/> copied, with the upstream column renamed in
    /// between: the same value under the upstream's new name.
    /// </summary>
    internal bool SameCopy(ColumnNode old, ColumnNode head) =>
        CopiedFrom(old) is { } before && CopiedFrom(head) is { } after
        && string.Equals(before.Asset, after.Asset, StringComparison.OrdinalIgnoreCase)
        && IsGone(before.Asset, before.Column, out var newName) && newName is not null
        && string.Equals(newName, after.Column, StringComparison.OrdinalIgnoreCase);

    /// <summary>The single upstream column a column copies as it is, if that is all it does.</summary>
    private static ColumnEdge? CopiedFrom(ColumnNode column) =>
        column.Sources is [{ Kind: EdgeKind.Copy, IsWildcard: false } edge] ? edge : null;

    private sealed class KeyComparer : IEqualityComparer<(string Asset, string Column)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((string Asset, string Column) x, (string Asset, string Column) y) =>
            string.Equals(x.Asset, y.Asset, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Column, y.Column, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Asset, string Column) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Asset), StringComparer.OrdinalIgnoreCase.GetHashCode(key.Column));
    }
}
