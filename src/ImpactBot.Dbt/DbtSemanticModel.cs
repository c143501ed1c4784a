using System.Collections.Immutable;

namespace ImpactBot.Dbt;

public enum SemanticFieldKind
{
    Entity,
    Dimension,
    Measure,
}

/// <summary>
/// An entity, dimension or measure. <see cref="Columns"/> are the model columns it reads: its <c>expr</c> when that is a
/// plain column name, the identifiers of a SQL <c>expr</c> otherwise, or its name when it has no <c>expr</c>.
/// </summary>
public sealed record SemanticField(SemanticFieldKind Kind, string Name, string? Type, string? Expr, ImmutableArray<string> Columns, int Line);

/// <summary>A MetricFlow semantic model over one dbt model.</summary>
public sealed record DbtSemanticModel(string Name, DbtRef? Model, ImmutableArray<SemanticField> Fields, string Path, int Line);

/// <summary>A metric; <see cref="Measures"/> and <see cref="InputMetrics"/> come from its <c>type_params</c>.</summary>
public sealed record DbtMetric(string Name, string? Type, ImmutableArray<string> Measures, ImmutableArray<string> InputMetrics, string Path, int Line);
