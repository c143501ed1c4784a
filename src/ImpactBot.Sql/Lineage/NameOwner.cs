namespace ImpactBot.Sql.Lineage;

/// <summary>
/// The FROM item (by alias) an ambiguous name of a query shape belongs to, as another query of the same shape binds it
/// on known columns: <see cref="Witness"/> names that query's asset.
/// </summary>
public sealed record NameOwner(string Source, string Witness);
