using System.Text;

namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>Canonical text of the model-wide clauses, gathered from every scope the rows pass through; hashed at the end.</summary>
internal sealed class ClauseTexts
{
    public StringBuilder Filter { get; } = new();

    public StringBuilder Join { get; } = new();

    public StringBuilder Grain { get; } = new();

    public StringBuilder Limit { get; } = new();

    public void Append(ClauseTexts other)
    {
        Append(Filter, other.Filter);
        Append(Join, other.Join);
        Append(Grain, other.Grain);
        Append(Limit, other.Limit);
    }

    private static void Append(StringBuilder into, StringBuilder from)
    {
        if (from.Length > 0)
        {
            into.Append('(').Append(from).Append(')');
        }
    }
}
