using System.Collections.Immutable;
using ImpactBot.Core.Owners;

namespace ImpactBot.Dbt;

/// <summary>One table of a dbt source (<c>source('stripe', 'payments')</c>); its asset name is <c>stripe.payments</c>.</summary>
public sealed record DbtSource
{
    /// <summary>The asset name of a source table, <c>source.table</c>: what refs to it and checks for it compare.</summary>
    public static string AssetName(string sourceName, string tableName) => $"{sourceName}.{tableName}";

    /// <summary><c>source.&lt;project&gt;.&lt;source&gt;.&lt;table&gt;</c>.</summary>
    public required string UniqueId { get; init; }

    public required string SourceName { get; init; }

    public required string Name { get; init; }

    public string? Identifier { get; init; }

    public string? Schema { get; init; }

    public string? Database { get; init; }

    public string? Description { get; init; }

    public string? LoadedAtField { get; init; }

    public ImmutableArray<DbtColumn> Columns { get; init; } = [];

    /// <summary>catalog.json lists this table: <see cref="Columns"/> are all of its columns, not only those YAML documents.</summary>
    public bool ColumnsFromCatalog { get; init; }

    public DbtMap Meta { get; init; } = DbtMap.Empty;

    public ImmutableArray<string> Tags { get; init; } = [];

    public required string Path { get; init; }

    public int Line { get; init; }

    public ImmutableArray<AssetOwner> Owners { get; init; } = [];

    public string? RelationName { get; init; }
}
