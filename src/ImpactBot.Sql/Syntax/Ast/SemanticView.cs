using System.Collections.Immutable;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax.Ast;

/// <summary>
/// Snowflake <c>[CREATE [OR REPLACE] SEMANTIC VIEW name] TABLES (..) [RELATIONSHIPS (..)] [FACTS (..)] [DIMENSIONS (..)]
/// [METRICS (..)] ..</c>; dbt's <c>semantic_view</c> models hold the body without the CREATE. <see cref="Target"/> is null then.
/// </summary>
public sealed record SemanticViewStatement(
    QualifiedName? Target,
    ImmutableArray<SemanticTable> Tables,
    ImmutableArray<SemanticRelationship> Relationships,
    ImmutableArray<SemanticExpression> Expressions,
    SourceSpan Span) : Statement(Span);

/// <summary>
/// <c>[alias AS] table [PRIMARY KEY (..)] [UNIQUE (..) ..] [WITH SYNONYMS ..] [COMMENT = '..']</c>; without an alias the
/// table's last name part is the alias.
/// </summary>
public sealed record SemanticTable(
    Identifier Alias,
    QualifiedName Table,
    ImmutableArray<Identifier> PrimaryKey,
    ImmutableArray<Identifier> UniqueKeys,
    SourceSpan Span) : SqlNode(Span);

/// <summary>
/// <c>[name AS] alias (cols) REFERENCES ref_alias [([ASOF] cols)]</c>; without columns the reference is to the referenced
/// table's primary key.
/// </summary>
public sealed record SemanticRelationship(
    Identifier Table,
    ImmutableArray<Identifier> Columns,
    Identifier Referenced,
    ImmutableArray<Identifier> ReferencedColumns,
    SourceSpan Span) : SqlNode(Span);

public enum SemanticKind
{
    Fact,
    Dimension,
    Metric,
}

/// <summary>
/// A fact, dimension or metric: <c>[PRIVATE | PUBLIC] alias.name [NON ADDITIVE BY (..)] AS expr [WITH SYNONYMS ..]
/// [COMMENT = '..']</c>. The expression reads the alias's table, unqualified names included, and other entries as
/// <c>alias.name</c>.
/// </summary>
public sealed record SemanticExpression(
    SemanticKind Kind,
    bool Private,
    Identifier Table,
    Identifier Name,
    Expr Expr,
    SourceSpan Span) : SqlNode(Span);
