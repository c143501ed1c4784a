using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>The CTEs visible at a point, innermost first (a linked list, so nested WITH clauses share their parents').</summary>
internal sealed class CteEnv(CteEnv? parent, Identifier name, Relation relation)
{
    public CteEnv? Parent { get; } = parent;

    public Identifier Name { get; } = name;

    public Relation Relation { get; set; } = relation;

    /// <summary>A dbt ephemeral model injected as <c>__dbt__cte__name</c>: referenced as its model, not inlined.</summary>
    public string? ModelName { get; init; }

    /// <summary>What binding the CTE reported; it counts only once the CTE is used, so an unused CTE cannot degrade the result.</summary>
    public List<Text.Diagnostic> Diagnostics { get; } = [];

    public bool Partial { get; set; }

    public bool Used { get; set; }
}
