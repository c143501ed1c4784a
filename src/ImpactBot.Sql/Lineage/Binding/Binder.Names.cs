using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Lineage.Binding;

// Name resolution: qualified names by the longest prefix naming a source, then columns, then struct fields; unqualified
// names through USING keys, listed columns, projection aliases, the open source, then the outer scopes.
internal sealed partial class Binder
{
    private void BindColumnRef(ColumnRef reference, EdgeKind context, ExprCollector collector, Scope scope)
    {
        var parts = reference.Parts;
        if (IsLambdaParameter(parts[0]))
        {
            collector.Canon.Append('λ').Append(Names.Key(parts[0].Text, parts[0].Quoted, ColumnFolding));
            return;
        }

        var edges = new List<Edge>();
        var resolved = false;
        string fingerprint = "";
        var fieldsFrom = 1;
        for (var s = scope; s is not null && !resolved; s = s.Parent)
        {
            for (var i = parts.Length - 1; i >= 1 && !resolved; i--)
            {
                foreach (var source in s.Sources)
                {
                    if (QualifierMatches(source.Names, parts, i))
                    {
                        resolved = true;
                        fieldsFrom = i + 1;
                        if (!ResolveInRelation(source.Relation, parts[i], edges, out fingerprint))
                        {
                            Report("unresolved-column", $"column {parts[i].Text} is not a column of {string.Join('.', parts.Take(i).Select(p => p.Text))}", reference.Span);
                        }

                        break;
                    }
                }
            }
        }

        if (!resolved && parts.Length > 1 && !_dialect.DottedStructFields)
        {
            fingerprint = "?" + reference;
            fieldsFrom = parts.Length;
            Report("unresolved-column", $"{string.Join('.', parts.Take(parts.Length - 1).Select(p => p.Text))} is not a source of this query", reference.Span);
        }
        else if (!resolved)
        {
            fieldsFrom = 1;
            ResolveUnqualified(parts[0], scope, edges, out fingerprint, reference.Span);
        }

        collector.Canon.Append('{').Append(fingerprint);
        var fields = parts.Length - fieldsFrom;
        var kind = fields > 0 ? EdgeComposition.Compose(context, EdgeKind.Transform) : context;
        foreach (var edge in edges)
        {
            var path = edge.Path;
            for (var f = fieldsFrom; f < parts.Length; f++)
            {
                path = (path ?? edge.Column) + "." + parts[f].Text;
            }

            collector.Edges.Add(edge with { Kind = EdgeComposition.Compose(kind, edge.Kind), Path = path });
        }

        for (var f = fieldsFrom; f < parts.Length; f++)
        {
            collector.Canon.Append('.').Append(parts[f].Text);
        }

        collector.Canon.Append('}');
    }

    private bool QualifierMatches(IReadOnlyList<Identifier>? names, ImmutableArray<Identifier> parts, int length)
    {
        if (names is null || length > names.Count)
        {
            return false;
        }

        // An alias is one name compared like a column; a table name compares its trailing parts like table names.
        var folding = names.Count == 1 ? ColumnFolding : TableFolding;
        var offset = names.Count - length;
        for (var k = 0; k < length; k++)
        {
            if (!Names.Same(names[offset + k], parts[k], folding))
            {
                return false;
            }
        }

        return true;
    }

    private bool ResolveInRelation(Relation relation, Identifier column, List<Edge> edges, out string fingerprint)
    {
        var index = relation.FindColumn(column.Text, column.Quoted, ColumnFolding);
        if (index >= 0)
        {
            fingerprint = relation.Columns[index].Fingerprint;
            edges.AddRange(relation.Columns[index].Sources);
            return true;
        }

        if (relation.AcceptsUnlisted)
        {
            edges.AddRange(ResolveOpen(relation, column, out fingerprint));
            return true;
        }

        fingerprint = "?" + column.Text;
        return false;
    }

