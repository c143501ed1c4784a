namespace ImpactBot.Sql.Lineage;

/// <summary>
/// How much work binding one statement may take before it stops with a <c>budget-exceeded</c> diagnostic (the model then
/// falls back to model-level lineage): syntax nodes visited, source edges built, and wall time. The node and edge limits
/// scale with the statement's length so flat statements of any size bind; blow-ups (re-expanded stars, CTE fan-out,
/// paths growing through recursion) still stop. The time limit is the last line of defence, the counters are the
/// deterministic one.
/// </summary>
public sealed record LineageBudget
{
    public static LineageBudget Default { get; } = new();

    /// <summary>Nodes any statement may visit, however short.</summary>
    public int MinNodes { get; init; } = 200_000;

    public int NodesPerCharacter { get; init; } = 4;

    /// <summary>Source edges any statement may build, however short.</summary>
    public int MinEdges { get; init; } = 2_000_000;

    public int EdgesPerCharacter { get; init; } = 20;

    /// <summary>Wall time of one bind; <see cref="TimeSpan.Zero"/> or less: no limit.</summary>
    public TimeSpan Time { get; init; } = TimeSpan.FromSeconds(5);

    internal int NodesFor(int length) => (int)Math.Min(int.MaxValue, Math.Max(MinNodes, (long)length * NodesPerCharacter));

    internal int EdgesFor(int length) => (int)Math.Min(int.MaxValue, Math.Max(MinEdges, (long)length * EdgesPerCharacter));
}
