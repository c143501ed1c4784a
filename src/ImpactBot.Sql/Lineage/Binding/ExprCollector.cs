using System.Text;

namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>Gathers the edges of one expression and its canonical text (sources by identity, no aliases) in one walk.</summary>
internal sealed class ExprCollector
{
    public List<Edge> Edges { get; } = [];

    public StringBuilder Canon { get; } = new();

    public bool HasAggregate { get; set; }

    public bool HasWindow { get; set; }

    /// <summary>Set by a cast at the top of the expression.</summary>
    public string? Type { get; set; }
}
