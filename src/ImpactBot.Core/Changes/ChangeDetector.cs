using System.Collections.Immutable;
using ImpactBot.Core.Graph;

namespace ImpactBot.Core.Changes;

/// <summary>
/// Compares base and head graphs asset by asset on resolved fingerprints, not text: an edit that only moves code around
/// (formatting, comments, keyword case, CTE renames with the same lineage) yields no change.
/// </summary>
public static class ChangeDetector
{
    public static ImmutableArray<AssetChange> Detect(LineageGraph baseGraph, LineageGraph headGraph, IReadOnlyCollection<string> changedPaths)
    {
        ArgumentNullException.ThrowIfNull(baseGraph);
        ArgumentNullException.ThrowIfNull(headGraph);
        ArgumentNullException.ThrowIfNull(changedPaths);
        var changes = ImmutableArray.CreateBuilder<AssetChange>();
        var removed = baseGraph.Assets.Where(a => IsTracked(a) && headGraph.Find(a.Id) is null).ToList();
        var added = headGraph.Assets.Where(a => IsTracked(a) && baseGraph.Find(a.Id) is null).ToList();

        foreach (var old in removed)
        {
            var renamed = added.FirstOrDefault(a => a.Type == old.Type && a.BodyHash.Length > 0 && a.BodyHash == old.BodyHash);
            if (renamed is not null)
            {
                added.Remove(renamed);
                changes.Add(new AssetChange(old.Id, old.Type, AssetChangeKind.Renamed)
                {
                    Path = renamed.Path,
                    RenamedTo = renamed.Id,
                    Reasons = [$"renamed: same SQL now defines {renamed.Id}" + (renamed.Path != old.Path ? $" ({old.Path} -> {renamed.Path})" : "")],
                });
            }
            else
            {
                changes.Add(new AssetChange(old.Id, old.Type, AssetChangeKind.Removed) { Path = old.Path, Reasons = [$"removed ({old.Path ?? old.Id})"] });
            }
        }

        // Upstream first, so a reader's columns are compared knowing which upstream columns were renamed.
        var renames = new ColumnRenames();
        foreach (var head in headGraph.Assets)
        {
            if (baseGraph.Find(head.Id) is { } old && IsTracked(head))
            {
                if (Compare(old, head, changedPaths, renames) is { } change)
                {
                    changes.Add(change);
                    renames.Record(change);
                }

                renames.Derive(old, head);
            }
        }

        changes.AddRange(added.Select(a => new AssetChange(a.Id, a.Type, AssetChangeKind.Added)
        {
            Path = a.Path,
            Columns = [.. a.Columns.Select(c => new ColumnChange(c.Name, ColumnChangeKind.Added))],
            Reasons = [$"added ({a.Path ?? a.Id})"],
        }));
        return changes.ToImmutable();
    }

    private static bool IsTracked(AssetNode asset) => asset.Type is not AssetType.Relation;

    /// <summary>A model whose code the lineage cannot read (Python): its body hash is the code's, its columns are declared.</summary>
    private static bool IsOpaque(AssetNode asset) => asset.Type == AssetType.Model && asset.Traits.Kind == AssetTraits.PythonKind;

    private static string OpaqueReason(AssetNode head, bool codeChanged, ImmutableArray<ColumnChange> columns) => (codeChanged, columns.IsEmpty) switch
    {
        (true, true) => $"Python code changed ({head.Path})",
        (true, false) => $"Python code and its declared columns changed ({head.Path})",
        _ => $"declared columns changed in YAML ({head.Path} is a Python model)",
    };

