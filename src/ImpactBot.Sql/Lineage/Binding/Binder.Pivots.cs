using System.Collections.Immutable;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

// PIVOT / UNPIVOT as operators on a source: input − consumed columns + generated columns, folded in order.
internal sealed partial class Binder
{
    /// <summary><paramref name="names"/>: what qualifies the input (its alias or table name), so <c>p.sales</c> resolves inside PIVOT.</summary>
    private Relation ApplyPivots(Relation input, IEnumerable<PivotClause> pivots, Scope scope, IReadOnlyList<Identifier>? names)
    {
        var current = input;
        foreach (var pivot in pivots)
        {
            current = pivot.Unpivot ? Unpivot(current, pivot) : Pivot(current, pivot, scope, names);
            names = pivot.Alias is { } alias ? [alias.Name] : names;
        }

        return current;
    }

    private Relation Pivot(Relation input, PivotClause pivot, Scope scope, IReadOnlyList<Identifier>? names)
    {
        // The aggregates and the FOR columns are bound against the input alone.
        var inner = new Scope(null, scope.Ctes, null);
        inner.Sources.Add(new ScopeSource(names, input, true));
        var consumed = new List<Identifier>();
        foreach (var aggregate in pivot.Aggregates)
        {
            CollectColumnNames(aggregate.Aggregate, consumed);
        }

        var forEdges = new List<Edge>();
        var forCanon = new System.Text.StringBuilder();
        foreach (var column in pivot.ForColumns)
        {
            consumed.Add(column);
            if (!ResolveInRelation(input, column, forEdges, out var print))
            {
                Report("unresolved-column", $"PIVOT column {column.Text} is not a column of its input", column.Span);
            }

            forCanon.Append(print).Append(',');
        }

        var output = pivot.GroupBy.IsDefaultOrEmpty ? LeftoverColumns(input, consumed) : KeptColumns(input, pivot.GroupBy);
        foreach (var column in output.Columns)
        {
            foreach (var edge in column.Sources)
            {
                output.RowEdges.Add(edge with { Kind = EdgeKind.Group });
            }
        }

        if (pivot.DynamicIn)
        {
            Report("dynamic-pivot", "PIVOT over values that are not listed: the generated columns are unknown", pivot.Span);
            var generated = new ExprCollector();
            foreach (var aggregate in pivot.Aggregates)
            {
                BindExpr(aggregate.Aggregate, EdgeKind.Copy, generated, inner);
                generated.Canon.Append(',');
            }

            generated.Edges.AddRange(forEdges.Select(e => e with { Kind = EdgeKind.Conditional }));
            generated.Canon.Append(" FOR ").Append(forCanon);
            output.Columns.Add(new RelationColumn("*", false, EdgeSet.Compact(generated.Edges), "PIVOT*" + Fingerprint.Of(generated.Canon)) { Opaque = true, Aggregated = true });
        }

        foreach (var value in pivot.In)
        {
            var valueName = PivotValueName(value);
            foreach (var aggregate in pivot.Aggregates)
            {
                var collector = new ExprCollector();
                BindExpr(aggregate.Aggregate, EdgeKind.Copy, collector, inner);
                foreach (var edge in forEdges)
                {
                    collector.Edges.Add(edge with { Kind = EdgeKind.Conditional });
                }

                collector.Canon.Append(" FOR ").Append(forCanon).Append(" = ").Append(ValueText(value.Value));
                var name = PivotColumnName(valueName, aggregate, pivot.Aggregates.Length);
                output.Columns.Add(new RelationColumn(name.Text, name.Quoted, collector.Edges, Fingerprint.Of(collector.Canon)) { Aggregated = true });
            }
        }

        output.Clauses.Grain.Append("PIVOT(").Append(forCanon).Append(");");
        return output;
    }

    private Relation Unpivot(Relation input, PivotClause pivot)
    {
        if (pivot.DynamicIn)
        {
            return DynamicUnpivot(input, pivot);
        }

        var consumed = new List<Identifier>();
        var perValue = new List<List<Edge>>();
        for (var k = 0; k < Math.Max(1, pivot.ValueColumns.Length); k++)
        {
            perValue.Add([]);
        }

        var nameEdges = new List<Edge>();
        var canon = new System.Text.StringBuilder("UNPIVOT(");
        foreach (var value in pivot.In)
        {
            var items = value.Value is TupleExpr tuple ? tuple.Items : [value.Value];
            for (var k = 0; k < items.Length; k++)
            {
                if (items[k] is not ColumnRef reference)
                {
                    continue;
                }

                consumed.Add(reference.Last);
                var edges = new List<Edge>();
                ResolveInRelation(input, reference.Last, edges, out var columnPrint);
                canon.Append(columnPrint).Append(',');
                perValue[Math.Min(k, perValue.Count - 1)].AddRange(edges);
                nameEdges.AddRange(edges.Select(e => e with { Kind = EdgeKind.Conditional }));
            }
        }

        var output = LeftoverColumns(input, consumed);
        var print = Fingerprint.Of(canon.Append(')').ToString());
        foreach (var name in pivot.ForColumns)
        {
            output.Columns.Add(new RelationColumn(name.Text, name.Quoted, [.. nameEdges], "NAME:" + print));
        }

        for (var k = 0; k < pivot.ValueColumns.Length; k++)
        {
            output.Columns.Add(new RelationColumn(pivot.ValueColumns[k].Text, pivot.ValueColumns[k].Quoted, perValue[k], "VALUE" + k + ":" + print));
        }

        if (!pivot.IncludeNulls)
        {
            foreach (var list in perValue)
            {
                output.RowEdges.AddRange(list.Select(e => e with { Kind = EdgeKind.Filter }));
            }

            output.Clauses.Filter.Append("UNPIVOT NOT NULL ").Append(print).Append(';');
        }

        output.Clauses.Grain.Append(print).Append(';');
        return output;
    }

