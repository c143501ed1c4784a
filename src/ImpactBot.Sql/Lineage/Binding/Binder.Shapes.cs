using System.Text;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Lineage.Binding;

// "The same code binds the same way": an unqualified name in a SELECT of several FROM items is recorded under the
// SELECT's shape, as evidence when known columns bind it, as a question when it is ambiguous between items whose columns
// are unknown; the owner other queries of that shape agree on (the schema provider's answer) settles the question.
internal sealed partial class Binder
{
    /// <summary>Code of the (info) diagnostic on a name bound to the owner another query of the same shape gives.</summary>
    public const string InferredOwnerCode = "inferred-column-owner";

    private readonly List<NameShape> _nameShapes = [];
    private readonly HashSet<(string, string?)> _nameShapeKeys = [];
    private int _settledNames;

    /// <summary>
    /// The ordered FROM items (by alias) and output names of the scope's SELECT; computed once per scope and FROM item
    /// count (a JOIN's ON clause sees only the items before it).
    /// </summary>
    private string ShapeOf(Scope scope)
    {
        if (scope.Shape is { } shape && scope.ShapeSources == scope.Sources.Count)
        {
            return shape;
        }

        var text = new StringBuilder("FROM");
        foreach (var source in scope.Sources)
        {
            text.Append(source.Selectable ? " " : " -").Append(SourceAlias(source));
        }

        text.Append(" SELECT");
        if (scope.Select is { } select)
        {
            for (var i = 0; i < select.Items.Length; i++)
            {
                text.Append(' ');
                if (select.Items[i] is ExprSelectItem item)
                {
                    var (name, quoted) = OutputName(item, i);
                    text.Append(Names.Key(name, quoted, ColumnFolding));
                }
                else if (select.Items[i] is StarSelectItem star)
                {
                    text.Append(star.Qualifier is { } qualifier ? NameKey(qualifier) + ".*" : "*");
                }
            }
        }

        scope.Shape = text.ToString();
        scope.ShapeSources = scope.Sources.Count;
        return scope.Shape;
    }

    private string SourceAlias(ScopeSource source)
    {
        if (source.Names is not { Count: > 0 } names)
        {
            return "?";
        }

        return names.Count == 1 ? Names.Key(names[0].Text, names[0].Quoted, ColumnFolding) : string.Join('.', names.Select(n => Names.Key(n.Text, n.Quoted, TableFolding)));
    }

    private string ShapeKey(Scope scope, Identifier name) =>
        Fingerprint.Of(new StringBuilder(ShapeOf(scope)).Append(" NAME ").Append(Names.Key(name.Text, name.Quoted, ColumnFolding)));

    private static int SelectableCount(Scope scope)
    {
        var count = 0;
        foreach (var source in scope.Sources)
        {
            count += source.Selectable ? 1 : 0;
        }

        return count;
    }

    /// <summary>Known columns bound the name to <paramref name="source"/> among several FROM items: evidence for the same shape elsewhere.</summary>
    private void RecordEvidence(Scope scope, ScopeSource source, Identifier name)
    {
        // An item without a name (an unaliased UNNEST) cannot be told apart from another one.
        if (SelectableCount(scope) > 1 && source.Names is { Count: > 0 })
        {
            AddShape(new NameShape(ShapeKey(scope, name), SourceAlias(source)));
        }
    }

    private void AddShape(NameShape shape)
    {
        if (_nameShapeKeys.Add((shape.Key, shape.Source)))
        {
            _nameShapes.Add(shape);
        }
    }

    /// <summary>
    /// A name no FROM item lists as a known column while two or more may have it (their columns unknown, or only inferred
    /// from readers): bound to the item other queries of the same shape agree on, with an info diagnostic naming the query
    /// that gave the evidence. False when nothing settles it (the usual rules then apply).
    /// </summary>
    private bool TrySettle(Identifier name, Scope scope, List<Edge> edges, out string fingerprint, SourceSpan span)
    {
        fingerprint = "";
        if (_schema is null)
        {
            return false;
        }

        // Most scopes have one FROM item, or one whose columns are unknown: nothing to settle, and nothing to look up.
        var open = 0;
        foreach (var source in scope.Sources)
        {
            open += source.Selectable && source.Relation.AcceptsUnlisted ? 1 : 0;
        }

        if (open < 2 || (scope.VisibleProjections > 0 && ResolveAlias(name, scope, [], out _)))
        {
            return false;
        }

        foreach (var source in scope.Sources)
        {
            if (source.Selectable && source.Relation.FindColumn(name.Text, name.Quoted, ColumnFolding) is >= 0 and var known && !source.Relation.Columns[known].Inferred)
            {
                return false;
            }
        }

        var key = ShapeKey(scope, name);
        if (_schema.OwnerOf(key) is not { } owner)
        {
            return false;
        }

        ScopeSource? chosen = null;
        foreach (var source in scope.Sources)
        {
            if (!source.Selectable)
            {
                continue;
            }

            var listed = source.Relation.FindColumn(name.Text, name.Quoted, ColumnFolding) >= 0;
            if (source.Names is { Count: > 0 } && SourceAlias(source) == owner.Source && source.Relation.AcceptsUnlisted)
            {
                chosen = source;
            }
            else if (listed)
            {
                // Inferred columns put the name on another item: the evidence does not agree, so it settles nothing.
                return false;
            }
        }

        if (chosen is null)
        {
            return false;
        }

        AddShape(new NameShape(key, null));
        var relation = chosen.Relation;
        var index = relation.FindColumn(name.Text, name.Quoted, ColumnFolding);
        if (index >= 0)
        {
            edges.AddRange(relation.Columns[index].Sources);
            fingerprint = relation.Columns[index].Fingerprint;
        }
        else
        {
            edges.AddRange(ResolveOpen(relation, name, out fingerprint));
        }

        _settledNames++;
        var alias = string.Join('.', chosen.Names!.Select(n => n.Text));
        var table = relation.BaseTable is { } written && written != alias ? $" ({written})" : "";
        Report(
            InferredOwnerCode,
            $"column {name.Text} is read from {alias}{table}, one of {open} FROM items with unknown columns that may have it: a SELECT of the same shape (FROM items and output names) in {owner.Witness} binds it to {alias} on known columns",
            span,
            DiagnosticSeverity.Info);
        return true;
    }
}
