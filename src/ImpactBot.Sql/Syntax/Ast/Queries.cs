using System.Collections.Immutable;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax.Ast;

// Query nodes: SELECT, set operations, VALUES, and the clauses they carry.

/// <summary>
/// A query expression. WITH, ORDER BY and LIMIT can wrap any query kind
/// (<c>(select ...) union (select ...) order by 1 limit 5</c>), so they live here.
/// </summary>
public abstract record Query(SourceSpan Span) : SqlNode(Span)
{
    public WithClause? With { get; init; }

    public ImmutableArray<OrderItem> OrderBy { get; init; } = [];

    public LimitClause? Limit { get; init; }
}

public sealed record WithClause(bool Recursive, ImmutableArray<CommonTableExpression> Ctes, SourceSpan Span) : SqlNode(Span);

public sealed record CommonTableExpression(
    Identifier Name,
    ImmutableArray<Identifier> ColumnAliases,
    Query Query,
    SourceSpan Span) : SqlNode(Span);

public sealed record SelectQuery(SourceSpan Span) : Query(Span)
{
    public bool Distinct { get; init; }

    /// <summary>Postgres/DuckDB <c>DISTINCT ON (..)</c> keys.</summary>
    public ImmutableArray<Expr> DistinctOn { get; init; } = [];

    /// <summary><c>SELECT TOP n</c> (T-SQL, Snowflake, Redshift).</summary>
    public Expr? Top { get; init; }

    /// <summary>T-SQL <c>TOP (n) PERCENT</c>.</summary>
    public bool TopPercent { get; init; }

    /// <summary>T-SQL <c>TOP (n) WITH TIES</c>: rows tied with the last one on the ORDER BY keys are kept too.</summary>
    public bool TopWithTies { get; init; }

    public ImmutableArray<SelectItem> Items { get; init; } = [];

    /// <summary>FROM items separated by commas (comma joins). Explicit joins nest inside as <see cref="JoinItem"/>.</summary>
    public ImmutableArray<FromItem> From { get; init; } = [];

    public Expr? Where { get; init; }

    public GroupByClause? GroupBy { get; init; }

    public Expr? Having { get; init; }

    public Expr? Qualify { get; init; }

    /// <summary>A hierarchical query's <c>START WITH</c> and <c>CONNECT BY</c> conditions: which rows it walks, and how.</summary>
    public ImmutableArray<Expr> Hierarchy { get; init; } = [];

    /// <summary>The WINDOW clause: <c>WINDOW w AS (partition by ..)</c>.</summary>
    public ImmutableArray<NamedWindow> Windows { get; init; } = [];
}

public enum SetOperator
{
    Union,
    Intersect,
    Except,
}

/// <summary><c>left UNION [ALL] [BY NAME] right</c>. MINUS parses as <see cref="SetOperator.Except"/>.</summary>
public sealed record SetOperationQuery(
    SetOperator Operator,
    bool All,
    bool ByName,
    Query Left,
    Query Right,
    SourceSpan Span) : Query(Span);

/// <summary><c>VALUES (..), (..)</c>.</summary>
public sealed record ValuesQuery(ImmutableArray<ImmutableArray<Expr>> Rows, SourceSpan Span) : Query(Span);

public sealed record OrderItem(Expr Expr, bool Descending, SourceSpan Span) : SqlNode(Span);

/// <summary>
/// GROUP BY. <see cref="All"/> is GROUP BY ALL. ROLLUP/CUBE/GROUPING SETS parse as <see cref="FunctionCall"/>
/// items named ROLLUP, CUBE and GROUPING SETS so their columns stay visible.
/// </summary>
public sealed record GroupByClause(bool All, ImmutableArray<Expr> Items, SourceSpan Span) : SqlNode(Span);

/// <summary>LIMIT / FETCH FIRST / OFFSET.</summary>
public sealed record LimitClause(Expr? Count, Expr? Offset, SourceSpan Span) : SqlNode(Span);

public sealed record NamedWindow(Identifier Name, WindowSpec Spec, SourceSpan Span) : SqlNode(Span);
