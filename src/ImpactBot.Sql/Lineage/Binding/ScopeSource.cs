using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>A FROM item in a scope: the names that qualify it and the relation it produces.</summary>
internal sealed class ScopeSource(IReadOnlyList<Identifier>? names, Relation relation, bool selectable)
{
    /// <summary>The alias, or the table name parts when there is none; null when the item cannot be qualified.</summary>
    public IReadOnlyList<Identifier>? Names { get; } = names;

    public Relation Relation { get; } = relation;

    /// <summary>False for the right side of a semi/anti join: it filters rows but never contributes columns.</summary>
    public bool Selectable { get; } = selectable;
}
