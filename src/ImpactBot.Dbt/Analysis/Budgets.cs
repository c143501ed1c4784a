using ImpactBot.Sql.Lineage;

namespace ImpactBot.Dbt.Analysis;

/// <summary>
/// Limits on the work one input may cause, so that one model or file never stalls or sinks a run: past a limit, that
/// input stops with a diagnostic naming it and the rest of the report goes on. One record for every reader: a new limit
/// (YAML aliases and nesting, rendered size, loop iterations, artifact sizes) is one more property here, passed down
/// from <see cref="ProjectOptions.Budgets"/>.
/// </summary>
public sealed record Budgets
{
    public static Budgets Default { get; } = new();

    /// <summary>Binding one model's SQL (syntax nodes, source edges, wall time); past it the model's lineage is model level.</summary>
    public LineageBudget Lineage { get; init; } = LineageBudget.Default;
}
