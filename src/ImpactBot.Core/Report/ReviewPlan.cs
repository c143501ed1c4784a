using System.Collections.Immutable;
using ImpactBot.Core.Changes;
using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;

namespace ImpactBot.Core.Report;

/// <summary>
/// The report as a reviewer acts on it, shared by every renderer: one section per root cause (worst first), its items
/// ranked (breaking, consumers, values, info, tests last; direct readers before what they feed), assets stale only
/// because an upstream fails to build folded into that upstream's item, and who must act on what.
/// </summary>
public sealed record ReviewPlan(ImmutableArray<ReviewSection> Sections, ImmutableArray<OwnerRow> Owners, ImmutableArray<AssetChange> OwnersOnly)
{
    /// <summary>What could not be analysed, without the problems that are the breaking change itself (those go with their item).</summary>
    public ImmutableArray<FileDiagnostic> Problems { get; init; } = [];

    public IEnumerable<ReviewItem> Items => Sections.SelectMany(s => s.Items);

    public static ReviewPlan Build(ImpactReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var own = report.Impacts.Where(i => i.FoldedUnder is null).ToList();
        var byAsset = own.ToDictionary(i => i.Asset, StringComparer.OrdinalIgnoreCase);
        var folded = report.Impacts
            .Where(i => i.FoldedUnder is not null)
            .GroupBy(i => byAsset.ContainsKey(i.FoldedUnder!) ? i.FoldedUnder! : i.Asset, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);

        // A folded asset whose broken upstream has no item of its own (never expected) keeps an item: nothing goes unlisted.
        foreach (var (key, list) in folded.Where(f => !byAsset.ContainsKey(f.Key)).ToList())
        {
            own.AddRange(list);
            folded.Remove(key);
        }

        var failures = new HashSet<FileDiagnostic>();
        var items = own.Select(i => new ReviewItem(ReviewItem.KeyId(i.Cause, i), i.Cause, i, ReviewItem.ClassOf(i))
        {
            Folded = folded.TryGetValue(i.Asset, out var stale) && i.FoldedUnder is null ? [.. stale.OrderBy(Rank)] : [],
            Failures = [.. Failures(i, report.Diagnostics).Where(failures.Add)],
        }).ToList();
        var titles = Titles(report.Changes);
        var changeOrder = report.Changes.Select((c, n) => (c.Asset, n)).GroupBy(p => p.Asset, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().n, StringComparer.OrdinalIgnoreCase);
        var sections = items
            .GroupBy(i => i.Cause, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var (change, title) = titles.GetValueOrDefault(g.Key.ToUpperInvariant(), (null, g.Key));
                return new ReviewSection(g.Key, change, title, [.. g.OrderBy(i => i.Class).ThenBy(i => i.Impact.Distance).ThenBy(i => i.Impact.Order).ThenBy(i => i.Asset, StringComparer.OrdinalIgnoreCase)]);
            })
            .OrderByDescending(s => s.Worst)
            .ThenBy(s => s.Items.Min(i => i.Class))
            .ThenByDescending(s => s.Affected)
            .ThenBy(s => s.Change is null ? int.MaxValue : changeOrder.GetValueOrDefault(s.Change.Asset))
            .ThenBy(s => s.Cause, StringComparer.OrdinalIgnoreCase)
            .ToImmutableArray();
        return new ReviewPlan(sections, OwnerRows(sections), [.. report.Changes.Where(c => c.Kind == AssetChangeKind.OwnersOnly)])
        {
            Problems = [.. report.Diagnostics.Where(d => !failures.Contains(d))],
        };
    }

    /// <summary>
    /// A breaking reader's own "column X is not found" problems on a removed or renamed column it reads: that is what dbt
    /// will fail on, so it is shown with the item rather than as something the tool could not analyse.
    /// </summary>
    private static IEnumerable<FileDiagnostic> Failures(AssetImpact impact, ImmutableArray<FileDiagnostic> diagnostics)
    {
        if (impact.Severity != Severity.Breaking || impact.FilePath is null)
        {
            return [];
        }

        var columns = impact.References.Select(r => r.Column).ToList();
        return diagnostics.Where(d => d.Path == impact.FilePath
            && d.Code.StartsWith("unresolved", StringComparison.Ordinal)
            && columns.Any(c => d.Message.Contains(c, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Folded assets: consumers first, tests last, nearest first.</summary>
    private static (int, int, int) Rank(AssetImpact impact) =>
        (impact.Type == AssetType.Test ? 2 : ReviewItem.IsConsumer(impact) ? 0 : 1, impact.Distance, impact.Order);

    /// <summary>The section title of each root cause: <c>ASSET.COLUMN</c> for column changes, <c>ASSET</c> for the rest.</summary>
    private static Dictionary<string, (AssetChange?, string)> Titles(ImmutableArray<AssetChange> changes)
    {
        var titles = new Dictionary<string, (AssetChange?, string)>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            foreach (var column in change.Columns)
            {
                titles.TryAdd($"{change.Asset}.{column.Name}".ToUpperInvariant(), (change, $"{change.Type.ToName()} {change.Asset}: {ChangeText.Describe(column, c => c)}"));
            }

            var rows = change.Rows.Where(r => r != RowChangeKind.Materialization).Select(r => r.Label()).ToList();
            var what = change.Kind switch
            {
                AssetChangeKind.Removed => "removed",
                AssetChangeKind.Renamed => $"renamed to {change.RenamedTo}",
                AssetChangeKind.DocsOnly => "documentation changed",
                _ when rows.Count > 0 => $"rows changed ({string.Join(", ", rows)})",
                _ => ChangeText.Summary(change, c => c),
            };
            titles.TryAdd(change.Asset.ToUpperInvariant(), (change, $"{change.Type.ToName()} {change.Asset}: {what}"));
        }

        return titles;
    }

    /// <summary>
    /// One row per set of owners with the same items: 12 CODEOWNERS people on the same items are one row, and each owner is
    /// named once. Owners of consumers stale through a broken item are told too. Rows with breaking items come first.
    /// </summary>
    private static ImmutableArray<OwnerRow> OwnerRows(ImmutableArray<ReviewSection> sections)
    {
        var items = new Dictionary<string, List<ReviewItem>>(StringComparer.OrdinalIgnoreCase);
        var stale = new Dictionary<string, List<(ReviewItem, string)>>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        void Track(string owner)
        {
            if (!items.ContainsKey(owner))
            {
                items[owner] = [];
                stale[owner] = [];
                order.Add(owner);
            }
        }

        foreach (var item in sections.SelectMany(s => s.Items).OrderBy(i => i.Class))
        {
            foreach (var owner in item.Owners)
            {
                Track(owner);
                items[owner].Add(item);
            }

            foreach (var consumer in item.Folded.Where(ReviewItem.IsConsumer))
            {
                foreach (var owner in consumer.Owners)
                {
                    Track(owner);
                    stale[owner].Add((item, consumer.Asset));
                }
            }
        }

        return
        [
            .. order
                .GroupBy(o => string.Join('\n', items[o].Select(i => i.Id)) + "\t" + string.Join('\n', stale[o].Select(s => s.Item2)), StringComparer.Ordinal)
                .Select(g => new OwnerRow([.. g], [.. items[g.First()]], [.. stale[g.First()]]))
                .OrderBy(r => r.Items.Concat(r.Stale.Select(s => s.Item)).Select(i => i.Class).DefaultIfEmpty(ItemClass.Test).Min())
                .ThenByDescending(r => r.Items.Length + r.Stale.Length),
        ];
    }
}
