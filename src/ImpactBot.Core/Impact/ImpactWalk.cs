using System.Collections.Immutable;
using ImpactBot.Core.Changes;
using ImpactBot.Core.Graph;

namespace ImpactBot.Core.Impact;

/// <summary>
/// The traversal behind <see cref="ImpactAnalyzer"/>. A mark is (asset, column or whole rows, severity, reason path, root
/// cause). Removed columns break their first-hop readers; such a reader fails to build, so everything downstream of it is
/// stale through it: breaking, folded under that reader. A reader that passes a renamed or removed column on unchanged
/// (<c>select *</c>) renames or loses it too: its own readers of the old name break instead. New columns travel only
/// through stars and same-name pass-throughs. Row changes reach every column of the reader.
/// </summary>
internal sealed class ImpactWalk(ConsumerIndex consumers, ColumnRenames renames, Func<string, string, int>? findLine)
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
            if (mark.Gone)
            {
                Gone(mark);
                continue;
            }

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
                    Gone(new Mark(change.Asset, column.Name, Severity.Breaking, path, "", path) { NewName = column.NewName });
                    break;
                case ColumnChangeKind.Expression:
                    Enqueue(new Mark(change.Asset, column.Name, Severity.Values, path, $"value of {path} changed", path));
                    break;
                case ColumnChangeKind.Type:
                    Enqueue(new Mark(change.Asset, column.Name, Severity.Values, path, $"type of {path} changed ({column.From} -> {column.To})", path));
                    Published(change.Asset, column.Name, $"retyped {column.From} -> {column.To}", path, path);
                    break;
                case ColumnChangeKind.Added:
                    Enqueue(new Mark(change.Asset, column.Name, Severity.Schema, path, $"new column {path}", path));
                    break;
            }
        }

        var rowChanges = change.Rows.Where(r => r != RowChangeKind.Materialization).ToList();
        if (rowChanges.Count > 0)
        {
            var kinds = string.Join(", ", rowChanges.Select(r => r.Label()));
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

    /// <summary>
    /// Column <c>mark.Column</c> of <c>mark.Asset</c> is gone at head: renamed to <c>mark.NewName</c>, or removed. Readers of
    /// the old name break, except one that passes it on unchanged (it renames or loses the column too, and its readers are
    /// followed in turn); YAML entries still naming it are stale; published models break their outside readers.
    /// </summary>
    private void Gone(Mark mark)
    {
        var column = mark.Column!;
        var path = $"{mark.Asset}.{column}";
        var what = mark.NewName is null ? "removed" : $"renamed to {mark.NewName}";
        var reads = mark.NewName is null ? $"reads removed column {path}" : $"reads {path}, renamed to {mark.NewName}";
        var via = mark.Path == path ? "" : $" (through {mark.Cause})";
        foreach (var consumer in consumers.Of(mark.Asset))
        {
            if (consumer.Role == ConsumerRole.Column && !consumer.Edge.IsWildcard && NamesColumn(consumer.Edge, column)
                && renames.IsGone(consumer.Asset.Id, consumer.Column!, out var passedAs))
            {
                var target = $"{consumer.Asset.Id}.{consumer.Column}";
                var now = passedAs is null ? "is gone with it" : $"is now {passedAs}";
                Hit(consumer, mark with { Severity = Severity.Schema, Reason = $"passes {path} on unchanged: its column {consumer.Column} {now}" }, column, propagate: false);
                Enqueue(new Mark(consumer.Asset.Id, consumer.Column, Severity.Breaking, Shortened($"{mark.Path} -> {target}"), "", mark.Cause) { NewName = passedAs, Gone = true });
            }
            else if (NamesColumn(consumer.Edge, column) || consumer.Role == ConsumerRole.Model)
            {
                Hit(consumer, new Mark(mark.Asset, column, Severity.Breaking, mark.Path, reads + via, mark.Cause), column);
            }
        }

        Published(mark.Asset, column, what, mark.Path, mark.Cause);
        StaleYaml(mark, column, what);
    }

    /// <summary>
    /// A <c>columns:</c> entry of the asset's YAML that still names the gone column: its data tests will fail (breaking),
    /// or, with none, its documentation is stale (info). The item points at the entry's line.
    /// </summary>
    private void StaleYaml(Mark mark, string column, string what)
    {
        if (consumers.Head.Find(mark.Asset) is not { } node || node.Inputs.PatchPath is not { } yaml || node.FindColumn(column) is not null
            || node.Inputs.DeclaredColumns.FirstOrDefault(d => string.Equals(d.Name, column, StringComparison.OrdinalIgnoreCase)) is not { } entry)
        {
            return;
        }

        var tests = consumers.Head.ConsumersOf(node.Id)
            .Where(c => c.Asset.Type == AssetType.Test && string.Equals(c.Edge.Column, column, StringComparison.OrdinalIgnoreCase))
            .Select(c => c.Asset.Id)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var where = entry.Line > 0 ? $"{yaml}:{entry.Line}" : yaml;
        var reason = tests.Count > 0
            ? $"{where} still declares {column} ({what}): its data tests will fail ({string.Join(", ", tests)}); rename or remove the entry"
            : $"{where} still documents {column} ({what}): the docs are stale; rename or remove the entry";
        var acc = Accumulate(node);
        acc.Add(new Hit(tests.Count > 0 ? Severity.Breaking : Severity.Info, column, mark.Path, reason, mark.Asset, false, mark.Cause, null) { Note = true });
        acc.References.Add(new ColumnReference(column, yaml, entry.Line));
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
    private void Published(string asset, string column, string what, string path, string cause)
    {
        if (consumers.Head.Find(asset) is not { } node || !(node.Traits.Contracted || node.Traits.Access == "public"))
        {
            return;
        }

        var why = node.Traits.Contracted ? "has an enforced contract" : "is access: public";
        Accumulate(node).Add(new Hit(Severity.Breaking, column, path, $"{node.Id} {why}: consumers outside this project read {column}, {what}", asset, false, cause, null));
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
    private sealed record Mark(string Asset, string? Column, Severity Severity, string Path, string Reason, string Cause, string? BrokenAt = null)
    {
        /// <summary>The column is gone at head (see <see cref="ImpactWalk.Gone"/>): renamed to <see cref="NewName"/>, or removed.</summary>
        public bool Gone { get; init; }

        public string? NewName { get; init; }
    }
}
