using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

// VALUES and MERGE: statements whose columns come from lists rather than a select list.
internal sealed partial class Binder
{
    private Relation BindValues(ValuesQuery values, Scope? outer, CteEnv? ctes)
    {
        var relation = new Relation();
        var scope = new Scope(outer, ctes, null);
        var width = values.Rows.IsDefaultOrEmpty ? 0 : values.Rows[0].Length;
        for (var i = 0; i < width; i++)
        {
            var collector = new ExprCollector();
            foreach (var row in values.Rows)
            {
                if (i < row.Length)
                {
                    BindExpr(row[i], EdgeKind.Copy, collector, scope);
                    collector.Canon.Append(';');
                }
            }

            relation.Columns.Add(new RelationColumn("column" + (i + 1), false, collector.Edges, Fingerprint.Of(collector.Canon)));
        }

        return relation;
    }

    private Relation BindMerge(MergeStatement merge)
    {
        var scope = new Scope(null, merge.With is { } with ? BindWith(with, null, null) : null, null);
        var targetRef = new TableRef(merge.Target, merge.Target.Span)
        {
            Alias = merge.TargetAlias is { } a ? new TableAlias(a, [], a.Span) : null,
        };
        BindFromItem(targetRef, scope, selectable: true);
        BindFromItem(merge.Source, scope, selectable: true);
        BindRowClause(merge.On, EdgeKind.Join, scope, scope.Clauses.Join);

        var relation = new Relation();
        foreach (var assignment in merge.Assignments)
        {
            var collector = new ExprCollector();
            BindExpr(assignment.Value, EdgeKind.Copy, collector, scope);
            var index = relation.FindColumn(assignment.Column.Text, assignment.Column.Quoted, ColumnFolding);
            if (index < 0)
            {
                relation.Columns.Add(new RelationColumn(assignment.Column.Text, assignment.Column.Quoted, collector.Edges, Fingerprint.Of(collector.Canon)));
            }
            else
            {
                relation.Columns[index].Sources.AddRange(collector.Edges);
                relation.Columns[index].Fingerprint = Fingerprint.Of(relation.Columns[index].Fingerprint + ";" + collector.Canon);
            }
        }

        relation.RowEdges.AddRange(scope.RowEdges);
        relation.Clauses.Append(scope.Clauses);
        return relation;
    }
}
