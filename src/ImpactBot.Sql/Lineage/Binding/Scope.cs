using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>One SELECT while it is bound: its sources, merged join keys, projections so far, and the row edges it emits.</summary>
internal sealed class Scope(Scope? parent, CteEnv? ctes, SelectQuery? select)
{
    public Scope? Parent { get; } = parent;

    public CteEnv? Ctes { get; } = ctes;

    public SelectQuery? Select { get; } = select;

    public List<ScopeSource> Sources { get; } = [];

    public List<MergedKey> Merged { get; } = [];

    public List<RelationColumn> Projections { get; } = [];

    /// <summary>Select-item aliases by projection index (null when the item has no alias).</summary>
    public List<Identifier?> ProjectionAliases { get; } = [];

    /// <summary>How many projections a name may see: the earlier ones for lateral aliases, all for WHERE/GROUP BY/ORDER BY.</summary>
    public int VisibleProjections { get; set; }

    public List<Edge> RowEdges { get; } = [];

    public ClauseTexts Clauses { get; } = new();

    public List<Edge> GeneratorInputs { get; } = [];

    /// <summary>The SELECT's shape (FROM items by alias, output names), once asked for: see Binder.Shapes.</summary>
    public string? Shape { get; set; }

    /// <summary>How many FROM items <see cref="Shape"/> was computed with.</summary>
    public int ShapeSources { get; set; }
    /// <summary>
    /// Sources whose columns are some of their own (inferred, or a source's YAML without a catalog) that a star of this
    /// SELECT expanded: a name they do not list may still be theirs, so it may still be the SELECT's.
    /// </summary>
    public List<Relation> LowerBoundStars { get; } = [];

    /// <summary>Names the stars over <see cref="LowerBoundStars"/> left out (EXCLUDE, RENAME): they are not the SELECT's.</summary>
    public List<Identifier> StarHidden { get; } = [];
}
