using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

// Windows (named windows inlined), lambdas, and spans the parser could not read.
internal sealed partial class Binder
{
    /// <summary>PARTITION BY and ORDER BY keys of the window and of the named windows it builds on decide the value: conditional.</summary>
    private void BindWindow(WindowSpec spec, EdgeKind condition, ExprCollector c, Scope scope)
    {
        c.Canon.Append(" OVER(");
        var guard = 0;
        for (var current = spec; current is not null && guard < 16; guard++)
        {
            c.Canon.Append("PARTITION(");
            BindList(current.PartitionBy, condition, c, scope);
            c.Canon.Append(')');
            BindOrderItems("ORDER(", current.OrderBy, condition, c, scope);
            BindList(current.FrameBounds, condition, c, scope);
            c.Canon.Append(current.Frame?.ToUpperInvariant());
            current = current.BaseWindow is { } name ? FindNamedWindow(name, scope) : null;
        }

        c.Canon.Append(')');
    }

    private WindowSpec? FindNamedWindow(Identifier name, Scope scope)
    {
        for (var s = scope; s is not null; s = s.Parent)
        {
            if (s.Select is null)
            {
                continue;
            }

            foreach (var window in s.Select.Windows)
            {
                if (Names.Same(window.Name, name, ColumnFolding))
                {
                    return window.Spec;
                }
            }
        }

        Report("unknown-window", $"window {name.Text} is not defined", name.Span);
        return null;
    }

    private void BindLambda(LambdaExpr lambda, EdgeKind context, ExprCollector c, Scope scope)
    {
        var before = _lambdaParameters.Count;
        _lambdaParameters.AddRange(lambda.Parameters);
        c.Canon.Append("λ(");
        foreach (var parameter in lambda.Parameters)
        {
            c.Canon.Append(Names.Key(parameter.Text, parameter.Quoted, ColumnFolding)).Append(',');
        }

        c.Canon.Append(")->");
        try
        {
            BindExpr(lambda.Body, context, c, scope);
        }
        finally
        {
            _lambdaParameters.RemoveRange(before, _lambdaParameters.Count - before);
        }
    }

    /// <summary>The references the parser harvested from a span it could not read: unknown edges, partial lineage.</summary>
    private void BindOpaque(OpaqueExpr opaque, EdgeKind context, ExprCollector c, Scope scope)
    {
        _partial = true;
        var unknown = EdgeComposition.Compose(context, EdgeKind.Unknown);
        c.Canon.Append("OPAQUE(");
        foreach (var reference in opaque.References)
        {
            var inner = new ExprCollector();
            var before = _diagnostics.Count;
            BindColumnRef(reference, unknown, inner, scope);

            // A harvested word may be a keyword or a function name: an unresolved one is dropped without a diagnostic.
            _diagnostics.RemoveRange(before, _diagnostics.Count - before);
            c.Edges.AddRange(inner.Edges);
            c.Canon.Append(inner.Canon).Append(',');
        }

        c.Canon.Append(')');
    }
}
