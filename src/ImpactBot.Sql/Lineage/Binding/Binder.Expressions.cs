using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

// Expressions: each node adds its edges (kind composed with the context) and its canonical text in one walk.
internal sealed partial class Binder
{
    private void BindExpr(Expr expr, EdgeKind context, ExprCollector c, Scope scope)
    {
        Spend();
        StrictMode.Visit(expr);
        var transform = EdgeComposition.Compose(context, EdgeKind.Transform);
        switch (expr)
        {
            case ColumnRef r:
                BindColumnRef(r, context, c, scope);
                break;
            case Literal l:
                c.Canon.Append(l.Kind is LiteralKind.String or LiteralKind.Number ? l.Text : l.Text.ToUpperInvariant());
                break;
            case Parameter p:
                c.Canon.Append("P:").Append(p.Text);
                break;
            case PositionalColumn p:
                BindPositional(p, context, c, scope);
                break;
            case StarExpr star:
                BindStarArgument(star, context, c, scope);
                break;
            case FunctionCall f:
                BindFunction(f, context, c, scope);
                break;
            case NamedArgument n:
                c.Canon.Append(n.Name.Text.ToUpperInvariant()).Append("=>");
                BindExpr(n.Value, context, c, scope);
                break;
            case BinaryExpr b when JsonPaths.IsJsonOperator(b.Operator):
                BindPath(expr, context, c, scope);
                break;
            case BinaryExpr b:
                BindBinaryChain(b, transform, c, scope);
                break;
            case UnaryExpr u:
                c.Canon.Append(u.Operator).Append('(');
                BindExpr(u.Operand, transform, c, scope);
                c.Canon.Append(')');
                break;
            case BetweenExpr between:
                c.Canon.Append(between.Not ? "NOT BETWEEN(" : "BETWEEN(");
                BindExpr(between.Operand, transform, c, scope);
                c.Canon.Append(',');
                BindExpr(between.Low, transform, c, scope);
                c.Canon.Append(',');
                BindExpr(between.High, transform, c, scope);
                c.Canon.Append(')');
                break;
            case InListExpr inList:
                c.Canon.Append(inList.Not ? "NOT IN(" : "IN(");
                BindExpr(inList.Operand, transform, c, scope);
                BindList(inList.Items, transform, c, scope);
                c.Canon.Append(')');
                break;
            case InSubqueryExpr inQuery:
                c.Canon.Append(inQuery.Not ? "NOT IN(" : "IN(");
                BindExpr(inQuery.Operand, transform, c, scope);
                BindConditionSubquery(inQuery.Query, context, c, scope);
                c.Canon.Append(')');
                break;
            case ExistsExpr exists:
                c.Canon.Append(exists.Not ? "NOT EXISTS(" : "EXISTS(");
                BindConditionSubquery(exists.Query, context, c, scope);
                c.Canon.Append(')');
                break;
            case SubqueryExpr sub:
                BindScalarSubquery(sub.Query, context, c, scope);
                break;
            case TupleExpr tuple:
                c.Canon.Append("TUPLE(");
                BindList(tuple.Items, transform, c, scope);
                c.Canon.Append(')');
                break;
            case ArrayExpr array:
                c.Canon.Append("ARRAY(");
                BindList(array.Items, transform, c, scope);
                c.Canon.Append(')');
                break;
            case CaseExpr caseExpr:
                BindCase(caseExpr, context, c, scope);
                break;
            case CastExpr cast:
                c.Canon.Append("CAST(");
                BindExpr(cast.Operand, EdgeComposition.Compose(context, EdgeKind.Cast), c, scope);
                c.Canon.Append(" AS ").Append(cast.TypeName.ToUpperInvariant()).Append(cast.Style == CastStyle.TryCast ? " TRY)" : ")");
                break;
            case IntervalExpr interval:
                c.Canon.Append("INTERVAL(");
                BindExpr(interval.Value, transform, c, scope);
                c.Canon.Append(' ').Append(interval.Unit?.ToUpperInvariant()).Append(')');
                break;
            case ExtractExpr extract:
                c.Canon.Append("EXTRACT(").Append(extract.Field.ToUpperInvariant()).Append(',');
                BindExpr(extract.Operand, transform, c, scope);
                c.Canon.Append(')');
                break;
            case LambdaExpr lambda:
                BindLambda(lambda, transform, c, scope);
                break;
            case SubscriptExpr or FieldAccessExpr or JsonPathExpr:
                BindPath(expr, context, c, scope);
                break;
            case OpaqueExpr opaque:
                BindOpaque(opaque, context, c, scope);
                break;
            default:
                c.Canon.Append('?').Append(expr.GetType().Name);
                break;
        }
    }

    private void BindList(IEnumerable<Expr> items, EdgeKind context, ExprCollector c, Scope scope)
    {
        foreach (var item in items)
        {
            BindExpr(item, context, c, scope);
            c.Canon.Append(',');
        }
    }

