using System.Collections.Immutable;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt;

/// <summary>Reports refs and sources that name nothing in the project (dbt would fail to compile them).</summary>
internal static class MissingReferences
{
    public static ImmutableArray<FileDiagnostic> Find(DbtProject project)
    {
        var names = project.Models.Select(m => m.Name).Concat(project.Seeds.Select(s => s.Name)).Concat(project.Snapshots.Select(s => s.Name))
            .ToHashSet(StringComparer.Ordinal);
        var sources = project.Sources.Select(s => DbtSource.AssetName(s.SourceName, s.Name)).ToHashSet(StringComparer.Ordinal);
        var nodes = project.Models.Select(m => (m.Path, m.Refs, m.Sources))
            .Concat(project.Snapshots.Select(s => (s.Path, s.Refs, s.Sources)))
            .Concat(project.Exposures.Select(e => (e.Path, e.Refs, e.Sources)));
        return Find(project.Name, names, sources, nodes);
    }

    /// <summary>The refs and sources of <paramref name="nodes"/> checked against known node names and source asset names.</summary>
    public static ImmutableArray<FileDiagnostic> Find(
        string projectName,
        IReadOnlySet<string> names,
        IReadOnlySet<string> sources,
        IEnumerable<(string Path, ImmutableArray<DbtRef> Refs, ImmutableArray<DbtSourceRef> Sources)> nodes)
    {
        var result = ImmutableArray.CreateBuilder<FileDiagnostic>();
        foreach (var (path, refs, sourceRefs) in nodes)
        {
            foreach (var r in refs.Where(r => (r.Package is null || r.Package == projectName) && !names.Contains(r.Name)))
            {
                result.Add(new FileDiagnostic("missing-ref", $"ref('{r.Name}') names no model, seed or snapshot of this project", path, r.Line, 0));
            }

            foreach (var s in sourceRefs.Where(s => !sources.Contains(DbtSource.AssetName(s.SourceName, s.TableName))))
            {
                result.Add(new FileDiagnostic("missing-source", $"source('{s.SourceName}', '{s.TableName}') is not declared in any YAML file", path, s.Line, 0));
            }
        }

        return result.ToImmutable();
    }
}
