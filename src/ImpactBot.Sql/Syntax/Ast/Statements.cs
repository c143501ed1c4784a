using System.Collections.Immutable;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax.Ast;

// The statement nodes live together so the shape of the grammar reads in one place.

public abstract record Statement(SourceSpan Span) : SqlNode(Span);

/// <summary>A bare query: <c>SELECT ...</c>, <c>WITH ... SELECT ...</c>, a set operation or VALUES.</summary>
public sealed record QueryStatement(Query Query, SourceSpan Span) : Statement(Span);

/// <summary><c>CREATE [OR REPLACE] [TEMP] TABLE|VIEW|MATERIALIZED VIEW name [(cols)] AS query</c>.</summary>
public sealed record CreateAsStatement(
    string ObjectKind,
    QualifiedName Target,
    ImmutableArray<Identifier> Columns,
    Query Query,
    SourceSpan Span) : Statement(Span);

/// <summary><c>INSERT [INTO|OVERWRITE] name [(cols)] query</c>. Without a column list the query maps by position.</summary>
public sealed record InsertStatement(
    QualifiedName Target,
    ImmutableArray<Identifier> Columns,
    Query Query,
    SourceSpan Span) : Statement(Span);

/// <summary>
/// Snowflake <c>INSERT [OVERWRITE] ALL|FIRST [WHEN cond THEN] INTO t [(cols)] [VALUES (..)] .. [ELSE INTO ..] query</c>.
/// Every row of <see cref="Query"/> goes to the INTO clauses whose branch matches (FIRST: only the first matching branch).
/// </summary>
public sealed record MultiInsertStatement(bool First, ImmutableArray<InsertBranch> Branches, Query Query, SourceSpan Span) : Statement(Span);

/// <summary>One WHEN branch (<see cref="When"/> set), the ELSE branch, or the unconditional INTO list of INSERT ALL.</summary>
public sealed record InsertBranch(Expr? When, bool Else, ImmutableArray<InsertInto> Intos, SourceSpan Span) : SqlNode(Span);

/// <summary><c>INTO target [(cols)] [VALUES (..)]</c>; without VALUES the query's columns map by position.</summary>
public sealed record InsertInto(QualifiedName Target, ImmutableArray<Identifier> Columns, ImmutableArray<Expr> Values, SourceSpan Span) : SqlNode(Span);

/// <summary>
/// <c>MERGE INTO target USING source ON cond WHEN ...</c>. Lineage comes from the source and the
/// assignments: <see cref="Assignments"/> holds every <c>SET col = expr</c> and every INSERT column/value pair.
/// </summary>
public sealed record MergeStatement(
    QualifiedName Target,
    Identifier? TargetAlias,
    FromItem Source,
    Expr On,
    ImmutableArray<MergeAssignment> Assignments,
    SourceSpan Span) : Statement(Span)
{
    /// <summary>The <c>AND cond</c> of each WHEN branch: they filter which rows are written.</summary>
    public ImmutableArray<Expr> WhenConditions { get; init; } = [];

    /// <summary>CTEs of <c>WITH .. MERGE</c>, visible to the source.</summary>
    public WithClause? With { get; init; }
}

public sealed record MergeAssignment(Identifier Column, Expr Value, SourceSpan Span) : SqlNode(Span);

/// <summary>A statement the parser does not model (DDL, grants, SET ...). Kept as a span with its diagnostic.</summary>
public sealed record OpaqueStatement(string Keyword, SourceSpan Span) : Statement(Span);
