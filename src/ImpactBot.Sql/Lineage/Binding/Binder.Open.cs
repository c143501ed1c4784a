using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

// Names that no source lists: open relations (unknown schema, unexpanded stars, PIVOT over an open input, generators).
internal sealed partial class Binder
{
    /// <summary>Finds a column among sources [start, end): a source that lists it, else the first open source.</summary>
    private List<Edge> ResolveInRange(Identifier name, Scope scope, int start, int end, out int holder)
    {
        for (var i = start; i < end; i++)
        {
            var relation = scope.Sources[i].Relation;
            var index = relation.FindColumn(name.Text, name.Quoted, ColumnFolding);
            if (index >= 0)
            {
                holder = i;
                return [.. relation.Columns[index].Sources];
            }
        }

        for (var i = start; i < end; i++)
        {
            var relation = scope.Sources[i].Relation;
            if (relation.AcceptsUnlisted)
            {
                holder = i;
                return ResolveOpen(relation, name, out _);
            }
        }

        holder = -1;
        return [];
    }

    /// <summary>A name an open relation does not list: a column of its catalog table, of its PIVOT input, or of its stars.</summary>
    private List<Edge> ResolveOpen(Relation relation, Identifier name, out string fingerprint)
    {
        if (relation.NullConditions is { } conditions)
        {
            var found = ResolveOpen(relation.Fallback!, name, out fingerprint);
            found.AddRange(conditions);
            return found;
        }

        var rendered = Names.Render(name, ColumnFolding);
        if (relation.BaseTable is { } table)
        {
            fingerprint = relation.BaseTableKey + "." + Names.Key(name.Text, name.Quoted, ColumnFolding);
            var read = new Edge(table, rendered, EdgeKind.Copy);
            _openReads.Add(read);
            return [read];
        }

        if (relation.Fallback is { } fallback && !relation.FallbackHidden.Exists(h => Names.Same(h, name, ColumnFolding)))
        {
            var index = fallback.FindColumn(name.Text, name.Quoted, ColumnFolding);
            if (index >= 0)
            {
                fingerprint = fallback.Columns[index].Fingerprint;
                return [.. fallback.Columns[index].Sources];
            }

            return ResolveOpen(fallback, name, out fingerprint);
        }

        if (relation.OpenSources is { } open)
        {
            fingerprint = "GEN." + Names.Key(name.Text, name.Quoted, ColumnFolding);
            return [.. open.Select(e => e.Through(EdgeKind.Transform))];
        }

        var edges = new List<Edge>();
        foreach (var column in relation.Columns)
        {
            if (column.Opaque)
            {
                foreach (var edge in column.Sources)
                {
                    if (edge.Column == "*")
                    {
                        var read = edge with { Column = rendered };
                        _openReads.Add(read);
                        edges.Add(read);
                    }
                    else
                    {
                        edges.Add(edge);
                    }
                }
            }
        }

        fingerprint = "STAR." + Names.Key(name.Text, name.Quoted, ColumnFolding);
        return edges;
    }

    /// <summary>Edges for every column of a relation whose outputs are not modelled: its wildcard, else each listed column's sources.</summary>
    private static List<Edge> EveryColumn(Relation relation)
    {
        var edges = WildcardEdges(relation);
        if (edges.Count == 0)
        {
            foreach (var column in relation.Columns)
            {
                edges.AddRange(column.Sources);
            }
        }

        return EdgeSet.Compact(edges);
    }

    /// <summary>The edges standing for "every column" of an open relation, for an unexpanded star.</summary>
    private static List<Edge> WildcardEdges(Relation relation)
    {
        if (relation.NullConditions is { } conditions)
        {
            return [.. WildcardEdges(relation.Fallback!), .. conditions];
        }

        if (relation.BaseTable is { } table)
        {
            return [new Edge(table, "*", EdgeKind.Copy)];
        }

        if (relation.Fallback is { } fallback)
        {
            return WildcardEdges(fallback);
        }

        return relation.OpenSources is { } open ? [.. open] : [];
    }
}
