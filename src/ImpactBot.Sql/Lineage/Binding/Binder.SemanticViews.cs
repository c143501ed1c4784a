using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Lineage.Binding;

// Semantic views: the logical tables are FROM items whose keys and relationships are join reads; the public facts,
// dimensions and metrics are the output columns, each reading its table's columns and the entries it names.
internal sealed partial class Binder
{
    private SemanticEntries? _semantic;

    private Relation BindSemanticView(SemanticViewStatement view)
    {
        var tables = new Scope(null, null, null);
        var sources = new Dictionary<string, ScopeSource>(StringComparer.Ordinal);
        foreach (var table in view.Tables)
        {
            var item = new TableRef(table.Table, table.Table.Span) { Alias = new TableAlias(table.Alias, [], table.Alias.Span) };
            BindFromItem(item, tables, selectable: true);
            if (!sources.TryAdd(Names.Key(table.Alias.Text, table.Alias.Quoted, ColumnFolding), tables.Sources[^1]))
            {
                Report("duplicate-alias", $"the logical table {table.Alias.Text} is defined twice; references mean the first", table.Alias.Span);
            }
        }

        foreach (var table in view.Tables)
        {
            BindSemanticKeys(table.Alias, table.PrimaryKey, tables);
            BindSemanticKeys(table.Alias, table.UniqueKeys, tables);
        }

        foreach (var relationship in view.Relationships)
        {
            BindSemanticKeys(relationship.Table, relationship.Columns, tables);
            var referenced = relationship.ReferencedColumns.IsDefaultOrEmpty
                ? view.Tables.FirstOrDefault(t => Names.Same(t.Alias, relationship.Referenced, ColumnFolding))?.PrimaryKey ?? []
                : relationship.ReferencedColumns;
            BindSemanticKeys(relationship.Referenced, referenced, tables);
        }

        _semantic = new SemanticEntries(view, tables, sources, ColumnFolding);
        var relation = new Relation();
        var outputs = view.Expressions.Where(e => !e.Private).ToList();
        var shared = outputs.GroupBy(e => _semantic.Key(e.Name)).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < view.Expressions.Length; i++)
        {
            var entry = view.Expressions[i];
            var column = BindSemanticEntry(i);
            if (entry.Private)
            {
                continue;
            }

            if (shared.Contains(_semantic.Key(entry.Name)))
            {
                // Queries must qualify a name several entries share, so each keeps its table's alias.
                Report("semantic-name-shared", $"{entry.Table.Text}.{entry.Name.Text} shares its name with another entry; it is output as \"{entry.Table.Text}.{entry.Name.Text}\"",
                    entry.Name.Span, DiagnosticSeverity.Info);
                column = column.Renamed(entry.Table.Text + "." + entry.Name.Text, quoted: true);
            }

            relation.Columns.Add(column);
        }

        _semantic = null;
        relation.RowEdges.AddRange(tables.RowEdges);
        relation.Clauses.Append(tables.Clauses);
        return relation;
    }

    /// <summary>Key columns of a logical table (primary, unique, relationship) read like join keys.</summary>
    private void BindSemanticKeys(Identifier table, IEnumerable<Identifier> columns, Scope tables)
    {
        foreach (var column in columns)
        {
            BindRowClause(new ColumnRef([table, column], column.Span), EdgeKind.Join, tables, tables.Clauses.Join);
        }
    }

    private RelationColumn BindSemanticEntry(int index)
    {
        var entries = _semantic!;
        if (entries.Bound[index] is { } done)
        {
            return done;
        }

        var entry = entries.Expressions[index];
        var scope = new Scope(entries.Tables, null, null);
        if (entries.Sources.TryGetValue(entries.Key(entry.Table), out var source))
        {
            scope.Sources.Add(source);
        }
        else
        {
            Report("unresolved-table", $"{entry.Table.Text} is not a logical table of this semantic view's TABLES", entry.Table.Span);
        }

        var previous = entries.Current;
        entries.Current = index;
        entries.Binding[index] = true;
        var collector = new ExprCollector();
        BindExpr(entry.Expr, EdgeKind.Copy, collector, scope);
        entries.Binding[index] = false;
        entries.Current = previous;
        var column = new RelationColumn(entry.Name.Text, entry.Name.Quoted, collector.Edges, Fingerprint.Of(collector.Canon))
        {
            Aggregated = collector.HasAggregate || collector.HasWindow,
            Type = collector.Type,
        };
        entries.Bound[index] = column;
        return column;
    }

    /// <summary>
    /// Inside a semantic view's entry: <c>alias.name</c> naming another entry, or an unqualified name its own table does
    /// not list that names an entry of that table, reads that entry's sources. False leaves the name to the columns.
    /// </summary>
    private bool BindSemanticRef(ColumnRef reference, EdgeKind context, ExprCollector collector)
    {
        var entries = _semantic!;
        if (entries.Current < 0 || reference.Parts.Length > 2)
        {
            return false;
        }

        var parts = reference.Parts;
        int index;
        if (parts.Length == 2)
        {
            index = entries.Find(parts[0], parts[1]);
        }
        else
        {
            var own = entries.Expressions[entries.Current].Table;
            if (entries.Sources.TryGetValue(entries.Key(own), out var source) && source.Relation.FindColumn(parts[0].Text, parts[0].Quoted, ColumnFolding) >= 0)
            {
                return false;
            }

            index = entries.Find(own, parts[0]);
        }

        if (index < 0 || entries.Binding[index])
        {
            return false;
        }

        var column = BindSemanticEntry(index);
        SpendEdges(column.Sources.Count);
        collector.Canon.Append('{').Append(column.Fingerprint).Append('}');
        foreach (var edge in column.Sources)
        {
            collector.Edges.Add(edge with { Kind = EdgeComposition.Compose(context, edge.Kind) });
        }

        collector.HasAggregate |= column.Aggregated;
        return true;
    }
}
