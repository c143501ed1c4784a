using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>
/// What a FROM item or a query produces once bound: ordered columns, the row edges its consumers inherit, and the clause
/// texts that feed the clause fingerprints. An open relation may have columns nobody listed (unknown schema, unexpanded star).
/// </summary>
internal sealed class Relation
{
    public List<RelationColumn> Columns { get; } = [];

    public List<Edge> RowEdges { get; } = [];

    public ClauseTexts Clauses { get; } = new();

    /// <summary>The catalog table this relation reads, as written, when it is one; an unknown name resolves to a column of it.</summary>
    public string? BaseTable { get; init; }

    public string? BaseTableKey { get; init; }

    /// <summary>Names not among <see cref="Columns"/> may still exist.</summary>
    public bool Open { get; set; }

    /// <summary>
    /// Its columns were only inferred from what readers read (the table's own are unknown): they are some of its columns,
    /// so a name it does not list may still be one of its columns, as in an open relation.
    /// </summary>
    public bool LowerBound { get; init; }

    /// <summary>A name this relation does not list may still be one of its columns.</summary>
    public bool AcceptsUnlisted => Open || LowerBound || HasOpaqueColumns;

    /// <summary>For an operator over an open input (PIVOT): unknown names go there unless they were consumed.</summary>
    public Relation? Fallback { get; init; }

    public List<Identifier> FallbackHidden { get; } = [];

    /// <summary>For the nullable side of an outer join: the conditional edges every name of <see cref="Fallback"/> gains.</summary>
    public List<Edge>? NullConditions { get; init; }

    /// <summary>Edges every unknown name of an open generic table function derives from.</summary>
    public List<Edge>? OpenSources { get; set; }

    /// <summary>Edges of the generator inputs (UNNEST/FLATTEN arguments): what COUNT(*) over it counts.</summary>
    public List<Edge>? GeneratorInputs { get; init; }

    public int FindColumn(string text, bool quoted, Dialects.IdentifierFolding folding)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            var c = Columns[i];
            if (!c.Opaque && Names.Same(c.Name, c.Quoted, text, quoted, folding))
            {
                return i;
            }
        }

        // A schema that spells a name without quotes may have lost them (a project node's or a seed's "Customer_Id"):
        // a quoted reference with exactly that spelling means that column.
        for (var i = 0; quoted && i < Columns.Count; i++)
        {
            var c = Columns[i];
            if (c.FromSchema && !c.Quoted && string.Equals(c.Name, text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public bool HasOpaqueColumns
    {
        get
        {
            foreach (var c in Columns)
            {
                if (c.Opaque)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
