using System.Collections.Immutable;

namespace ImpactBot.Dbt.Yaml;

/// <summary>
/// What a properties YAML file says about a model, seed or snapshot, applied to the node found by name.
/// <see cref="Meta"/> is the top-level <c>meta</c>; <see cref="Config"/> the <c>config:</c> block plus top-level config keys.
/// </summary>
internal sealed record NodePatch(
    string Name,
    string Path,
    int Line,
    string? Description,
    ImmutableArray<DbtColumn> Columns,
    DbtMap Meta,
    DbtMap Config,
    ImmutableArray<DbtDataTest> Tests,
    ImmutableArray<VersionPatch> Versions,
    string? LatestVersion,
    string? DeprecationDate,
    ReferenceParser.Reference Relation)
{
    /// <summary>The tests written on the node itself rather than under a column (they may still name a <c>column_name</c>).</summary>
    public IEnumerable<DbtDataTest> NodeTests => Tests.Where(t => !Columns.Any(c => c.Tests.Contains(t)));
}

/// <summary>One entry of a model's <c>versions:</c> list.</summary>
internal sealed record VersionPatch(
    string Version,
    string? DefinedIn,
    ImmutableArray<DbtColumn> Columns,
    ImmutableArray<string>? Include,
    ImmutableArray<string> Exclude,
    DbtMap Meta,
    DbtMap Config,
    string? DeprecationDate,
    int Line);
