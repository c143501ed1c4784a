namespace ImpactBot.Sql.Lineage;

/// <summary>
/// One edge from an upstream column to an output column (or to the query's row set).
/// <see cref="Table"/> is the table as written in the query, all parts joined by dots; <see cref="Column"/> is spelled as the
/// source defines it (the schema's spelling when known), or <c>*</c> for an unexpanded star.
/// </summary>
public sealed record ColumnSource(string Table, string Column, EdgeKind Kind)
{
    /// <summary>Resolved only because a single source had an unknown schema (sqlglot's infer_schema).</summary>
    public bool Inferred { get; init; }

    /// <summary>One of several possible sources of an ambiguous name; never picked silently.</summary>
    public bool Candidate { get; init; }

    /// <summary>The struct or JSON path below the physical column (<c>address.city</c>), when the expression reads a field.</summary>
    public string? Path { get; init; }
}