    private bool ResolveUnqualified(Identifier name, Scope scope, List<Edge> edges, out string fingerprint, SourceSpan span)
    {
        for (var s = scope; s is not null; s = s.Parent)
        {
            foreach (var merged in s.Merged)
            {
                if (Names.Same(merged.Name, name, ColumnFolding))
                {
                    edges.AddRange(merged.ResolvesTo);
                    fingerprint = merged.Fingerprint;
                    return true;
                }
            }

            // A name two inputs list that is also a visible projection alias (GROUP BY participant_id after
            // SELECT spine.participant_id ... JOIN rides): the alias is the only reading under which the query is valid.
            if (s == scope && s.VisibleProjections > 0 && ListedAmbiguously(name, s) && ResolveAlias(name, s, edges, out fingerprint))
            {
                return true;
            }

            if (TrySettle(name, s, edges, out fingerprint, span) || ResolveListed(name, s, edges, out fingerprint, span))
            {
                return true;
            }

            // LEVEL in a hierarchical query is the query's own, not a column of an input whose columns are unknown.
            if (s.Select is { Hierarchy.IsEmpty: false } && !name.Quoted && _dialect.HierarchyPseudoColumns.Contains(name.Text))
            {
                fingerprint = name.Text.ToUpperInvariant();
                return true;
            }

            if (s == scope && ResolveAlias(name, s, edges, out fingerprint))
            {
                return true;
            }

            if (ResolveInOpen(name, s, edges, out fingerprint, span))
            {
                return true;
            }

            if (ResolveElementField(name, s, edges, out fingerprint))
            {
                return true;
            }
        }

        fingerprint = "?" + name.Text;
        Report("unresolved-column", $"column {name.Text} is not found in any source", span);
        return false;
    }

    /// <summary>
    /// BigQuery: the fields of an UNNEST's struct elements are columns too (<c>FROM c, c.attachments AS a</c>: <c>id</c>
    /// is <c>a.id</c>). A name nothing else has is a field of the one range variable in scope; with several, nobody knows.
    /// </summary>
    private bool ResolveElementField(Identifier name, Scope scope, List<Edge> edges, out string fingerprint)
    {
        RelationColumn? element = null;
        foreach (var source in scope.Sources)
        {
            foreach (var column in source.Selectable ? source.Relation.Columns : [])
            {
                if (column.RangeVariable)
                {
                    if (element is not null)
                    {
                        fingerprint = "";
                        return false;
                    }

                    element = column;
                }
            }
        }

        if (element is null)
        {
            fingerprint = "";
            return false;
        }

        foreach (var edge in element.Sources)
        {
            edges.Add(edge with { Path = (edge.Path ?? edge.Column) + "." + name.Text });
        }

        fingerprint = element.Fingerprint + "." + Names.Key(name.Text, name.Quoted, ColumnFolding);
        return true;
    }

    /// <summary>Whether two or more inputs list the name and no single range variable among them wins.</summary>
    private bool ListedAmbiguously(Identifier name, Scope scope)
    {
        var count = 0;
        var rangeVariables = 0;
        foreach (var source in scope.Sources)
        {
            if (source.Selectable && source.Relation.FindColumn(name.Text, name.Quoted, ColumnFolding) is >= 0 and var index)
            {
                count++;
                rangeVariables += source.Relation.Columns[index].RangeVariable ? 1 : 0;
            }
        }

        return count > 1 && rangeVariables != 1;
    }

