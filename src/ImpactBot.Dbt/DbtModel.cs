using System.Collections.Immutable;
using ImpactBot.Core.Files;
using ImpactBot.Core.Owners;

namespace ImpactBot.Dbt;

/// <summary>
/// A dbt model (one per version for versioned models), or an object created by a plain SQL file. <see cref="RenderedSql"/>
/// names relations by convention (<c>__ref__.x</c>, <c>__source__.s.t</c>, <c>__this__.x</c>): resolve them with
/// <see cref="DbtProject.RelationIndex"/>.
/// </summary>
public sealed record DbtModel
{
    /// <summary><c>model.&lt;project&gt;.&lt;name&gt;</c> (versioned: <c>.v2</c> appended); <c>sql.&lt;name&gt;</c> for plain SQL.</summary>
    public required string UniqueId { get; init; }

    public required string Name { get; init; }

    public string? Version { get; init; }

    public bool IsLatestVersion { get; init; } = true;

    /// <summary>Repository-relative path of the SQL file ('' when the node comes only from a manifest).</summary>
    public required string Path { get; init; }

    public const string Python = "python";

    /// <summary>A plain SQL table created by DDL alone: its <see cref="Columns"/> are declared, there is no query.</summary>
    public const string Ddl = "ddl";

    /// <summary>A plain SQL procedure (or function that is not one query): model-level lineage from <see cref="DependsOn"/>.</summary>
    public const string Routine = "routine";

    /// <summary>
    /// dbt's <c>language</c>: <c>sql</c>, or <c>python</c> for a Python model (no SQL: model-level lineage only); for plain
    /// SQL objects also <see cref="Ddl"/> and <see cref="Routine"/>.
    /// </summary>
    public string Language { get; init; } = "sql";

    /// <summary>The file's text (SQL with Jinja, or Python code).</summary>
    public string RawSql { get; init; } = "";

    public string RenderedSql { get; init; } = "";

    /// <summary>Leads line:column positions in <see cref="RenderedSql"/> back to the lines of the file.</summary>
    public SourceMap SourceMap { get; init; } = SourceMap.Identity;

    /// <summary>sha256 (hex, lower case) of the file text, comparable to the manifest checksum.</summary>
    public string ContentHash { get; init; } = "";

    public string Materialization { get; init; } = "view";

    public string? Alias { get; init; }

    public string? Schema { get; init; }

    public string? Database { get; init; }

    public bool Enabled { get; init; } = true;

    public ImmutableArray<string> UniqueKey { get; init; } = [];

    public string? IncrementalStrategy { get; init; }

    /// <summary>
    /// The model calls <c>is_incremental()</c>; <see cref="IncrementalPredicates"/> holds what its <c>is_incremental()</c>
    /// branches render to on an incremental run (the SQL itself is rendered as a first build).
    /// </summary>
    public bool IsIncremental { get; init; }

    public ImmutableArray<string> IncrementalPredicates { get; init; } = [];

    public string? Access { get; init; }

    public bool Contracted { get; init; }

    public string? Group { get; init; }

    public string? DeprecationDate { get; init; }

    public string? Description { get; init; }

    /// <summary>The YAML file that describes the model, if any.</summary>
    public string? PatchPath { get; init; }

    public ImmutableArray<DbtColumn> Columns { get; init; } = [];

    /// <summary><see cref="Columns"/> are the table's as <c>catalog.json</c> lists them: all of them, not only those documented.</summary>
    public bool ColumnsFromCatalog { get; init; }

    public DbtMap Meta { get; init; } = DbtMap.Empty;

    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>Every config value in effect (project folders, then YAML, then the SQL <c>config()</c> call).</summary>
    public DbtMap Config { get; init; } = DbtMap.Empty;

    public ImmutableArray<DbtRef> Refs { get; init; } = [];

    public ImmutableArray<DbtSourceRef> Sources { get; init; } = [];

    public ImmutableArray<StarMacro> StarMacros { get; init; } = [];

    public RenderStatus RenderStatus { get; init; } = RenderStatus.Complete;

    /// <summary>Rendering read dbt's <c>graph</c>, so any other node's YAML or files may change this model's SQL.</summary>
    public bool UsesGraph { get; init; }

    /// <summary>This project's relations whose columns rendering asked for and did not get (<see cref="Jinja.JinjaRenderResult.ColumnsAsked"/>).</summary>
    public ImmutableArray<string> ColumnsAsked { get; init; } = [];

    /// <summary>Rendered again with the columns of other nodes as bound, so their SQL may change this model's SQL.</summary>
    public bool ReadsProjectColumns { get; init; }

    public ImmutableArray<FileDiagnostic> Diagnostics { get; init; } = [];

    public ImmutableArray<AssetOwner> Owners { get; init; } = [];

    /// <summary>The warehouse relation from a manifest (<c>"db"."schema"."name"</c>), when known.</summary>
    public string? RelationName { get; init; }

    /// <summary>Unique ids this node depends on, from a manifest's <c>depends_on.nodes</c> (empty when read from files).</summary>
    public ImmutableArray<string> DependsOn { get; init; } = [];

    /// <summary>True when <see cref="RenderedSql"/> is the manifest's compiled SQL (relations rewritten to the convention).</summary>
    public bool FromManifest { get; init; }

    /// <summary>The dialect <see cref="RenderedSql"/> is written in when not the project's: the SQL the manifest's adapter compiled.</summary>
    public Sql.Dialects.SqlDialect? SqlDialect { get; init; }
}
