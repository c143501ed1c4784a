namespace ImpactBot.Sql.Lineage;

/// <summary>
/// An unqualified name read in a SELECT of several FROM items, keyed by the shape of that SELECT (the name, the FROM items'
/// aliases in order, the SELECT's output names), so the same code elsewhere in a project meets the same key.
/// <see cref="Source"/> is the alias of the FROM item that known columns bind it to; null when the name is ambiguous
/// between items whose columns are unknown (the question another query of the same shape may answer).
/// </summary>
public sealed record NameShape(string Key, string? Source);
