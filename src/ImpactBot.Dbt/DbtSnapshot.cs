using System.Collections.Immutable;
using ImpactBot.Core.Files;
using ImpactBot.Core.Owners;

namespace ImpactBot.Dbt;

/// <summary>A snapshot: from a <c>{% snapshot %}</c> block in SQL, or defined in YAML with <c>relation:</c>.</summary>
public sealed record DbtSnapshot
{
    public required string UniqueId { get; init; }

    public required string Name { get; init; }

    public required string Path { get; init; }

    public string RawSql { get; init; } = "";

    /// <summary>The snapshot's select, with relations named by convention; for YAML snapshots <c>select * from</c> the relation.</summary>
    public string RenderedSql { get; init; } = "";

    /// <summary>Leads line:column positions in <see cref="RenderedSql"/> back to the lines of the file.</summary>
    public SourceMap SourceMap { get; init; } = SourceMap.Identity;

    public ImmutableArray<string> UniqueKey { get; init; } = [];

    public string? Strategy { get; init; }

    public string? UpdatedAt { get; init; }

    public ImmutableArray<string> CheckCols { get; init; } = [];

    public ImmutableArray<DbtRef> Refs { get; init; } = [];

    public ImmutableArray<DbtSourceRef> Sources { get; init; } = [];

    public ImmutableArray<StarMacro> StarMacros { get; init; } = [];

    public ImmutableArray<DbtColumn> Columns { get; init; } = [];

    public DbtMap Meta { get; init; } = DbtMap.Empty;

    public DbtMap Config { get; init; } = DbtMap.Empty;

    public string? Group { get; init; }

    public bool Enabled { get; init; } = true;

    public RenderStatus RenderStatus { get; init; } = RenderStatus.Complete;

    public ImmutableArray<FileDiagnostic> Diagnostics { get; init; } = [];

    public ImmutableArray<AssetOwner> Owners { get; init; } = [];
}
