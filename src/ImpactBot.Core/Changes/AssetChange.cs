using System.Collections.Immutable;
using ImpactBot.Core.Graph;

namespace ImpactBot.Core.Changes;

/// <summary>
/// One asset that changed between base and head, what changed in it, and <see cref="Reasons"/>: why it counts as changed
/// (SQL body, config, a macro or var it uses, YAML), so nobody has to guess.
/// </summary>
public sealed record AssetChange(string Asset, AssetType Type, AssetChangeKind Kind)
{
    public string? Path { get; init; }

    public string? RenamedTo { get; init; }

    public ImmutableArray<ColumnChange> Columns { get; init; } = [];

    public ImmutableArray<RowChangeKind> Rows { get; init; } = [];

    public ImmutableArray<string> Reasons { get; init; } = [];

    /// <summary>What the author should do besides merging (e.g. version a contracted model instead of editing it).</summary>
    public ImmutableArray<string> FollowUps { get; init; } = [];

    public string? MaterializationFrom { get; init; }

    public string? MaterializationTo { get; init; }
}
