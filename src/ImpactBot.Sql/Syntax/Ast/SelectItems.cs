using System.Collections.Immutable;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax.Ast;

// Items of a select list.

public abstract record SelectItem(SourceSpan Span) : SqlNode(Span);

/// <summary><c>expr [AS] alias</c>. An unparseable item keeps its place as an <see cref="OpaqueExpr"/>.</summary>
public sealed record ExprSelectItem(Expr Expr, Identifier? Alias, SourceSpan Span) : SelectItem(Span);

/// <summary>
/// <c>*</c> or <c>t.*</c> with its modifiers: <c>EXCLUDE (..)</c> / BigQuery and Databricks <c>EXCEPT (..)</c>,
/// <c>REPLACE (expr AS col, ..)</c>, <c>RENAME (col AS new, ..)</c>, DuckDB/Snowflake <c>ILIKE 'pattern'</c>.
/// </summary>
public sealed record StarSelectItem(QualifiedName? Qualifier, SourceSpan Span) : SelectItem(Span)
{
    /// <summary>Excluded columns; a qualified exclusion (<c>o.id</c>) applies only to its own table.</summary>
    public ImmutableArray<QualifiedName> Exclude { get; init; } = [];

    public ImmutableArray<StarReplacement> Replace { get; init; } = [];

    public ImmutableArray<StarRename> Rename { get; init; } = [];

    public string? ILikePattern { get; init; }
}

public sealed record StarReplacement(Expr Expr, Identifier Column, SourceSpan Span) : SqlNode(Span);

public sealed record StarRename(QualifiedName Column, Identifier NewName, SourceSpan Span) : SqlNode(Span);
