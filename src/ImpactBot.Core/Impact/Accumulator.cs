using System.Collections.Immutable;
using ImpactBot.Core.Graph;

namespace ImpactBot.Core.Impact;

/// <summary>Collects every hit on one affected asset; the worst severity's first path and reason represent it.</summary>
internal sealed class Accumulator(AssetNode node)
{
    private readonly SortedSet<string> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedSet<string> _via = new(StringComparer.OrdinalIgnoreCase);
    private Severity _severity;
    private string _path = "";
    private string _reason = "";
    private bool _any;
    private bool _columnLevel;

    public AssetNode Node => node;

    public List<ColumnReference> References { get; } = [];

    public void Add(Severity severity, string? column, string path, string reason, string via, bool modelLevel)
    {
        if (!_any || severity > _severity)
        {
            _severity = severity;
            _path = path;
            _reason = reason;
        }

        _any = true;
        _columnLevel |= !modelLevel;
        _via.Add(via);
        if (column is not null)
        {
            _columns.Add(column);
        }
    }

    public AssetImpact ToImpact(int order) => new(node.Id, node.Type, _severity)
    {
        FilePath = node.Path,
        Columns = [.. _columns],
        Path = _path,
        Reason = _reason,
        Via = [.. _via],
        Owners = node.Owners,
        References = [.. References.Distinct()],
        FollowUps = FollowUps.For(node, _severity),
        ModelLevel = !_columnLevel,
        Order = order,
    };
}
