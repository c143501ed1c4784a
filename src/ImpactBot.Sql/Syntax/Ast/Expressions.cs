using System.Collections.Immutable;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax.Ast;

// Expression nodes. Kept together so the expression grammar reads in one place.

public abstract record Expr(SourceSpan Span) : SqlNode(Span);

/// <summary>
/// A dotted reference: <c>col</c>, <c>t.col</c>, <c>db.schema.t.col</c> or <c>col.field.sub</c>. The parser does not decide
/// which parts are the table and which are struct fields: the binder takes the longest prefix that names a source.
/// </summary>
public sealed record ColumnRef(ImmutableArray<Identifier> Parts, SourceSpan Span) : Expr(Span)
{
    public Identifier Last => Parts[^1];

    public override string ToString() => string.Join('.', Parts.Select(p => p.Text));
}

/// <summary>Snowflake/DuckDB <c>$n</c>: the n-th column (1-based) of the source.</summary>
public sealed record PositionalColumn(int Position, SourceSpan Span) : Expr(Span);

/// <summary>A bare <c>*</c> used as an argument (<c>count(*)</c>) or <c>t.*</c> inside an expression.</summary>
public sealed record StarExpr(QualifiedName? Qualifier, SourceSpan Span) : Expr(Span);

public enum LiteralKind
{
    String,
    Number,
    Boolean,
    Null,

    /// <summary>typed literal like <c>DATE '2020-01-01'</c>; <see cref="Literal.Text"/> holds the whole thing.</summary>
    Typed,
}

public sealed record Literal(LiteralKind Kind, string Text, SourceSpan Span) : Expr(Span);

/// <summary>A bind parameter or dbt placeholder that reached the parser (<c>?</c>, <c>:name</c>, <c>@p</c>, an unrendered <c>{{ }}</c>).</summary>
public sealed record Parameter(string Text, SourceSpan Span) : Expr(Span);

/// <summary>
/// A function call, known or not (unknown functions keep their arguments so lineage survives).
/// Aggregates carry DISTINCT, FILTER (WHERE ..), WITHIN GROUP (ORDER BY ..) and in-argument ORDER BY; window calls carry OVER.
/// </summary>
public sealed record FunctionCall(QualifiedName Name, ImmutableArray<Expr> Arguments, SourceSpan Span) : Expr(Span)
{
    public bool Distinct { get; init; }

    public Expr? Filter { get; init; }

    public ImmutableArray<OrderItem> WithinGroup { get; init; } = [];

    /// <summary><c>array_agg(x ORDER BY y)</c>, <c>string_agg(x, ',' ORDER BY y)</c>.</summary>
    public ImmutableArray<OrderItem> ArgumentOrderBy { get; init; } = [];

    public WindowSpec? Over { get; init; }

    /// <summary>IGNORE NULLS / RESPECT NULLS, kept for fingerprints.</summary>
    public string? NullTreatment { get; init; }
}

/// <summary><c>name => value</c> (Snowflake, Postgres <c>:=</c>) inside a call.</summary>
public sealed record NamedArgument(Identifier Name, Expr Value, SourceSpan Span) : Expr(Span);

/// <summary>
/// <c>OVER (w PARTITION BY .. ORDER BY .. frame)</c> or <c>OVER w</c>. <see cref="FrameBounds"/> holds expressions that appear in
/// the frame (<c>INTERVAL '1' DAY PRECEDING</c>); <see cref="Frame"/> keeps the frame text for fingerprints.
/// </summary>
public sealed record WindowSpec(
    Identifier? BaseWindow,
    ImmutableArray<Expr> PartitionBy,
    ImmutableArray<OrderItem> OrderBy,
    SourceSpan Span) : SqlNode(Span)
{
    public string? Frame { get; init; }

    public ImmutableArray<Expr> FrameBounds { get; init; } = [];
}

/// <summary>
/// Infix operators: arithmetic, comparison, AND/OR, ||, LIKE/ILIKE/SIMILAR TO/RLIKE, IS [NOT] DISTINCT FROM,
/// JSON operators (<c>-&gt; -&gt;&gt; #&gt; #&gt;&gt; ?</c>). <see cref="Operator"/> is upper-case canonical text (<c>"IS NOT DISTINCT FROM"</c>, <c>"NOT LIKE"</c>).
/// Quantified forms (<c>LIKE ANY (..)</c>, <c>= ANY (subquery)</c>) put the quantifier in <see cref="Quantifier"/> and the list or subquery on the right.
/// </summary>
public sealed record BinaryExpr(string Operator, Expr Left, Expr Right, SourceSpan Span) : Expr(Span)
{
    public string? Quantifier { get; init; }
}