    /// <summary>Sources that list the name; two or more make it ambiguous and every candidate is kept, flagged.</summary>
    private bool ResolveListed(Identifier name, Scope scope, List<Edge> edges, out string fingerprint, SourceSpan span)
    {
        RelationColumn? first = null;
        ScopeSource? firstSource = null;
        RelationColumn? rangeVariable = null;
        var count = 0;
        var rangeVariables = 0;
        foreach (var source in scope.Sources)
        {
            if (!source.Selectable)
            {
                continue;
            }

            var index = source.Relation.FindColumn(name.Text, name.Quoted, ColumnFolding);
            if (index >= 0)
            {
                count++;
                firstSource ??= source;
                first ??= source.Relation.Columns[index];
                if (source.Relation.Columns[index].RangeVariable)
                {
                    rangeVariables++;
                    rangeVariable = source.Relation.Columns[index];
                }
            }
        }

        if (count > 1 && rangeVariables == 1)
        {
            first = rangeVariable;
            count = 1;
        }

        if (count == 0)
        {
            fingerprint = "";
            return false;
        }

        if (count == 1)
        {
            if (!first!.Inferred && !first.RangeVariable)
            {
                RecordEvidence(scope, firstSource!, name);
            }

            edges.AddRange(first.Sources);
            fingerprint = first.Fingerprint;
            return true;
        }

        Report("ambiguous-column", $"column {name.Text} exists in {count} sources; every one is kept as a candidate", span);
        var prints = new List<string>();
        foreach (var source in scope.Sources)
        {
            var index = source.Selectable ? source.Relation.FindColumn(name.Text, name.Quoted, ColumnFolding) : -1;
            if (index >= 0)
            {
                prints.Add(source.Relation.Columns[index].Fingerprint);
                foreach (var edge in source.Relation.Columns[index].Sources)
                {
                    edges.Add(edge with { Candidate = true });
                }
            }
        }

        fingerprint = "AMBIGUOUS(" + string.Join(',', prints) + ")";
        return true;
    }

    private bool ResolveAlias(Identifier name, Scope scope, List<Edge> edges, out string fingerprint)
    {
        for (var i = 0; i < scope.VisibleProjections && i < scope.Projections.Count; i++)
        {
            var projection = scope.Projections[i];
            if (!projection.Opaque && Names.Same(projection.Name, projection.Quoted, name.Text, name.Quoted, ColumnFolding))
            {
                edges.AddRange(projection.Sources);
                fingerprint = projection.Fingerprint;
                return true;
            }
        }

        fingerprint = "";
        return false;
    }

    /// <summary>
    /// A name no source lists: with one open source it is that source's (flagged inferred when other sources exist, as
    /// sqlglot's infer_schema); with several, every open source is a flagged candidate.
    /// </summary>
    private bool ResolveInOpen(Identifier name, Scope scope, List<Edge> edges, out string fingerprint, SourceSpan span)
    {
        ScopeSource? open = null;
        var openCount = 0;
        var selectable = 0;
        foreach (var source in scope.Sources)
        {
            if (!source.Selectable)
            {
                continue;
            }

            selectable++;
            if (source.Relation.AcceptsUnlisted)
            {
                openCount++;
                open ??= source;
            }
        }

        fingerprint = "";
        if (openCount == 0)
        {
            return false;
        }

        if (openCount == 1)
        {
            var found = ResolveOpen(open!.Relation, name, out fingerprint);
            var inferred = selectable > 1;
            if (inferred)
            {
                // The other items' columns are known and lack the name: known columns bind it here.
                _partial = true;
                RecordEvidence(scope, open, name);
            }

            foreach (var edge in found)
            {
                edges.Add(inferred ? edge with { Inferred = true } : edge);
            }

            return true;
        }

        Report("ambiguous-column", $"column {name.Text} may come from any of {openCount} sources with unknown columns; every one is kept as a candidate", span);
        var reads = _openReads.Count;
        var prints = new List<string>();
        foreach (var source in scope.Sources)
        {
            if (source.Selectable && source.Relation.AcceptsUnlisted)
            {
                var found = ResolveOpen(source.Relation, name, out var print);
                foreach (var edge in found)
                {
                    edges.Add(edge with { Candidate = true });
                }

                prints.Add(print);
            }
        }

        // Candidates are not reads: the name belongs to one of them, nobody knows which (another query of this shape may).
        _openReads.RemoveRange(reads, _openReads.Count - reads);
        AddShape(new NameShape(ShapeKey(scope, name), null));
        fingerprint = "AMBIGUOUS(" + string.Join(',', prints) + ")";
        return true;
    }

    private bool IsLambdaParameter(Identifier name)
    {
        foreach (var parameter in _lambdaParameters)
        {
            if (Names.Same(parameter, name, ColumnFolding))
            {
                return true;
            }
        }

        return false;
    }
}
