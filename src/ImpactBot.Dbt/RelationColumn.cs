namespace ImpactBot.Dbt;

/// <summary>
/// A column of a relation as the warehouse would list it to <c>adapter.get_columns_in_relation</c>: its name, and its
/// type when known (catalog.json, a seed's inferred or configured type, a YAML <c>data_type</c>); null when unknown.
/// </summary>
public sealed record RelationColumn(string Name, string? DataType = null);
