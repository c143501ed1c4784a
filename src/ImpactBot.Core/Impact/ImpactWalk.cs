using System.Collections.Immutable;
using ImpactBot.Core.Changes;
using ImpactBot.Core.Graph;

namespace ImpactBot.Core.Impact;

/// <summary>
/// The traversal behind <see cref="ImpactAnalyzer"/>. A mark is (asset, column or whole rows, severity, reason path).
/// Removed columns break their first-hop readers; what those readers produce then carries a <c>values</c> mark onwards.
/// New columns travel only through stars and same-name pass-throughs. Row changes reach every column of the reader.
/// </summary>
internal sealed class ImpactWalk(ConsumerIndex consumers, Func<string, string, int>? findLine)
{
    private readonly Queue<Mark> _queue = new();
    private readonly HashSet<(string, string?, Severity)> _visited = [];
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
                    Hit(consumer, Severity.Breaking, change.Asset, change.Asset, what, consumer.Edge.Column == "*" ? null : consumer.Edge.Column);
                }

                break;
            case AssetChangeKind.DocsOnly:
                foreach (var consumer in consumers.Of(change.Asset))
                {
                    Hit(consumer, Severity.Info, change.Asset, change.Asset, $"documentation of {change.Asset} changed", null, propagate: false);
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
                    Hit(consumer, mark.Severity, mark.Asset, mark.Path, mark.Reason, mark.Column);
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
                            Hit(consumer, Severity.Breaking, change.Asset, path, what, column.Name);
                        }
                    }

                    break;
                case ColumnChangeKind.Expression:
                    Enqueue(new Mark(change.Asset, column.Name, Severity.Values, path, $"value of {path} changed"));
                    break;
                case ColumnChangeKind.Type:
                    Enqueue(new Mark(change.Asset, column.Name, Severity.Values, path, $"type of {path} changed ({column.From} -> {column.To})"));
                    break;
                case ColumnChangeKind.Added:
                    Enqueue(new Mark(change.Asset, column.Name, Severity.Schema, path, $"new column {path}"));
                    break;
            }
        }

        var rowChanges = change.Rows.Where(r => r != RowChangeKind.Materialization).ToList();
        if (rowChanges.Count > 0)
        {
            var kinds = string.Join(", ", rowChanges.Select(r => r.ToString().ToLowerInvariant()));
            Enqueue(new Mark(change.Asset, null, Severity.Values, change.Asset, $"rows of {change.Asset} changed ({kinds})"));
        }
        else if (change.Rows.Contains(RowChangeKind.Materialization))
        {
            foreach (var consumer in consumers.Of(change.Asset))
            {
                Hit(consumer, Severity.Info, change.Asset, change.Asset, $"{change.Asset} materialization changed ({change.MaterializationFrom ?? "default"} -> {change.MaterializationTo ?? "default"})", null, propagate: false);
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

    private void Hit(Consumer consumer, Severity severity, string via, string path, string reason, string? upstreamColumn, bool propagate = true)
    {
        var node = consumer.Asset;
        var target = consumer.Column is null ? node.Id : $"{node.Id}.{consumer.Column}";
        var newPath = Shortened($"{path} -> {target}");
        if (!_affected.TryGetValue(node.Id, out var acc))
        {
            acc = new Accumulator(node);
            _affected[node.Id] = acc;
        }

        var modelLevel = consumer.Role == ConsumerRole.Model || consumer.Edge.IsWildcard;
        acc.Add(severity, consumer.Column, newPath, Describe(consumer, reason), via, modelLevel);
        if (severity == Severity.Breaking && upstreamColumn is not null && node.Path is not null)
        {
            var line = findLine?.Invoke(node.Path, upstreamColumn) ?? 0;
            acc.References.Add(new ColumnReference(upstreamColumn, node.Path, line));
        }

        if (!propagate)
        {
            return;
        }

        // Past a breaking reader, what it produces is what changes downstream.
        var next = severity == Severity.Breaking ? Severity.Values : severity;
        var nextReason = severity == Severity.Breaking ? $"upstream {node.Id} breaks ({reason})" : reason;
        switch (consumer.Role)
        {
            case ConsumerRole.Column:
                Enqueue(new Mark(node.Id, consumer.Column, next, newPath, nextReason));
                break;
            case ConsumerRole.Row when severity >= Severity.Values:
            case ConsumerRole.Model:
            case ConsumerRole.Reference:
                Enqueue(new Mark(node.Id, null, next, newPath, nextReason));
                break;
        }
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
        if (_visited.Add((mark.Asset.ToUpperInvariant(), mark.Column?.ToUpperInvariant(), mark.Severity)))
        {
            _queue.Enqueue(mark);
        }
    }

    private sealed record Mark(string Asset, string? Column, Severity Severity, string Path, string Reason);
}
