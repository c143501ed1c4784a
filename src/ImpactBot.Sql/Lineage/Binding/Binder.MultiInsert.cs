using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

// Snowflake INSERT ALL / FIRST: one lineage per INTO, all fed by one query. The conditions that decide whether a row
// reaches a target are filter row edges of that target: its branch's WHEN, for FIRST also the earlier WHENs (which had
// to fail), for ELSE every WHEN.
internal sealed partial class Binder
{
    private ImmutableArray<QueryLineage> BindMultiInsert(MultiInsertStatement insert)
    {
        var query = BindQuery(insert.Query, null, null);
        var scope = new Scope(null, null, null);
        scope.Sources.Add(new ScopeSource(null, query, selectable: true));
        var conditions = new List<ExprCollector?>();
        foreach (var branch in insert.Branches)
        {
            ExprCollector? condition = null;
            if (branch.When is { } when)
            {
                condition = new ExprCollector();
                BindExpr(when, EdgeKind.Filter, condition, scope);
            }

            conditions.Add(condition);
        }

        var targets = new List<(Relation Relation, string Target)>();
        for (var b = 0; b < insert.Branches.Length; b++)
        {
            var branch = insert.Branches[b];
            foreach (var into in branch.Intos)
            {
                var relation = IntoRelation(into, query, scope);
                relation.RowEdges.AddRange(query.RowEdges);
                relation.Clauses.Append(query.Clauses);
                for (var k = 0; k < conditions.Count; k++)
                {
                    if (conditions[k] is { } condition && (k == b || branch.Else || (insert.First && k < b)))
                    {
                        relation.RowEdges.AddRange(condition.Edges);
                        relation.Clauses.Filter.Append(k == b ? "WHEN(" : "NOT(").Append(condition.Canon).Append(");");
                    }
                }

                targets.Add((relation, RenderName(into.Target)));
            }
        }

        if (targets.Count == 0)
        {
            return [Assemble(query, null)];
        }

        var result = ImmutableArray.CreateBuilder<QueryLineage>(targets.Count);
        foreach (var (relation, target) in targets)
        {
            result.Add(Assemble(relation, target));
        }

        return result.MoveToImmutable();
    }

    /// <summary>The columns one INTO writes: its VALUES read the query's columns, else the query maps by position.</summary>
    private Relation IntoRelation(InsertInto into, Relation query, Scope scope)
    {
        var relation = new Relation();
        if (into.Values.IsDefaultOrEmpty)
        {
            relation.Columns.AddRange(query.Columns);
        }
        else
        {
            for (var i = 0; i < into.Values.Length; i++)
            {
                var collector = new ExprCollector();
                BindExpr(into.Values[i], EdgeKind.Copy, collector, scope);
                var (name, quoted) = OutputName(new ExprSelectItem(into.Values[i], null, into.Values[i].Span), i);
                relation.Columns.Add(new RelationColumn(name, quoted, collector.Edges, Fingerprint.Of(collector.Canon)));
            }
        }

        var names = into.Columns.IsDefaultOrEmpty ? TargetColumns(into.Target, relation.Columns.Count) : into.Columns;
        return RenameByPosition(relation, names, into.Span);
    }
}
