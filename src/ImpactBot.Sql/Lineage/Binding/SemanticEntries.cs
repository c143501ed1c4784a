using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>
/// The facts, dimensions and metrics of a semantic view while it is bound: each is bound once, when first output or
/// referenced (entries may refer to later ones), and an entry on the stack of those being bound is not visible to itself.
/// </summary>
internal sealed class SemanticEntries
{
    private readonly Dictionary<(string Table, string Name), int> _byName = [];
    private readonly IdentifierFolding _folding;

    public SemanticEntries(SemanticViewStatement view, Scope tables, Dictionary<string, ScopeSource> sources, IdentifierFolding folding)
    {
        _folding = folding;
        Expressions = view.Expressions;
        Tables = tables;
        Sources = sources;
        Bound = new RelationColumn?[Expressions.Length];
        Binding = new bool[Expressions.Length];
        for (var i = 0; i < Expressions.Length; i++)
        {
            _byName.TryAdd((Key(Expressions[i].Table), Key(Expressions[i].Name)), i);
        }
    }

    public System.Collections.Immutable.ImmutableArray<SemanticExpression> Expressions { get; }

    /// <summary>The scope of the logical tables: every entry's expression sees them by alias.</summary>
    public Scope Tables { get; }

    /// <summary>Logical tables by alias key.</summary>
    public Dictionary<string, ScopeSource> Sources { get; }

    public RelationColumn?[] Bound { get; }

    public bool[] Binding { get; }

    /// <summary>The entry being bound, -1 when none: its table answers unqualified names.</summary>
    public int Current { get; set; } = -1;

    public string Key(Identifier name) => Names.Key(name.Text, name.Quoted, _folding);

    /// <summary>The entry <c>table.name</c>, -1 when there is none.</summary>
    public int Find(Identifier table, Identifier name) => _byName.TryGetValue((Key(table), Key(name)), out var index) ? index : -1;
}
