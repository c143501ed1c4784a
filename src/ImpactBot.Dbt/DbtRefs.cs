using System.Collections.Immutable;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt;

/// <summary>A <c>ref()</c> seen in a model. <see cref="Line"/> is 1-based in the model's file (0 when from a manifest).</summary>
public sealed record DbtRef(string Name, string? Package, string? Version, int Line)
{
    /// <summary>The relation name the renderer writes: <c>__ref__.orders</c>, or <c>__ref__.orders_v2</c> when versioned.</summary>
    public string RelationName => Version is null ? $"{RelationPrefix}{Name}" : $"{RelationPrefix}{Name}_v{Version}";

    public const string RelationPrefix = "__ref__.";
}

/// <summary>
/// <c>{{ this }}</c>: a model's own table as the warehouse has it, named per model so that what one model reads of its
/// own table is never taken for another's.
/// </summary>
public static class DbtThis
{
    public const string RelationPrefix = "__this__.";

    /// <summary>The relation name the renderer writes for the model's own table; <c>__this__</c> alone outside a model.</summary>
    public static string RelationName(string model) => model.Length == 0 ? "__this__" : RelationPrefix + model;
}

/// <summary>A <c>source()</c> seen in a model; renders as <c>__source__.source_name.table_name</c>.</summary>
public sealed record DbtSourceRef(string SourceName, string TableName, int Line)
{
    public string RelationName => $"{RelationPrefix}{SourceName}.{TableName}";

    public const string RelationPrefix = "__source__.";
}

/// <summary>
/// A <c>dbt_utils.star()</c> call. It renders as <c>*</c> (or <c>alias.*</c>); the star's columns are the upstream
/// relation's outputs minus <see cref="Except"/>, to be expanded by whoever knows that relation's columns.
/// </summary>
public sealed record StarMacro(DbtRef? Ref, DbtSourceRef? Source, ImmutableArray<string> Except, string? RelationAlias, int Line);

/// <summary>A named Jinja block such as <c>{% snapshot name %}</c>, with its rendered body (trimmed) and that body's source map.</summary>
public sealed record JinjaBlock(string Kind, string Name, string Sql, int Line)
{
    public SourceMap SourceMap { get; init; } = SourceMap.Identity;
}
