using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

// MATCH_RECOGNIZE as an operator on its input. ONE ROW PER MATCH gives the partition columns and the measures; ALL ROWS
// PER MATCH also the input's rows, laid out as the dialect does (SQL:2016 and Trino: partition, order, measures, the rest;
// Snowflake: the input's columns, then the measures). Measures and DEFINE conditions bind against the input, whose
// columns they may qualify by a pattern variable (A.price).
internal sealed partial class Binder
{
    /// <param name="names">What qualifies the input (its alias or table name).</param>
    private Relation MatchRecognized(Relation input, MatchRecognizeClause clause, Scope scope, IReadOnlyList<Identifier>? names)
    {
        if (!clause.Understood)
        {
            return UnmodelledMatchRecognize(input, clause);
        }

        var inner = new Scope(null, scope.Ctes, null);
        inner.Sources.Add(new ScopeSource(names, input, true));
        foreach (var variable in clause.Variables.Concat(clause.Definitions.Select(d => d.Variable)))
        {
            inner.Sources.Add(new ScopeSource([variable], input, false));
        }

        var keys = new List<RelationColumn>();
        var rowEdges = new List<Edge>();
        var partitionKind = clause.AllRowsPerMatch ? EdgeKind.Filter : EdgeKind.Group;
        foreach (var expr in clause.PartitionBy)
        {
            keys.Add(MatchKey(expr, partitionKind, inner, rowEdges));
        }

        var orderKeys = new List<RelationColumn>();
        foreach (var item in clause.OrderBy)
        {
            orderKeys.Add(MatchKey(item.Expr, EdgeKind.Filter, inner, rowEdges));
        }

        foreach (var definition in clause.Definitions)
        {
            var collector = new ExprCollector();
            BindExpr(definition.Condition, EdgeKind.Copy, collector, inner);
            rowEdges.AddRange(collector.Edges.Select(e => e with { Kind = EdgeKind.Filter }));
        }

        var measures = new List<RelationColumn>();
        foreach (var measure in clause.Measures)
        {
            var collector = new ExprCollector();
            BindExpr(measure.Expr, EdgeKind.Copy, collector, inner);
            SpendEdges(collector.Edges.Count);
            measures.Add(new RelationColumn(measure.Name.Text, measure.Name.Quoted, EdgeSet.Compact(collector.Edges), "MEASURE:" + Fingerprint.Of(collector.Canon))
            {
                Aggregated = collector.HasAggregate,
            });
        }

        rowEdges.AddRange(inner.RowEdges.Select(e => e with { Kind = EdgeKind.Filter }));
        var output = clause.AllRowsPerMatch ? AllRowsPerMatch(input, keys, orderKeys, measures) : new Relation();
        if (!clause.AllRowsPerMatch)
        {
            output.RowEdges.AddRange(input.RowEdges);
            output.Clauses.Append(input.Clauses);
            output.Columns.AddRange(keys.Where(k => k.Name.Length > 0));
            output.Columns.AddRange(measures);
        }

        output.RowEdges.AddRange(EdgeSet.Compact(rowEdges));
        output.Clauses.Grain.Append(clause.Text).Append(';');
        return output;
    }

    /// <summary>A PARTITION BY or ORDER BY item: a row edge, and an output column when it names one (else unnamed).</summary>
    private RelationColumn MatchKey(Expr expr, EdgeKind kind, Scope inner, List<Edge> rowEdges)
    {
        var collector = new ExprCollector();
        BindExpr(expr, EdgeKind.Copy, collector, inner);
        rowEdges.AddRange(collector.Edges.Select(e => e with { Kind = kind }));
        var name = expr is ColumnRef column ? column.Last : null;
        return new RelationColumn(name?.Text ?? "", name?.Quoted ?? false, EdgeSet.Compact(collector.Edges), Fingerprint.Of(collector.Canon));
    }

    /// <summary>The input's rows with the measures: an input with columns nobody listed keeps them reachable.</summary>
    private Relation AllRowsPerMatch(Relation input, List<RelationColumn> keys, List<RelationColumn> orderKeys, List<RelationColumn> measures)
    {
        var unlisted = input.Open || input.LowerBound;
        var output = new Relation { Open = input.Open, LowerBound = input.LowerBound, Fallback = unlisted ? input : null };
        output.RowEdges.AddRange(input.RowEdges);
        output.Clauses.Append(input.Clauses);
        if (_dialect.MatchRecognizeInputColumnsFirst)
        {
            output.Columns.AddRange(input.Columns);
            output.Columns.AddRange(measures);
            return output;
        }

        var named = keys.Concat(orderKeys).Where(k => k.Name.Length > 0).ToList();
        output.Columns.AddRange(named);
        output.Columns.AddRange(measures);
        output.Columns.AddRange(input.Columns.Where(c => c.Opaque || !named.Exists(k => Names.Same(k.Name, k.Quoted, c.Name, c.Quoted, ColumnFolding))));
        return output;
    }

    /// <summary>A clause the parser could not read: a wildcard over its input, and the statement is partial.</summary>
    private Relation UnmodelledMatchRecognize(Relation input, MatchRecognizeClause clause)
    {
        Report("match-recognize", "this MATCH_RECOGNIZE clause could not be read: its columns stay a wildcard over its input", clause.Span);
        var output = new Relation();
        output.Columns.Add(new RelationColumn("*", false, EveryColumn(input), Fingerprint.Of("MATCH_RECOGNIZE:" + input.BaseTableKey + ":" + clause.Text))
        {
            Opaque = true,
        });
        output.RowEdges.AddRange(input.RowEdges);
        output.Clauses.Append(input.Clauses);
        output.Clauses.Grain.Append(clause.Text).Append(';');
        return output;
    }
}