    private void BindCase(CaseExpr caseExpr, EdgeKind context, ExprCollector c, Scope scope)
    {
        var condition = EdgeComposition.Compose(context, EdgeKind.Conditional);
        var value = EdgeComposition.Compose(context, EdgeKind.Transform);
        c.Canon.Append("CASE(");
        if (caseExpr.Operand is { } operand)
        {
            BindExpr(operand, condition, c, scope);
        }

        foreach (var when in caseExpr.Whens)
        {
            c.Canon.Append(" WHEN ");
            BindExpr(when.Condition, condition, c, scope);
            c.Canon.Append(" THEN ");
            BindExpr(when.Result, value, c, scope);
        }

        if (caseExpr.Else is { } otherwise)
        {
            c.Canon.Append(" ELSE ");
            BindExpr(otherwise, value, c, scope);
        }

        c.Canon.Append(')');
    }

    /// <summary>
    /// Walks the left spine of <c>a + b + c ..</c> in a loop, so a chain of any length costs no stack; the canonical
    /// text is the same as binding each node in turn (transform composed with transform stays transform).
    /// </summary>
    private void BindBinaryChain(BinaryExpr top, EdgeKind transform, ExprCollector c, Scope scope)
    {
        var spine = new List<BinaryExpr> { top };
        var left = top.Left;
        while (left is BinaryExpr inner && !JsonPaths.IsJsonOperator(inner.Operator))
        {
            Spend();
            spine.Add(inner);
            left = inner.Left;
        }

        c.Canon.Append('(', spine.Count);
        BindExpr(left, transform, c, scope);
        for (var i = spine.Count - 1; i >= 0; i--)
        {
            var node = spine[i];
            c.Canon.Append(' ').Append(node.Operator).Append(' ').Append(node.Quantifier).Append(' ');
            BindExpr(node.Right, transform, c, scope);
            c.Canon.Append(')');
        }
    }

    private void BindFunction(FunctionCall f, EdgeKind context, ExprCollector c, Scope scope)
    {
        var name = f.Name.Last.Text;
        c.Canon.Append(name.ToUpperInvariant()).Append(f.Distinct ? "(DISTINCT " : "(");
        EdgeKind argumentKind;
        if (f.Over is not null)
        {
            c.HasWindow = true;
            argumentKind = EdgeComposition.Compose(context, EdgeKind.Window);
        }
        else if (FunctionFacts.IsAggregate(name))
        {
            c.HasAggregate = true;
            argumentKind = EdgeComposition.Compose(context, EdgeKind.Aggregate);
        }
        else
        {
            argumentKind = EdgeComposition.Compose(context, EdgeKind.Transform);
        }

        var condition = EdgeComposition.Compose(context, EdgeKind.Conditional);
        var conditionFirst = f.Over is null && FunctionFacts.ConditionFirst.Contains(name);
        for (var i = 0; i < f.Arguments.Length; i++)
        {
            if (DateParts.IsDatePart(_dialect.Dialect, f, i))
            {
                c.Canon.Append(((ColumnRef)f.Arguments[i]).Last.Text.ToUpperInvariant());
            }
            else
            {
                BindExpr(f.Arguments[i], conditionFirst && i == 0 ? condition : argumentKind, c, scope);
            }

            c.Canon.Append(',');
        }

        c.Canon.Append(')');
        if (f.NullTreatment is { } nulls)
        {
            c.Canon.Append(nulls.ToUpperInvariant());
        }

        if (f.Filter is { } filter)
        {
            c.Canon.Append(" FILTER(");
            BindExpr(filter, condition, c, scope);
            c.Canon.Append(')');
        }

        // WITHIN GROUP (ORDER BY x) is the value of ordered-set aggregates, only an ordering for the others.
        var orderedSet = name.StartsWith("percentile", StringComparison.OrdinalIgnoreCase) || name.Equals("mode", StringComparison.OrdinalIgnoreCase);
        BindOrderItems(" WITHIN GROUP(", f.WithinGroup, orderedSet ? argumentKind : condition, c, scope);
        BindOrderItems(" ORDER BY(", f.ArgumentOrderBy, condition, c, scope);
        if (f.Over is { } over)
        {
            BindWindow(over, condition, c, scope);
        }
    }

    private void BindOrderItems(string label, IEnumerable<OrderItem> items, EdgeKind kind, ExprCollector c, Scope scope)
    {
        var any = false;
        foreach (var item in items)
        {
            if (!any)
            {
                c.Canon.Append(label);
                any = true;
            }

            BindExpr(item.Expr, kind, c, scope);
            c.Canon.Append(item.Descending ? " DESC," : ",");
        }

        if (any)
        {
            c.Canon.Append(')');
        }
    }
}
