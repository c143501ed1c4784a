using System.Collections.Immutable;

namespace ImpactBot.Dbt.Manifest;

/// <summary>One node or source of manifest.json, with the keys this reader uses (v7+ and older spellings).</summary>
internal sealed record ManifestNode
{
    public required string UniqueId { get; init; }

    public required string ResourceType { get; init; }

    public required string Name { get; init; }

    public string PackageName { get; init; } = "";

    public string? Version { get; init; }

    public string? LatestVersion { get; init; }

    public string OriginalFilePath { get; init; } = "";

    public string? RawCode { get; init; }

    public string? CompiledCode { get; init; }

    /// <summary><c>sql</c> or <c>python</c>: the compiled code of a Python model is Python, not SQL.</summary>
    public string Language { get; init; } = "sql";

    public string? Checksum { get; init; }

    public string? RelationName { get; init; }

    public ImmutableArray<string> DependsOn { get; init; } = [];

    public DbtMap Config { get; init; } = DbtMap.Empty;

    public DbtMap Meta { get; init; } = DbtMap.Empty;

    public ImmutableArray<DbtColumn> Columns { get; init; } = [];

    public string? Description { get; init; }

    public string? Database { get; init; }

    public string? Schema { get; init; }

    public string? Alias { get; init; }

    public string? Group { get; init; }

    public string? Access { get; init; }

    public string? DeprecationDate { get; init; }

    /// <summary>Sources only.</summary>
    public string? SourceName { get; init; }

    public string? Identifier { get; init; }

    /// <summary>The relation name the renderer's convention gives this node (<c>__ref__.x</c>, <c>__source__.s.t</c>).</summary>
    public string Placeholder => ResourceType == "source"
        ? $"{DbtSourceRef.RelationPrefix}{SourceName}.{Name}"
        : Version is null ? $"{DbtRef.RelationPrefix}{Name}" : $"{DbtRef.RelationPrefix}{Name}_v{Version}";
}
