using ImpactBot.Sql.Lineage;

namespace ImpactBot.Core.Graph;

/// <summary>
/// An edge from an upstream asset's column to a column (or the row set) of the asset that holds it.
/// <see cref="Column"/> is <c>*</c> when the consumer reads the upstream through a star nobody could expand.
/// <see cref="Line"/> is where the reference sits in the consumer's file, when known.
/// </summary>
public sealed record ColumnEdge(string Asset, string Column, EdgeKind Kind)
{
    public int Line { get; init; }

    public bool IsWildcard => Column == "*";
}
