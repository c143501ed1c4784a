using System.Collections.Immutable;
using ImpactBot.Core.Changes;
using ImpactBot.Core.Graph;

namespace ImpactBot.Core.Impact;

/// <summary>
/// The traversal behind <see cref="ImpactAnalyzer"/>. A mark is (asset, column or whole rows, severity, reason path, root
/// cause). Removed columns break their first-hop readers; such a reader fails to build, so everything downstream of it is
/// stale through it: breaking, folded under that reader. New columns travel only through stars and same-name
/// pass-throughs. Row changes reach every column of the reader.
/// </summary>
internal sealed class ImpactWalk(ConsumerIndex consumers, Func<string, string, int>? findLine)
{
    private readonly Queue<Mark> _queue = new();
    private readonly HashSet<(string, string?, Severity, bool)> _visited = [];
    private readonly Dictionary<string, Accumulator> _affected = new(StringComparer.OrdinalIgnoreCase);

    public void Seed(AssetChange change)
    {
        switch (change.Kind)
        {
            case AssetChangeKind.Removed:
            case AssetChangeKind.Renamed:
                var what = change.Kind == AssetChangeKind.Renamed ? $"reads {change.Asset}, renamed to {change.RenamedTo}" : $"reads removed {change.Type.ToName()} {change.Asset}";
                foreach (var consumer in consumers.Of(change.Asset))
                {
                    Hit(consumer, new Mark(change.Asset, null, Severity.Breaking, change.Asset, what, change.Asset), consumer.Edge.Column == "*" ? null : consumer.Edge.Column);
                }

                break;
            case AssetChangeKind.DocsOnly:
                foreach (var consumer in consumers.Of(change.Asset))
                {
                    Hit(consumer, new Mark(change.Asset, null, Severity.Info, change.Asset, $"documentation of {change.Asset} changed", change.Asset), null, propagate: false);
                }

                break;
            case AssetChangeKind.Modified:
                SeedModified(change);
                break;
        }
    }

    public void Run()
    {
        while (_queue.TryDequeue(out var mark))
        {
            foreach (var consumer in consumers.Of(mark.Asset))
            {
                if (Reaches(mark, consumer))
                {
                    Hit(consumer, mark, mark.Column);
                }
            }
        }
    }

    public ImmutableArray<AssetImpact> Results(LineageGraph head, LineageGraph @base)
    {
        var order = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < head.Assets.Length; i++)
        {
            order.TryAdd(head.Assets[i].Id, i);
        }