/// <summary>Prefix and postfix operators: NOT, unary -/+, ~, IS [NOT] NULL, IS [NOT] TRUE/FALSE, NOTNULL.</summary>
public sealed record UnaryExpr(string Operator, Expr Operand, SourceSpan Span) : Expr(Span);

public sealed record BetweenExpr(Expr Operand, Expr Low, Expr High, bool Not, SourceSpan Span) : Expr(Span);

public sealed record InListExpr(Expr Operand, ImmutableArray<Expr> Items, bool Not, SourceSpan Span) : Expr(Span);

public sealed record InSubqueryExpr(Expr Operand, Query Query, bool Not, SourceSpan Span) : Expr(Span);

public sealed record ExistsExpr(Query Query, bool Not, SourceSpan Span) : Expr(Span);

/// <summary>A query used as a value: scalar subquery, or the right side of a quantified comparison.</summary>
public sealed record SubqueryExpr(Query Query, SourceSpan Span) : Expr(Span);

/// <summary>A parenthesised list <c>(a, b)</c> used as a row value or the list of a quantified LIKE.</summary>
public sealed record TupleExpr(ImmutableArray<Expr> Items, SourceSpan Span) : Expr(Span);

public sealed record WhenClause(Expr Condition, Expr Result, SourceSpan Span) : SqlNode(Span);

/// <summary><c>CASE [operand] WHEN .. THEN .. ELSE .. END</c>. IFF/IF/DECODE stay function calls.</summary>
public sealed record CaseExpr(Expr? Operand, ImmutableArray<WhenClause> Whens, Expr? Else, SourceSpan Span) : Expr(Span);

public enum CastStyle
{
    /// <summary>CAST(x AS t).</summary>
    Cast,

    /// <summary>TRY_CAST / SAFE_CAST.</summary>
    TryCast,

    /// <summary>x::t.</summary>
    DoubleColon,

    /// <summary>T-SQL CONVERT(t, x).</summary>
    Convert,
}

/// <summary>A type conversion. <see cref="TypeName"/> is the type as written, normalised to single spaces.</summary>
public sealed record CastExpr(Expr Operand, string TypeName, CastStyle Style, SourceSpan Span) : Expr(Span);

/// <summary><c>INTERVAL '1 day'</c>, <c>INTERVAL 1 DAY</c>.</summary>
public sealed record IntervalExpr(Expr Value, string? Unit, SourceSpan Span) : Expr(Span);

/// <summary><c>EXTRACT(field FROM expr)</c>; also <c>DATE_PART('field', expr)</c> stays a call.</summary>
public sealed record ExtractExpr(string Field, Expr Operand, SourceSpan Span) : Expr(Span);

/// <summary><c>x -> x + 1</c>, <c>(a, b) -> a + b</c>. Parameters shadow columns inside the body.</summary>
public sealed record LambdaExpr(ImmutableArray<Identifier> Parameters, Expr Body, SourceSpan Span) : Expr(Span);

/// <summary><c>base[index]</c>; also BigQuery <c>arr[OFFSET(0)]</c>.</summary>
public sealed record SubscriptExpr(Expr Base, Expr Index, SourceSpan Span) : Expr(Span);

/// <summary><c>(expr).field</c> on something that is not a plain column path (a call, a subscript, a cast).</summary>
public sealed record FieldAccessExpr(Expr Base, Identifier Field, SourceSpan Span) : Expr(Span);

/// <summary>Snowflake semi-structured access <c>col:a.b[0]</c>; segments are the path after the colon as written.</summary>
public sealed record JsonPathExpr(Expr Base, ImmutableArray<string> Segments, SourceSpan Span) : Expr(Span);

/// <summary><c>ARRAY[..]</c>, <c>[..]</c>, and BigQuery <c>ARRAY(subquery)</c> as a subquery item.</summary>
public sealed record ArrayExpr(ImmutableArray<Expr> Items, SourceSpan Span) : Expr(Span)
{
    /// <summary>The field names of a typed array of structs (<c>ARRAY&lt;STRUCT&lt;a STRING, b INT64&gt;&gt;[..]</c>); empty otherwise.</summary>
    public ImmutableArray<Identifier> StructFields { get; init; } = [];
}

/// <summary>
/// A span the parser could not read. It still carries every identifier it saw that was not followed by
/// <c>(</c>, so lineage keeps them as <c>unknown</c> edges, and the diagnostic that explains it.
/// </summary>
public sealed record OpaqueExpr(ImmutableArray<ColumnRef> References, Diagnostic Diagnostic, SourceSpan Span) : Expr(Span);
