using System.Collections.Immutable;
using ImpactBot.Core.Graph;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Dbt.Analysis;

/// <summary>
/// <c>adapter.get_columns_in_relation</c> on this project's own nodes, answered as <c>dbt compile</c> does on a built
/// project: after a graph build, the models whose render asked for the columns of a node now bound are rendered again
/// with that node's output columns and the graph is built again (reusing every unchanged asset), until no answer is new.
/// A node answers when its columns are all known (no star left, none inferred, lineage not partial), else with the
/// columns its YAML declares, and only once nothing it reads waits for such an answer itself, so answers follow the
/// dependency order. A node without either still needs the warehouse.
/// </summary>
public static class ProjectColumns
{
    /// <summary>More rounds than any chain of models reading each other's columns needs; a bound on the work.</summary>
    public const int MaxRounds = 8;

    /// <summary>Some model's render asked for the columns of a project node no one knew, and rendering can be done again.</summary>
    public static bool Asked(DbtProject project) =>
        project?.RenderWithColumns is not null && project.Models.Any(m => !m.ColumnsAsked.IsEmpty);

    public static (GraphBuildResult Build, DbtProject Project) Answer(
        DbtProject project, GraphBuildResult build, string commit, DialectFacts dialect, LineageBudget? budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(build);
        if (!Asked(project) || project.RenderWithColumns is not { } render)
        {
            return (build, project);
        }

        var first = build;
        for (var round = 0; round < MaxRounds; round++)
        {
            var known = Known(project, build.Graph);
            var again = project.Models.Where(m => m.Enabled && m.ColumnsAsked.Any(known.ContainsKey)).ToList();
            if (again.Count == 0)
            {
                break;
            }

            var rendered = render(known, again).ToDictionary(m => m.UniqueId, StringComparer.Ordinal);
            project = project with { Models = [.. project.Models.Select(m => rendered.GetValueOrDefault(m.UniqueId) ?? m)] };
            var assets = ProjectAssets.From(project, dialect);
            build = GraphBuilder.Build(assets, commit, dialect, build.Graph, budget, cancellationToken);
        }

        // The graph's own problems (cycles, duplicate names) are those of the last build; its counts are the first's.
        return (first with { Graph = build.Graph }, project);
    }

    /// <summary>
    /// Output columns of the bound nodes by every relation name SQL uses for them, leaving out what waits for an answer:
    /// a model that asked for columns no one knew, and everything that reads it.
    /// </summary>
    internal static Dictionary<string, ImmutableArray<RelationColumn>> Known(DbtProject project, LineageGraph graph)
    {
        var byRelation = new Dictionary<string, AssetNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in graph.Assets)
        {
            foreach (var relation in node.Inputs.Relations)
            {
                byRelation.TryAdd(relation, node);
            }
        }

        var readers = Readers(graph);
        var askers = project.Models.Where(m => !m.ColumnsAsked.IsEmpty).ToList();
        var waiting = Waiting(askers.Select(ProjectAssets.ModelId), readers);

        // A model waits only while something it asked about may still answer: a node that answers already, or one that
        // waits itself. One that asked only about nodes that never will (partial, or reading the warehouse) has its
        // final render, and its readers need not wait for it.
        while (true)
        {
            var final = askers.Where(m => waiting.Contains(ProjectAssets.ModelId(m)) && m.ColumnsAsked.All(r =>
                !byRelation.TryGetValue(r, out var asked) || (Columns(asked) is null && !waiting.Contains(asked.Id)))).Select(ProjectAssets.ModelId).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (final.Count == 0)
            {
                break;
            }

            askers.RemoveAll(m => final.Contains(ProjectAssets.ModelId(m)));
            waiting = Waiting(askers.Select(ProjectAssets.ModelId), readers);
        }

        var known = new Dictionary<string, ImmutableArray<RelationColumn>>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in graph.Assets.Where(n => n.Type is AssetType.Model or AssetType.Seed or AssetType.Snapshot or AssetType.Source))
        {
            if (waiting.Contains(node.Id) || Columns(node) is not { IsEmpty: false } names)
            {
                continue;
            }

            var columns = Typed(node, names);

            foreach (var relation in node.Inputs.Relations.Where(r => r.StartsWith(DbtRef.RelationPrefix, StringComparison.Ordinal) || r.StartsWith(DbtSourceRef.RelationPrefix, StringComparison.Ordinal)))
            {
                known.TryAdd(relation, columns);
            }
        }

        return known;
    }

    /// <summary>The assets reading each asset, by id.</summary>
    private static Dictionary<string, List<string>> Readers(LineageGraph graph)
    {
        var readers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in graph.Assets)
        {
            foreach (var upstream in node.DependsOn)
            {
                if (!readers.TryGetValue(upstream, out var list))
                {
                    readers[upstream] = list = [];
                }

                list.Add(node.Id);
            }
        }

        return readers;
    }

    /// <summary>The models that asked, and everything that reads them.</summary>
    private static HashSet<string> Waiting(IEnumerable<string> askers, Dictionary<string, List<string>> readers)
    {
        var waiting = new HashSet<string>(askers, StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(waiting);
        while (queue.TryDequeue(out var id))
        {
            foreach (var reader in readers.GetValueOrDefault(id, []))
            {
                if (waiting.Add(reader))
                {
                    queue.Enqueue(reader);
                }
            }
        }

        return waiting;
    }

    /// <summary>
    /// The columns with the types the node declares (a seed's inferred or configured types, a YAML <c>data_type</c>), as
    /// the warehouse would list them; a column declaring none has no type.
    /// </summary>
    private static ImmutableArray<RelationColumn> Typed(AssetNode node, ImmutableArray<string> names)
    {
        var types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, type) in node.Columns.Select(c => (c.Name, c.Type)).Concat(node.Inputs.DeclaredColumns.Select(c => (c.Name, c.Type))))
        {
            if (!string.IsNullOrWhiteSpace(type))
            {
                types.TryAdd(name, type);
            }
        }

        return [.. names.Select(n => new RelationColumn(n, types.GetValueOrDefault(n)))];
    }

    /// <summary>
    /// The columns the node is bound with when they are all bound. Some may be inferred from its readers (a star over a
    /// relation that lists only some of its columns): those are some of the node's columns, so its YAML-declared ones
    /// are added, as the warehouse would list both. Else those its YAML declares (a model selecting * from a table
    /// outside the project, as a source's declared columns stand for the table); else none.
    /// </summary>
    private static ImmutableArray<string>? Columns(AssetNode node)
    {
        if (!node.HasWildcard && !node.Columns.IsEmpty && node.Status != LineageStatus.Partial)
        {
            var bound = node.Columns.Select(c => c.Name);
            return node.Columns.Any(c => c.Inferred)
                ? [.. bound.Concat(node.Inputs.DeclaredColumns.Select(c => c.Name)).Distinct(StringComparer.OrdinalIgnoreCase)]
                : [.. bound];
        }

        return node.Inputs.DeclaredColumns.IsEmpty ? null : [.. node.Inputs.DeclaredColumns.Select(c => c.Name)];
    }
}