        return [.. _affected.Values
            .Select(a => a.ToImpact(order.GetValueOrDefault(a.Node.Id, head.Assets.Length + (@base.Find(a.Node.Id) is null ? 0 : 1))))
            .OrderBy(i => i.Order)
            .ThenBy(i => i.Asset, StringComparer.OrdinalIgnoreCase)];
    }

    private void SeedModified(AssetChange change)
    {
        foreach (var column in change.Columns)
        {
            var path = $"{change.Asset}.{column.Name}";
            switch (column.Kind)
            {
                case ColumnChangeKind.Removed:
                case ColumnChangeKind.Renamed:
                    var what = column.Kind == ColumnChangeKind.Renamed
                        ? $"reads {path}, renamed to {column.NewName}"
                        : $"reads removed column {path}";
                    foreach (var consumer in consumers.Of(change.Asset))
                    {
                        if (NamesColumn(consumer.Edge, column.Name) || consumer.Role == ConsumerRole.Model)
                        {
                            Hit(consumer, new Mark(change.Asset, column.Name, Severity.Breaking, path, what, path), column.Name);
                        }
                    }

                    Published(change, column, path, Severity.Breaking);

                    break;
                case ColumnChangeKind.Expression:
                    Enqueue(new Mark(change.Asset, column.Name, Severity.Values, path, $"value of {path} changed", path));
                    break;
                case ColumnChangeKind.Type:
                    Enqueue(new Mark(change.Asset, column.Name, Severity.Values, path, $"type of {path} changed ({column.From} -> {column.To})", path));
                    Published(change, column, path, Severity.Breaking);
                    break;
                case ColumnChangeKind.Added:
                    Enqueue(new Mark(change.Asset, column.Name, Severity.Schema, path, $"new column {path}", path));
                    break;
            }
        }

        var rowChanges = change.Rows.Where(r => r != RowChangeKind.Materialization).ToList();
        if (rowChanges.Count > 0)
        {
            var kinds = string.Join(", ", rowChanges.Select(r => r.ToString().ToLowerInvariant()));
            Enqueue(new Mark(change.Asset, null, Severity.Values, change.Asset, $"rows of {change.Asset} changed ({kinds})", change.Asset));
        }
        else if (change.Rows.Contains(RowChangeKind.Materialization))
        {
            foreach (var consumer in consumers.Of(change.Asset))
            {
                Hit(consumer, new Mark(change.Asset, null, Severity.Info, change.Asset, $"{change.Asset} materialization changed ({change.MaterializationFrom ?? "default"} -> {change.MaterializationTo ?? "default"})", change.Asset), null, propagate: false);
            }
        }
    }

    private static bool Reaches(Mark mark, Consumer consumer)
    {
        if (consumer.Role == ConsumerRole.Model || consumer.Edge.IsWildcard)
        {
            return true;
        }

        if (mark.Column is null)
        {
            // Whole-row marks reach every reader, except that new columns only travel through stars.
            return mark.Severity != Severity.Schema;
        }

        if (!NamesColumn(consumer.Edge, mark.Column))
        {
            return false;
        }

        return mark.Severity != Severity.Schema
            || consumer.Role == ConsumerRole.Column && string.Equals(consumer.Column, mark.Column, StringComparison.OrdinalIgnoreCase);
    }

    private const int MaxPathChars = 2000;

    /// <summary>
    /// A path of more than <see cref="MaxPathChars"/> keeps its start and its last hops around "…": every impact carries
    /// its path, so on a chain of thousands of assets full paths would make the walk and the report quadratic.
    /// </summary>
    internal static string Shortened(string path)
    {
        if (path.Length <= MaxPathChars)
        {
            return path;
        }

        const string Arrow = " -> ";
        var headEnd = path.IndexOf(Arrow, StringComparison.Ordinal);
        var tailStart = path.IndexOf(Arrow, path.Length - (MaxPathChars / 2), StringComparison.Ordinal);
        return headEnd < 0 || tailStart <= headEnd ? path : string.Concat(path.AsSpan(0, headEnd), Arrow + "…", path.AsSpan(tailStart));
    }

    private static bool NamesColumn(ColumnEdge edge, string column) =>
        edge.IsWildcard || string.Equals(edge.Column, column, StringComparison.OrdinalIgnoreCase);

    private void Hit(Consumer consumer, Mark mark, string? upstreamColumn, bool propagate = true)
    {
        var node = consumer.Asset;
        var target = consumer.Column is null ? node.Id : $"{node.Id}.{consumer.Column}";
        var newPath = Shortened($"{mark.Path} -> {target}");
        var acc = Accumulate(node);
        var modelLevel = consumer.Role == ConsumerRole.Model || consumer.Edge.IsWildcard;
        acc.Add(new Hit(mark.Severity, consumer.Column, newPath, Describe(consumer, mark.Reason), mark.Asset, modelLevel, mark.Cause, mark.BrokenAt));
        if (mark.BrokenAt is null && upstreamColumn is not null && node.Path is not null && !consumer.Edge.IsWildcard)
        {
            // The reading line the lineage recorded; a text search (which skips comments) where it did not.
            var line = consumer.Edge.Line > 0 ? consumer.Edge.Line : findLine?.Invoke(node.Path, upstreamColumn) ?? 0;
            acc.References.Add(new ColumnReference(upstreamColumn, node.Path, line));
        }

        if (!propagate)
        {
            return;
        }

        // A reader that fails to build leaves everything downstream of it stale: the whole asset, whatever columns are read.
        if (mark.Severity == Severity.Breaking)
        {
            var brokenAt = mark.BrokenAt ?? node.Id;
            var stale = mark.BrokenAt is null ? $"stale until {node.Id} builds again ({mark.Reason})" : mark.Reason;
            Enqueue(new Mark(node.Id, null, Severity.Breaking, newPath, stale, mark.Cause, brokenAt));
            return;
        }

        switch (consumer.Role)
        {
            case ConsumerRole.Column:
                Enqueue(mark with { Asset = node.Id, Column = consumer.Column, Path = newPath });
                break;
            case ConsumerRole.Row when mark.Severity >= Severity.Values:
            case ConsumerRole.Model:
            case ConsumerRole.Reference:
                Enqueue(mark with { Asset = node.Id, Column = null, Path = newPath });
                break;
        }
    }

    /// <summary>
    /// A public or contracted model's column is read outside this project too: removing, renaming or retyping it breaks
    /// those readers even when nothing here reads it. The model itself becomes a breaking item for them.
    /// </summary>
    private void Published(AssetChange change, ColumnChange column, string path, Severity severity)
    {
        if (consumers.Head.Find(change.Asset) is not { } node || !(node.Traits.Contracted || node.Traits.Access == "public"))
        {
            return;
        }

        var why = node.Traits.Contracted ? "has an enforced contract" : "is access: public";
        var what = column.Kind switch
        {
            ColumnChangeKind.Renamed => $"renamed to {column.NewName}",
            ColumnChangeKind.Type => $"retyped {column.From} -> {column.To}",
            _ => "removed",
        };
        Accumulate(node).Add(new Hit(severity, column.Name, path, $"{node.Id} {why}: consumers outside this project read {column.Name}, {what}", change.Asset, false, path, null));
    }

    private Accumulator Accumulate(AssetNode node)
    {
        if (!_affected.TryGetValue(node.Id, out var acc))
        {
            acc = new Accumulator(node);
            _affected[node.Id] = acc;
        }

        return acc;
    }

    private static string Describe(Consumer consumer, string reason) => consumer.Role switch
    {
        ConsumerRole.Row => $"{reason}; used in its {consumer.Edge.Kind.ToString().ToLowerInvariant()}",
        ConsumerRole.Model => $"{reason}; depends on it at model level (columns read are unknown)",
        _ when consumer.Edge.IsWildcard => $"{reason}; reads it through an unexpanded *",
        _ => reason,
    };

    private void Enqueue(Mark mark)
    {
        if (_visited.Add((mark.Asset.ToUpperInvariant(), mark.Column?.ToUpperInvariant(), mark.Severity, mark.BrokenAt is null)))
        {
            _queue.Enqueue(mark);
        }
    }

    /// <param name="Cause">The root cause the mark started from: <c>asset.column</c>, or the asset for row and asset changes.</param>
    /// <param name="BrokenAt">The nearest upstream that fails to build on this path; what it reaches is stale through it.</param>
    private sealed record Mark(string Asset, string? Column, Severity Severity, string Path, string Reason, string Cause, string? BrokenAt = null);
}
