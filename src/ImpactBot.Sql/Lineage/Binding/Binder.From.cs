using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Lineage.Binding;

// FROM items: tables, CTE references, derived tables, joins with USING/NATURAL.
internal sealed partial class Binder
{
    /// <param name="nullable">The item is on the nullable side of an outer join: its row edges wait for
    /// <see cref="MakeNullable"/> instead of becoming row edges of the scope.</param>
    private void BindFromItem(FromItem item, Scope scope, bool selectable, bool nullable = false)
    {
        if (item is JoinItem join)
        {
            BindJoin(join, scope, selectable, nullable);
            return;
        }

        if (item is TableRef path && ImplicitUnnest(path, scope) is { } unnest)
        {
            item = unnest;
        }

        Relation relation;
        IReadOnlyList<Identifier>? names;
        var aliasNames = item.Alias is { } alias ? new[] { alias.Name } : null;
        switch (item)
        {
            case TableRef table:
                relation = BindTableRef(table, scope);
                names = aliasNames ?? (IReadOnlyList<Identifier>)table.Name.Parts;
                break;
            case DerivedTable derived:
                relation = BindQuery(derived.Query, derived.Lateral ? scope : scope.Parent, scope.Ctes);
                names = aliasNames;
                break;
            case TableFunction function:
                relation = BindTableFunction(function, scope);
                names = function.Kind == TableFunctionKind.Unnest && _dialect.UnnestAliasIsColumn ? null : aliasNames;
                break;
            default:
                Report("unknown-from-item", "this FROM item is not understood; its columns are unknown", item.Span);
                relation = new Relation { Open = true };
                names = aliasNames;
                break;
        }

        if (item.MatchRecognize is { } matchRecognize)
        {
            relation = MatchRecognized(relation, matchRecognize, scope, names);
        }

        if (item is not TableFunction && item.Alias is { Columns.IsDefaultOrEmpty: false } withColumns)
        {
            relation = RenameByPosition(relation, withColumns.Columns, withColumns.Span);
        }

        if (!item.Pivots.IsDefaultOrEmpty)
        {
            relation = ApplyPivots(relation, item.Pivots, scope, names);
            if (item.Pivots[^1].Alias is { } pivotAlias)
            {
                names = [pivotAlias.Name];
                if (!pivotAlias.Columns.IsDefaultOrEmpty)
                {
                    relation = RenameByPosition(relation, pivotAlias.Columns, pivotAlias.Span);
                }
            }
        }

        scope.Sources.Add(new ScopeSource(names, relation, selectable));
        if (!nullable || !selectable)
        {
            foreach (var edge in relation.RowEdges)
            {
                scope.RowEdges.Add(selectable ? edge : edge with { Kind = EdgeKind.Filter });
            }
        }

        if (selectable)
        {
            scope.Clauses.Append(relation.Clauses);
        }
        else
        {
            scope.Clauses.Filter.Append("SEMI(");
            scope.Clauses.Filter.Append(relation.Clauses.Filter).Append(relation.Clauses.Join).Append(relation.Clauses.Grain);
            scope.Clauses.Filter.Append(')');
        }
    }

    /// <summary>
    /// BigQuery's correlated array path (<c>FROM orgs, orgs.parents AS parent</c>): a FROM path whose first name is an
    /// earlier FROM item is <c>UNNEST(orgs.parents) AS parent</c>, its alias defaulting to the path's last name.
    /// </summary>
    private TableFunction? ImplicitUnnest(TableRef table, Scope scope)
    {
        var parts = table.Name.Parts;
        if (!_dialect.UnnestAliasIsColumn || parts.Length < 2 || !scope.Sources.Any(source => QualifierMatches(source.Names, parts, 1)))
        {
            return null;
        }

        var unnest = new QualifiedName([new Identifier("UNNEST", Quoted: false, table.Span)], table.Span);
        return new TableFunction(TableFunctionKind.Unnest, unnest, [new ColumnRef(parts, table.Name.Span)], Lateral: true, table.Span)
        {
            Alias = table.Alias ?? new TableAlias(parts[^1], [], table.Name.Span),
            Pivots = table.Pivots,
        };
    }

