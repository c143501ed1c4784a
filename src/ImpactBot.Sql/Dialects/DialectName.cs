namespace ImpactBot.Sql.Dialects;

/// <summary>
/// A name users write for a dialect (<c>--dialect</c>, <c>dialect:</c> in .impactbot.yml, a profile's <c>type</c>, a
/// manifest's <c>adapter_type</c>) and the dialect it is read as.
/// </summary>
/// <param name="Note">Set when the name has no dialect of its own and is read as the closest one: what may be lost.</param>
public sealed record DialectName(string Name, SqlDialect Dialect, string? Note = null);
