using System.Collections.Immutable;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax.Ast;

// Items of a FROM clause.

/// <summary><c>[AS] alias [(col, ..)]</c>.</summary>
public sealed record TableAlias(Identifier Name, ImmutableArray<Identifier> Columns, SourceSpan Span) : SqlNode(Span);

/// <summary>A FROM item: a table, a derived table, a table function or a join. PIVOT/UNPIVOT apply in order.</summary>
public abstract record FromItem(SourceSpan Span) : SqlNode(Span)
{
    public TableAlias? Alias { get; init; }

    public ImmutableArray<PivotClause> Pivots { get; init; } = [];

    /// <summary>A MATCH_RECOGNIZE clause on the item: it replaces the item's columns.</summary>
    public MatchRecognizeClause? MatchRecognize { get; init; }
}

/// <summary>
/// <c>MATCH_RECOGNIZE (..)</c>, also kept as its token text so any change to it changes the fingerprints. A clause the
/// parser could not read is not <see cref="Understood"/>: only its text is kept.
/// </summary>
public sealed record MatchRecognizeClause(string Text, SourceSpan Span) : SqlNode(Span)
{
    public bool Understood { get; init; }

    public ImmutableArray<Expr> PartitionBy { get; init; } = [];

    public ImmutableArray<OrderItem> OrderBy { get; init; } = [];

    public ImmutableArray<MatchMeasure> Measures { get; init; } = [];

    /// <summary>ALL ROWS PER MATCH; else ONE ROW PER MATCH, the default.</summary>
    public bool AllRowsPerMatch { get; init; }

    /// <summary>The pattern variables and SUBSET names, which qualify input columns inside the clause.</summary>
    public ImmutableArray<Identifier> Variables { get; init; } = [];

    public ImmutableArray<MatchDefinition> Definitions { get; init; } = [];
}

/// <summary>A MEASURES item: <c>[RUNNING | FINAL] expr [AS] name</c>.</summary>
public sealed record MatchMeasure(Expr Expr, Identifier Name, SourceSpan Span) : SqlNode(Span);

/// <summary>A DEFINE item: <c>variable AS condition</c>.</summary>
public sealed record MatchDefinition(Identifier Variable, Expr Condition, SourceSpan Span) : SqlNode(Span);

/// <summary>A named table, view, CTE or dbt relation. Unknown modifiers (SAMPLE, AT, CHANGES, FOR SYSTEM_TIME) are skipped.</summary>
public sealed record TableRef(QualifiedName Name, SourceSpan Span) : FromItem(Span);

/// <summary><c>[LATERAL] (query) alias</c>.</summary>
public sealed record DerivedTable(Query Query, bool Lateral, SourceSpan Span) : FromItem(Span);

public enum TableFunctionKind
{
    /// <summary>UNNEST(array) [WITH ORDINALITY | WITH OFFSET].</summary>
    Unnest,

    /// <summary>Snowflake [LATERAL] FLATTEN(input => expr) and TABLE(FLATTEN(..)).</summary>
    Flatten,

    /// <summary>Spark explode/posexplode/inline, including LATERAL VIEW [OUTER].</summary>
    Explode,

    /// <summary>Any other table-valued function: generate_series, TABLE(fn(..)), range(..).</summary>
    Generic,
}

/// <summary>A table-valued function in FROM. Spark's <c>LATERAL VIEW explode(x) t AS a, b</c> also lands here, joined by a cross <see cref="JoinItem"/>.</summary>
public sealed record TableFunction(
    TableFunctionKind Kind,
    QualifiedName Name,
    ImmutableArray<Expr> Arguments,
    bool Lateral,
    SourceSpan Span) : FromItem(Span)
{
    /// <summary>WITH ORDINALITY / WITH OFFSET [AS name] / posexplode's position column.</summary>
    public bool WithOrdinality { get; init; }

    public Identifier? OrdinalityAlias { get; init; }

    /// <summary>LATERAL VIEW OUTER / FLATTEN(outer => true).</summary>
    public bool Outer { get; init; }
}

public enum JoinKind
{
    Inner,
    Left,
    Right,
    Full,
    Cross,

    /// <summary>LEFT SEMI JOIN: the right side only filters rows.</summary>
    Semi,

    /// <summary>LEFT ANTI JOIN: the right side only filters rows.</summary>
    Anti,
}

/// <summary><c>left [NATURAL] kind JOIN right [ON cond | USING (cols)]</c>. CROSS/OUTER APPLY map to Cross/Left with a lateral right side.</summary>
public sealed record JoinItem(
    JoinKind Kind,
    FromItem Left,
    FromItem Right,
    Expr? On,
    ImmutableArray<Identifier> Using,
    bool Natural,
    SourceSpan Span) : FromItem(Span);

/// <summary>
/// PIVOT (<c>agg(x) [AS a], .. FOR col IN (v [AS n], ..)</c>) or UNPIVOT (<c>[INCLUDE NULLS] (value_col FOR name_col IN (c1 [AS n], ..))</c>).
/// For UNPIVOT, <see cref="ValueColumns"/> are the generated value columns and the IN list holds source columns.
/// </summary>
public sealed record PivotClause(
    bool Unpivot,
    ImmutableArray<PivotAggregate> Aggregates,
    ImmutableArray<Identifier> ValueColumns,
    ImmutableArray<Identifier> ForColumns,
    ImmutableArray<PivotValue> In,
    SourceSpan Span) : SqlNode(Span)
{
    public bool IncludeNulls { get; init; }

    /// <summary>Snowflake <c>IN (ANY [ORDER BY ..])</c> or a subquery: the generated columns are unknown.</summary>
    public bool DynamicIn { get; init; }

    public TableAlias? Alias { get; init; }

    /// <summary>DuckDB <c>PIVOT .. GROUP BY</c>: the only input columns kept; without it every leftover column is a group key.</summary>
    public ImmutableArray<Identifier> GroupBy { get; init; } = [];
}

public sealed record PivotAggregate(Expr Aggregate, Identifier? Alias, SourceSpan Span) : SqlNode(Span);

/// <summary>One IN entry: a literal or a column (or a parenthesised tuple of them), with an optional alias.</summary>
public sealed record PivotValue(Expr Value, Identifier? Alias, SourceSpan Span) : SqlNode(Span);
