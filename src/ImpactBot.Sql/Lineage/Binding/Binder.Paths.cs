using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

// Struct/JSON access, subqueries used as values or conditions, positional and star arguments.
internal sealed partial class Binder
{
    private void BindPath(Expr expr, EdgeKind context, ExprCollector c, Scope scope)
    {
        // Walk down to the root, collecting segments outermost-last; struct fields are marked so they start at the column.
        var segments = new List<(string Text, bool Struct)>();
        var current = expr;
        var transform = EdgeComposition.Compose(context, EdgeKind.Transform);
        while (true)
        {
            switch (current)
            {
                case JsonPathExpr j:
                    segments.InsertRange(0, JsonPaths.FromVariant(j.Segments).Select(s => (s, false)));
                    current = j.Base;
                    continue;
                case BinaryExpr b when JsonPaths.IsJsonOperator(b.Operator):
                    segments.InsertRange(0, JsonPaths.FromOperator(b.Operator, b.Right).Select(s => (s, false)));
                    if (b.Right is not Literal)
                    {
                        BindExpr(b.Right, transform, c, scope);
                    }

                    current = b.Left;
                    continue;
                case SubscriptExpr s:
                    segments.Insert(0, (s.Index is Literal l ? SubscriptSegment(l) : "[*]", false));
                    if (s.Index is not Literal)
                    {
                        BindExpr(s.Index, transform, c, scope);
                    }

                    current = s.Base;
                    continue;
                case FieldAccessExpr f:
                    segments.Insert(0, (f.Field.Text, true));
                    current = f.Base;
                    continue;
            }

            break;
        }

        var root = new ExprCollector();
        BindExpr(current, transform, root, scope);
        c.HasAggregate |= root.HasAggregate;
        c.HasWindow |= root.HasWindow;
        c.Canon.Append(root.Canon);
        foreach (var (text, _) in segments)
        {
            c.Canon.Append(text.StartsWith('[') ? "" : ".").Append(text);
        }

        var physical = current is ColumnRef;
        foreach (var edge in root.Edges)
        {
            if (!physical)
            {
                c.Edges.Add(edge);
                continue;
            }

            var path = edge.Path;
            foreach (var (text, isStruct) in segments)
            {
                path = isStruct ? (path ?? edge.Column) + "." + text : JsonPaths.AppendRelative(path, text);
            }

            c.Edges.Add(edge with { Path = path });
        }
    }

    private static string SubscriptSegment(Literal index) =>
        index.Kind == LiteralKind.Number ? "[" + index.Text + "]" : JsonPaths.Unquote(index.Text);

    /// <summary>A scalar subquery: its value edges, and its row edges as conditional edges of the expression.</summary>
    private void BindScalarSubquery(Query query, EdgeKind context, ExprCollector c, Scope scope)
    {
        var relation = BindQuery(query, scope, scope.Ctes);
        c.Canon.Append("SUBQUERY(");
        if (relation.Columns.Count > 0)
        {
            var first = relation.Columns[0];
            c.Canon.Append(first.Fingerprint);
            foreach (var edge in first.Sources)
            {
                c.Edges.Add(edge.Through(context));
            }
        }

        var condition = EdgeComposition.Compose(context, EdgeKind.Conditional);
        foreach (var edge in relation.RowEdges)
        {
            c.Edges.Add(edge with { Kind = condition });
        }

        AppendClauses(c, relation.Clauses);
    }

    /// <summary>IN (subquery) / EXISTS: everything the subquery reads only decides the outcome.</summary>
    private void BindConditionSubquery(Query query, EdgeKind context, ExprCollector c, Scope scope)
    {
        var relation = BindQuery(query, scope, scope.Ctes);
        var condition = EdgeComposition.Compose(context, EdgeKind.Conditional);
        c.Canon.Append("SUBQUERY(");
        foreach (var column in relation.Columns)
        {
            c.Canon.Append(column.Fingerprint).Append(',');
            foreach (var edge in column.Sources)
            {
                c.Edges.Add(edge with { Kind = condition });
            }
        }

        foreach (var edge in relation.RowEdges)
        {
            c.Edges.Add(edge with { Kind = condition });
        }

        AppendClauses(c, relation.Clauses);
    }

    private static void AppendClauses(ExprCollector c, ClauseTexts clauses) =>
        c.Canon.Append(";W:").Append(clauses.Filter).Append(";J:").Append(clauses.Join)
            .Append(";G:").Append(clauses.Grain).Append(";L:").Append(clauses.Limit).Append(')');

    /// <summary>Snowflake/DuckDB <c>$n</c>: the n-th column of the (first) source.</summary>
    private void BindPositional(PositionalColumn positional, EdgeKind context, ExprCollector c, Scope scope)
    {
        var name = new Identifier("$" + positional.Position, false, positional.Span);
        foreach (var source in scope.Sources)
        {
            if (!source.Selectable)
            {
                continue;
            }

            var relation = source.Relation;
            var index = positional.Position - 1;
            var edges = new List<Edge>();
            string fingerprint;
            if (!relation.Open && index >= 0 && index < relation.Columns.Count)
            {
                edges.AddRange(relation.Columns[index].Sources);
                fingerprint = relation.Columns[index].Fingerprint;
            }
            else
            {
                edges.AddRange(ResolveOpen(relation, name, out fingerprint));
            }

            c.Canon.Append('{').Append(fingerprint).Append('}');
            foreach (var edge in edges)
            {
                c.Edges.Add(edge.Through(context));
            }

            return;
        }

        Report("unresolved-column", $"${positional.Position} has no source", positional.Span);
    }

    /// <summary>
    /// A bare <c>*</c> argument (<c>COUNT(*)</c>) counts rows: over a generator (UNNEST/FLATTEN) its input is what is counted,
    /// elsewhere no column. A qualified <c>t.*</c> argument (<c>to_json(t.*)</c>) reads every column of t.
    /// </summary>
    private void BindStarArgument(StarExpr star, EdgeKind context, ExprCollector c, Scope scope)
    {
        c.Canon.Append(star.Qualifier is null ? "*" : star.Qualifier.ToString().ToUpperInvariant() + ".*");
        if (star.Qualifier is null)
        {
            foreach (var edge in scope.GeneratorInputs)
            {
                c.Edges.Add(edge.Through(context));
            }

            return;
        }

        foreach (var source in scope.Sources)
        {
            if (!source.Selectable || !QualifierMatches(source.Names, star.Qualifier.Parts, star.Qualifier.Parts.Length))
            {
                continue;
            }

            foreach (var column in source.Relation.Columns)
            {
                c.Canon.Append('{').Append(column.Fingerprint).Append('}');
                foreach (var edge in column.Sources)
                {
                    c.Edges.Add(edge.Through(context));
                }
            }

            if (source.Relation.Open)
            {
                foreach (var edge in WildcardEdges(source.Relation))
                {
                    c.Edges.Add(edge.Through(context));
                }
            }
        }
    }
}
