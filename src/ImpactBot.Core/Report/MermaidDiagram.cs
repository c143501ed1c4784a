using System.Text;
using ImpactBot.Core.Impact;

namespace ImpactBot.Core.Report;

/// <summary>A collapsed Mermaid flowchart of the affected subgraph: changed assets feeding the assets they affect.</summary>
internal static class MermaidDiagram
{
    private const int MaxEdges = 200;

    public static string Render(ImpactReport report)
    {
        if (report.Impacts.IsEmpty)
        {
            return "";
        }

        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string Node(string asset)
        {
            if (!ids.TryGetValue(asset, out var id))
            {
                id = "n" + ids.Count;
                ids[asset] = id;
            }

            return id;
        }

        var edges = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var impact in report.Impacts)
        {
            // A changed asset can be an impact itself (a published model, a stale YAML entry): a node, but no edge to itself.
            foreach (var via in impact.Via)
            {
                if (string.Equals(via, impact.Asset, StringComparison.OrdinalIgnoreCase))
                {
                    Node(via);
                }
                else
                {
                    edges.Add($"  {Node(via)} --> {Node(impact.Asset)}");
                }
            }
        }

        var sb = new StringBuilder("\n<details><summary>Lineage of the affected assets</summary>\n\n```mermaid\nflowchart LR\n");
        foreach (var (asset, id) in ids)
        {
            sb.Append("  ").Append(id).Append("[\"").Append(asset.Replace("\"", "'", StringComparison.Ordinal)).Append("\"]\n");
        }

        foreach (var edge in edges.Take(MaxEdges))
        {
            sb.Append(edge).Append('\n');
        }

        foreach (var impact in report.Impacts.Where(i => i.Severity == Severity.Breaking))
        {
            sb.Append("  style ").Append(Node(impact.Asset)).Append(" stroke:#d00,stroke-width:2px\n");
        }

        return sb.Append("```\n\n</details>\n").ToString();
    }
}
