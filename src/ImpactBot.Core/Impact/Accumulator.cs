using ImpactBot.Core.Graph;

namespace ImpactBot.Core.Impact;

/// <summary>
/// Collects every hit on one affected asset. An asset downstream of an upstream that fails to build is stale until that is
/// fixed, whatever else changed above it: unless it breaks itself, it is folded under the first such upstream. Otherwise
/// the worst direct hit (the first of equals) decides its severity, cause, path and reason.
/// </summary>
internal sealed class Accumulator(AssetNode node)
{
    private readonly List<Hit> _hits = [];

    public AssetNode Node => node;

    public List<ColumnReference> References { get; } = [];

    public void Add(Hit hit) => _hits.Add(hit);

    public AssetImpact ToImpact(int order)
    {
        var direct = _hits.Where(h => h.BrokenAt is null).ToList();
        var folded = !direct.Any(h => h.Severity == Severity.Breaking) && direct.Count < _hits.Count;
        var deciding = folded ? _hits.Where(h => h.BrokenAt is not null).ToList() : direct;
        var top = deciding.Aggregate((best, h) => h.Severity > best.Severity ? h : best);
        return new AssetImpact(node.Id, node.Type, top.Severity)
        {
            FilePath = node.Path,
            Columns = [.. deciding.Select(h => h.Column).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)],
            Path = top.Path,
            Reason = string.Join("; ", deciding.Where(h => h.Note && h != top).Select(h => h.Reason).Distinct().Prepend(top.Reason)),
            Via = [.. _hits.Select(h => h.Via).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)],
            Owners = node.Owners,
            References = [.. References.Distinct()],
            FollowUps = folded ? [] : FollowUps.For(node, top.Severity),
            ModelLevel = !deciding.Any(h => !h.ModelLevel),
            Order = order,
            Cause = top.Cause,
            FoldedUnder = folded ? top.BrokenAt : null,
            StaleThrough = [.. _hits.Select(h => h.BrokenAt).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)],
            Traits = node.Traits,
        };
    }
}