    private Relation BindTableRef(TableRef table, Scope scope)
    {
        if (table.Name.Parts.Length == 1)
        {
            for (var env = scope.Ctes; env is not null; env = env.Parent)
            {
                if (Names.Same(env.Name, table.Name.Parts[0], ColumnFolding))
                {
                    MarkUsed(env);
                    if (env.ModelName is { } model)
                    {
                        AddTable(model, env.Relation.BaseTableKey ?? model);
                    }

                    return env.Relation;
                }
            }
        }

        var key = NameKey(table.Name);
        if (_catalog.TryGetValue(key, out var known))
        {
            AddTable(known.BaseTable!, key);
            return known;
        }

        var rendered = RenderName(table.Name);
        AddTable(rendered, key);
        var columns = SchemaColumns(table.Name, out var inferred, out var lowerBound);
        var relation = new Relation { BaseTable = rendered, BaseTableKey = key, Open = columns is null, LowerBound = lowerBound || (inferred is not null && inferred.Contains(true)) };
        if (columns is not null)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var spelling = columns[i];
                var (text, quoted) = Names.ParseSpelling(spelling);
                relation.Columns.Add(new RelationColumn(text, quoted, [new Edge(rendered, spelling, EdgeKind.Copy)], key + "." + Names.Key(text, quoted, ColumnFolding))
                {
                    Inferred = inferred is not null && inferred[i],
                    FromSchema = true,
                });
            }
        }

        _catalog[key] = relation;
        return relation;
    }

    /// <summary>The table's columns as the schema spells them, or null when there is no schema or it does not know the table.</summary>
    private IReadOnlyList<string>? SchemaColumns(QualifiedName name, out IReadOnlyList<bool>? inferred, out bool lowerBound)
    {
        inferred = null;
        lowerBound = false;
        if (_schema is null)
        {
            return null;
        }

        var spelled = new string[name.Parts.Length];
        for (var i = 0; i < spelled.Length; i++)
        {
            var part = name.Parts[i];
            spelled[i] = part.Quoted ? "\"" + part.Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : part.Text;
        }

        var columns = _schema.FindColumns(spelled, out inferred);
        lowerBound = columns is not null && _schema.IsLowerBound(spelled);
        return columns;
    }

    private void MarkUsed(CteEnv env)
    {
        if (env.Used)
        {
            return;
        }

        env.Used = true;
        _diagnostics.AddRange(env.Diagnostics);
        _partial |= env.Partial;
    }

    private void BindJoin(JoinItem join, Scope scope, bool selectable, bool nullable)
    {
        var leftNullable = join.Kind is JoinKind.Right or JoinKind.Full;
        var rightNullable = join.Kind is JoinKind.Left or JoinKind.Full;
        var leftStart = scope.Sources.Count;
        BindFromItem(join.Left, scope, selectable, nullable || leftNullable);
        var rightStart = scope.Sources.Count;
        var semi = join.Kind is JoinKind.Semi or JoinKind.Anti;
        BindFromItem(join.Right, scope, selectable && !semi, nullable || rightNullable);
        var end = scope.Sources.Count;
        var rowKind = semi ? EdgeKind.Filter : EdgeKind.Join;
        var canon = semi ? scope.Clauses.Filter : scope.Clauses.Join;
        canon.Append(join.Natural ? "NATURAL " : "").Append(join.Kind).Append(" JOIN ");
        if (join.On is { } on)
        {
            BindRowClause(on, rowKind, scope, canon);
        }

        var firstKey = scope.Merged.Count;
        foreach (var key in join.Using)
        {
            var left = ResolveInRange(key, scope, leftStart, rightStart, out var leftHolder);
            var right = ResolveInRange(key, scope, rightStart, end, out var rightHolder);
            // A key one side lists as a constant ('x' AS blockchain) has no source edges but is there.
            if (leftHolder < 0 || rightHolder < 0)
            {
                Report("unresolved-using", $"USING column {key.Text} is not found on both sides of the join", key.Span);
            }

            AddMergedKey(key, join.Kind, false, left, right, leftHolder, rightHolder, scope, rowKind);
            canon.Append("USING ").Append(Names.Key(key.Text, key.Quoted, ColumnFolding)).Append(';');
        }

        if (join.Natural)
        {
            BindNatural(join, scope, leftStart, rightStart, end, rowKind);
        }

        // The ON clause saw the sources as they are; an enclosing outer join makes a nested group nullable instead.
        if (!nullable && (leftNullable || rightNullable))
        {
            ApplyOuterJoin(join, scope, leftStart, rightStart, end, firstKey);
        }
    }

    private void BindNatural(JoinItem join, Scope scope, int leftStart, int rightStart, int end, EdgeKind rowKind)
    {
        for (var i = leftStart; i < end; i++)
        {
            if (scope.Sources[i].Relation.Open)
            {
                Report("natural-join-unknown-schema", "NATURAL JOIN needs the columns of both sides; the join keys are unknown", join.Span);
                return;
            }
        }

        var seen = new List<Identifier>();
        for (var i = leftStart; i < rightStart; i++)
        {
            foreach (var column in scope.Sources[i].Relation.Columns)
            {
                var name = new Identifier(column.Name, column.Quoted, join.Span);
                if (seen.Exists(s => Names.Same(s, name, ColumnFolding)))
                {
                    continue;
                }

                var right = ResolveInRange(name, scope, rightStart, end, out var rightHolder);
                if (rightHolder < 0)
                {
                    continue;
                }

                seen.Add(name);
                var left = ResolveInRange(name, scope, leftStart, rightStart, out var leftHolder);
                AddMergedKey(name, JoinKind.Full, true, left, right, leftHolder, rightHolder, scope, rowKind);
                scope.Clauses.Join.Append("NATURAL ").Append(Names.Key(name.Text, name.Quoted, ColumnFolding)).Append(';');
            }
        }
    }

    /// <summary>
    /// A USING/NATURAL key: both sides give row edges; an unqualified reference reads the left side (INNER/LEFT), the right
    /// side (RIGHT) or both (FULL and NATURAL, where the values are equal or coalesced).
    /// </summary>
    private static void AddMergedKey(
        Identifier name, JoinKind kind, bool natural, List<Edge> left, List<Edge> right, int leftHolder, int rightHolder, Scope scope, EdgeKind rowKind)
    {
        foreach (var edge in left)
        {
            scope.RowEdges.Add(edge with { Kind = rowKind });
        }

        foreach (var edge in right)
        {
            scope.RowEdges.Add(edge with { Kind = rowKind });
        }

        if (rowKind != EdgeKind.Join)
        {
            return;
        }

        List<Edge> resolves = kind switch
        {
            _ when natural => [.. left, .. right],
            JoinKind.Full => [.. left, .. right],
            JoinKind.Right => [.. right],
            _ => [.. left],
        };
        var merged = new MergedKey(name, resolves, "USING:" + string.Join(',', resolves.Select(e => e.Table + "." + e.Column)));
        if (leftHolder >= 0)
        {
            merged.Holders.Add(leftHolder);
        }

        if (rightHolder >= 0)
        {
            merged.Holders.Add(rightHolder);
        }

        scope.Merged.Add(merged);
    }
}