    /// <summary>
    /// UNPIVOT ON COLUMNS(..) (DuckDB): which columns turn into rows is unknown, so the kept columns are a wildcard over the
    /// input and the name and value columns may come from any input column.
    /// </summary>
    private Relation DynamicUnpivot(Relation input, PivotClause pivot)
    {
        Report("dynamic-pivot", "UNPIVOT over columns that are not listed: the kept and unpivoted columns are unknown", pivot.Span);
        var every = EveryColumn(input);
        var print = "UNPIVOT*:" + input.BaseTableKey + ":" + string.Join(',', pivot.ForColumns.Select(c => c.Text)) + ":" + string.Join(',', pivot.ValueColumns.Select(c => c.Text));
        var output = new Relation();
        output.RowEdges.AddRange(input.RowEdges);
        output.Clauses.Append(input.Clauses);
        output.Clauses.Grain.Append(print).Append(';');
        output.Columns.Add(new RelationColumn("*", false, [.. every], "STAR:" + print) { Opaque = true });
        foreach (var name in pivot.ForColumns)
        {
            output.Columns.Add(new RelationColumn(name.Text, name.Quoted, [.. every.Select(e => e with { Kind = EdgeKind.Conditional })], "NAME:" + print));
        }

        foreach (var value in pivot.ValueColumns)
        {
            output.Columns.Add(new RelationColumn(value.Text, value.Quoted, [.. every], "VALUE:" + print));
        }

        return output;
    }

    /// <summary>DuckDB <c>PIVOT .. GROUP BY</c>: only the listed input columns stay, so the output is known even over an open input.</summary>
    private Relation KeptColumns(Relation input, ImmutableArray<Identifier> names)
    {
        var output = new Relation();
        output.RowEdges.AddRange(input.RowEdges);
        output.Clauses.Append(input.Clauses);
        foreach (var name in names)
        {
            var edges = new List<Edge>();
            if (!ResolveInRelation(input, name, edges, out var print))
            {
                Report("unresolved-column", $"PIVOT GROUP BY column {name.Text} is not a column of its input", name.Span);
            }

            output.Columns.Add(new RelationColumn(name.Text, name.Quoted, edges, print));
        }

        return output;
    }

    /// <summary>The input's columns that PIVOT/UNPIVOT did not consume; an open input stays reachable for other names.</summary>
    private Relation LeftoverColumns(Relation input, List<Identifier> consumed)
    {
        var open = input.Open || input.HasOpaqueColumns;
        var output = new Relation { Open = open, Fallback = open ? input : null };
        output.FallbackHidden.AddRange(consumed);
        output.RowEdges.AddRange(input.RowEdges);
        output.Clauses.Append(input.Clauses);
        foreach (var column in input.Columns)
        {
            if (!column.Opaque && !consumed.Exists(c => Names.Same(c.Text, c.Quoted, column.Name, column.Quoted, ColumnFolding)))
            {
                output.Columns.Add(column);
            }
        }

        return output;
    }

    private static void CollectColumnNames(Expr expr, List<Identifier> into)
    {
        switch (expr)
        {
            case ColumnRef r:
                into.Add(r.Last);
                break;
            case FunctionCall f:
                foreach (var argument in f.Arguments)
                {
                    CollectColumnNames(argument, into);
                }

                break;
            case BinaryExpr b:
                CollectColumnNames(b.Left, into);
                CollectColumnNames(b.Right, into);
                break;
            case CastExpr c:
                CollectColumnNames(c.Operand, into);
                break;
            case UnaryExpr u:
                CollectColumnNames(u.Operand, into);
                break;
        }
    }

    /// <summary>A generated column's name: the alias, else the value (Snowflake keeps a string's quotes: <c>'Q1'</c>).</summary>
    private (string Text, bool Quoted) PivotValueName(PivotValue value)
    {
        if (value.Alias is { } alias)
        {
            return (alias.Text, alias.Quoted);
        }

        if (value.Value is Literal { Kind: LiteralKind.String } literal)
        {
            var text = JsonPaths.Unquote(literal.Text);
            return _dialect.Dialect == SqlDialect.Snowflake ? (Text: "'" + text + "'", Quoted: true) : (Text: text, Quoted: false);
        }

        return (ValueText(value.Value), false);
    }

    private static string ValueText(Expr value) => value switch
    {
        Literal l => JsonPaths.Unquote(l.Text),
        ColumnRef r => r.ToString(),
        TupleExpr t => string.Join(',', t.Items.Select(ValueText)),
        _ => value.GetType().Name,
    };

    /// <summary>
    /// BigQuery names a column <c>alias_value</c> whenever the aggregate has an alias; the others name it after the value,
    /// with <c>_alias</c> (or the function's name) appended when there are several aggregates.
    /// </summary>
    private (string Text, bool Quoted) PivotColumnName((string Text, bool Quoted) value, PivotAggregate aggregate, int aggregates)
    {
        if (_dialect.Dialect == SqlDialect.BigQuery && aggregate.Alias is { } alias)
        {
            return (alias.Text + "_" + value.Text, value.Quoted || alias.Quoted);
        }

        return aggregates == 1 ? value : (value.Text + "_" + (aggregate.Alias?.Text ?? AggregateName(aggregate.Aggregate)), value.Quoted);
    }

    private static string AggregateName(Expr aggregate) => aggregate is FunctionCall f ? f.Name.Last.Text : "agg";
}
