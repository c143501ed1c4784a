namespace ImpactBot.Sql.Lineage;

/// <summary>What binding a statement cost: syntax nodes visited and source edges built (for budgets, tests and benchmarks).</summary>
public readonly record struct LineageWork(long Nodes, long Edges)
{
    public static LineageWork operator +(LineageWork a, LineageWork b) => new(a.Nodes + b.Nodes, a.Edges + b.Edges);
}
