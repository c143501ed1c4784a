using System.Collections.Immutable;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt.Jinja;

/// <summary>
/// The outcome of rendering one template. <see cref="IsComplete"/> is false when something was replaced by a
/// placeholder or guessed (unknown macro, undecidable condition); the lineage edges seen are still all recorded.
/// <see cref="SourceMap"/> leads positions in <see cref="Sql"/> back to the template's lines.
/// </summary>
public sealed record JinjaRenderResult(
    string Sql,
    ImmutableArray<DbtRef> Refs,
    ImmutableArray<DbtSourceRef> Sources,
    DbtMap Config,
    ImmutableArray<StarMacro> StarMacros,
    bool HasIncrementalPredicate,
    ImmutableArray<string> IncrementalPredicates,
    ImmutableArray<JinjaBlock> Blocks,
    bool IsComplete,
    ImmutableArray<FileDiagnostic> Diagnostics)
{
    public SourceMap SourceMap { get; init; } = SourceMap.Identity;

    /// <summary>The template (or a macro it called) read dbt's <c>graph</c>: its output depends on the whole project.</summary>
    public bool UsesGraph { get; init; }

    /// <summary>
    /// This project's relations (<c>__ref__.orders</c>) whose columns <c>adapter.get_columns_in_relation</c> asked for
    /// and no one knew: the answer needs the warehouse, or that node bound first.
    /// </summary>
    public ImmutableArray<string> ColumnsAsked { get; init; } = [];
}
