namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>A source edge while binding: the working form of <see cref="ColumnSource"/>, cheap to copy and compare.</summary>
internal readonly record struct Edge(string Table, string Column, EdgeKind Kind, string? Path = null)
{
    public bool Inferred { get; init; }

    public bool Candidate { get; init; }

    /// <summary>The edge as seen through one more hop of kind <paramref name="outer"/>.</summary>
    public Edge Through(EdgeKind outer) => this with { Kind = EdgeComposition.Compose(outer, Kind) };

    public ColumnSource ToSource() => new(Table, Column, Kind) { Inferred = Inferred, Candidate = Candidate, Path = Path };
}
