using System.Text.RegularExpressions;
using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

// SELECT * and t.*: expanded per star from what each source lists; an open source leaves one wildcard output.
internal sealed partial class Binder
{
    private void ExpandStar(StarSelectItem star, Scope scope)
    {
        if (star.Qualifier is { } qualifier)
        {
            for (var i = 0; i < scope.Sources.Count; i++)
            {
                if (scope.Sources[i].Selectable && QualifierMatches(scope.Sources[i].Names, qualifier.Parts, qualifier.Parts.Length))
                {
                    ExpandSource(star, scope.Sources[i], i, scope, mergedFirst: false);
                    return;
                }
            }

            Report("unresolved-star", $"{qualifier}.* does not name a source of this SELECT", star.Span);
            AddProjection(scope, new RelationColumn(qualifier + ".*", false, [], "?" + qualifier + ".*") { Opaque = true });
            return;
        }

        foreach (var merged in scope.Merged)
        {
            var name = merged.Name;
            if (!IsExcluded(star, name.Text, name.Quoted, null))
            {
                AddStarColumn(star, new RelationColumn(name.Text, name.Quoted, [.. merged.ResolvesTo], merged.Fingerprint), null, scope);
            }
        }

        for (var i = 0; i < scope.Sources.Count; i++)
        {
            if (scope.Sources[i].Selectable)
            {
                ExpandSource(star, scope.Sources[i], i, scope, mergedFirst: true);
            }
        }
    }

    private void ExpandSource(StarSelectItem star, ScopeSource source, int index, Scope scope, bool mergedFirst)
    {
        var relation = source.Relation;
        foreach (var column in relation.Columns)
        {
            if (column.Opaque)
            {
                Report("unknown-star", "a star over a source with unknown columns stays a wildcard", star.Span);
                AddProjection(scope, column);
                continue;
            }

            if (mergedFirst && IsMergedKey(scope, column, index))
            {
                continue;
            }

            if (!IsExcluded(star, column.Name, column.Quoted, source))
            {
                AddStarColumn(star, column, source, scope);
            }
        }

        if (relation.LowerBound && !relation.Open && star.ILikePattern is null)
        {
            scope.LowerBoundStars.Add(relation);
            scope.StarHidden.AddRange(star.Exclude.Select(e => e.Last));
            scope.StarHidden.AddRange(star.Rename.Select(r => r.Column.Last));
        }

        if (relation.Open)
        {
            var name = star.Qualifier is { } q ? q + ".*" : "*";
            Report("unknown-star", $"the columns of {DescribeSource(source)} are unknown: {name} stays a wildcard (pass a schema to expand it)", star.Span);
            AddProjection(scope, new RelationColumn(name, false, WildcardEdges(relation), "STAR:" + (relation.BaseTableKey ?? name)) { Opaque = true });
        }
    }

    private static string DescribeSource(ScopeSource source) =>
        source.Relation.BaseTable ?? (source.Names is { Count: > 0 } n ? n[^1].Text : "a source");

    private bool IsMergedKey(Scope scope, RelationColumn column, int sourceIndex)
    {
        foreach (var merged in scope.Merged)
        {
            if (merged.Holders.Contains(sourceIndex) && Names.Same(merged.Name.Text, merged.Name.Quoted, column.Name, column.Quoted, ColumnFolding))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsExcluded(StarSelectItem star, string name, bool quoted, ScopeSource? source)
    {
        foreach (var excluded in star.Exclude)
        {
            var last = excluded.Last;
            if (!Names.Same(last.Text, last.Quoted, name, quoted, ColumnFolding))
            {
                continue;
            }

            // A qualified exclusion (o.id) applies to its own table only.
            if (excluded.Parts.Length == 1 || (source is not null && QualifierMatches(source.Names, excluded.Parts, excluded.Parts.Length - 1)))
            {
                return true;
            }
        }

        return star.ILikePattern is { } pattern && !ILike(name, pattern);
    }

    private void AddStarColumn(StarSelectItem star, RelationColumn column, ScopeSource? source, Scope scope)
    {
        foreach (var replacement in star.Replace)
        {
            if (Names.Same(replacement.Column.Text, replacement.Column.Quoted, column.Name, column.Quoted, ColumnFolding))
            {
                var collector = new ExprCollector();
                BindExpr(replacement.Expr, EdgeKind.Transform, collector, scope);
                AddProjection(scope, new RelationColumn(column.Name, column.Quoted, collector.Edges, Fingerprint.Of(collector.Canon))
                {
                    Aggregated = collector.HasAggregate || collector.HasWindow,
                });
                return;
            }
        }

        foreach (var rename in star.Rename)
        {
            var last = rename.Column.Last;
            if (Names.Same(last.Text, last.Quoted, column.Name, column.Quoted, ColumnFolding)
                && (rename.Column.Parts.Length == 1 || (source is not null && QualifierMatches(source.Names, rename.Column.Parts, rename.Column.Parts.Length - 1))))
            {
                AddProjection(scope, column.Renamed(rename.NewName.Text, rename.NewName.Quoted));
                return;
            }
        }

        AddProjection(scope, column);
    }

    private static void AddProjection(Scope scope, RelationColumn column)
    {
        scope.Projections.Add(column);
        scope.ProjectionAliases.Add(null);
    }

    /// <summary>SQL ILIKE with <c>%</c> and <c>_</c>, case-insensitive.</summary>
    private static bool ILike(string name, string pattern)
    {
        var unquoted = JsonPaths.Unquote(pattern);
        var regex = "^" + Regex.Escape(unquoted).Replace("%", ".*", StringComparison.Ordinal).Replace("_", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(name, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }
}