    private static AssetChange? Compare(AssetNode old, AssetNode head, IReadOnlyCollection<string> changedPaths, ColumnRenames renames)
    {
        // A SQL asset whose rendered body is unchanged only differs because an upstream did: that is impact, not change.
        // An opaque model's columns come from YAML, never from upstream, so any difference in them is its own.
        var bodyChanged = old.BodyHash != head.BodyHash;
        var opaque = IsOpaque(head);
        var direct = bodyChanged || head.BodyHash.Length == 0 || opaque;
        var columns = direct ? ColumnDiff.Compare(old, head, renames) : [];
        var rows = RowDiff(old, head, direct);
        if (opaque && bodyChanged)
        {
            rows = rows.Insert(0, RowChangeKind.Code);
        }

        var docsChanged = old.DocsHash != head.DocsHash;
        var ownersChanged = !old.Owners.SequenceEqual(head.Owners);
        if (columns.IsEmpty && rows.IsEmpty && !docsChanged)
        {
            return ownersChanged
                ? new AssetChange(head.Id, head.Type, AssetChangeKind.OwnersOnly) { Path = head.Path, Reasons = [$"owners: {Owners(old)} -> {Owners(head)}"] }
                : null;
        }

        var reasons = ImmutableArray.CreateBuilder<string>();
        if (!columns.IsEmpty || rows.Any(r => r is not (RowChangeKind.Materialization or RowChangeKind.IncrementalFilter)))
        {
            reasons.Add(opaque ? OpaqueReason(head, bodyChanged, columns) : BodyReason(head, bodyChanged, changedPaths));
        }

        if (rows.Contains(RowChangeKind.IncrementalFilter))
        {
            reasons.Add("its `is_incremental()` branch changed: incremental runs add other rows than before (a full refresh does not)");
        }

        if (rows.Contains(RowChangeKind.Materialization))
        {
            reasons.Add($"config: materialized {old.Traits.Materialization ?? "default"} -> {head.Traits.Materialization ?? "default"}");
        }

        if (docsChanged)
        {
            reasons.Add(ownersChanged ? "YAML: documentation, tests or owners changed" : "YAML: documentation or tests changed");
        }

        var kind = columns.IsEmpty && rows.IsEmpty ? AssetChangeKind.DocsOnly : AssetChangeKind.Modified;
        return new AssetChange(head.Id, head.Type, kind)
        {
            Path = head.Path,
            Columns = columns,
            Rows = rows,
            Reasons = reasons.ToImmutable(),
            MaterializationFrom = old.Traits.Materialization,
            MaterializationTo = head.Traits.Materialization,
            FollowUps = FollowUps(head, columns),
        };
    }

    private static string Owners(AssetNode asset) => asset.Owners.IsEmpty ? "none" : string.Join(" ", asset.Owners);

    private static ImmutableArray<string> FollowUps(AssetNode head, ImmutableArray<ColumnChange> columns)
    {
        var breaking = columns.Where(c => c.Kind is ColumnChangeKind.Removed or ColumnChangeKind.Renamed or ColumnChangeKind.Type).ToList();
        if (breaking.Count == 0 || !(head.Traits.Contracted || head.Traits.Access == "public"))
        {
            return [];
        }

        var why = head.Traits.Contracted ? "has an enforced contract" : "is `access: public`";
        return [$"{head.Id} {why}: add a new model version (versions: with deprecation_date on the old one) instead of changing {string.Join(", ", breaking.Select(c => c.Name))} in place"];
    }

    private static string BodyReason(AssetNode head, bool bodyChanged, IReadOnlyCollection<string> changedPaths)
    {
        // No body: the columns are declared (YAML, a seed's header, a plain SQL table's DDL).
        if (head.Type is AssetType.Source or AssetType.Seed || head.BodyHash.Length == 0)
        {
            return $"declared columns changed ({head.Path})";
        }

        if (head.Path is not null && changedPaths.Contains(head.Path))
        {
            return $"SQL body changed ({head.Path})";
        }

        var culprits = changedPaths.Where(p => p.EndsWith(".sql", StringComparison.OrdinalIgnoreCase) && p.Contains("macro", StringComparison.OrdinalIgnoreCase)
            || p.EndsWith("dbt_project.yml", StringComparison.Ordinal)).Take(3).ToList();
        return culprits.Count > 0
            ? $"rendered SQL changed without an edit to {head.Path}: a macro or var it uses changed ({string.Join(", ", culprits)})"
            : $"rendered SQL changed without an edit to {head.Path} (a macro, var or config it uses)";
    }

    private static ImmutableArray<RowChangeKind> RowDiff(AssetNode old, AssetNode head, bool direct)
    {
        var rows = ImmutableArray.CreateBuilder<RowChangeKind>();
        if (!direct)
        {
            if (old.Traits.IncrementalFilter != head.Traits.IncrementalFilter)
            {
                rows.Add(RowChangeKind.IncrementalFilter);
            }

            if (old.Traits.Materialization != head.Traits.Materialization)
            {
                rows.Add(RowChangeKind.Materialization);
            }

            return rows.ToImmutable();
        }

        if (old.Clauses.Filter != head.Clauses.Filter)
        {
            rows.Add(RowChangeKind.Filter);
        }

        if (old.Clauses.Join != head.Clauses.Join)
        {
            rows.Add(RowChangeKind.Join);
        }

        if (old.Clauses.Grain != head.Clauses.Grain)
        {
            rows.Add(RowChangeKind.Grain);
        }

        if (old.Clauses.Sources != head.Clauses.Sources)
        {
            rows.Add(RowChangeKind.Source);
        }

        if (old.Clauses.Limit != head.Clauses.Limit)
        {
            rows.Add(RowChangeKind.Limit);
        }

        if (old.Traits.IncrementalFilter != head.Traits.IncrementalFilter)
        {
            rows.Add(RowChangeKind.IncrementalFilter);
        }

        if (old.Traits.Materialization != head.Traits.Materialization)
        {
            rows.Add(RowChangeKind.Materialization);
        }

        return rows.ToImmutable();
    }
}
