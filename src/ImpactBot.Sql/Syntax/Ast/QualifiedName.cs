using System.Collections.Immutable;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax.Ast;

/// <summary>A dotted name such as <c>db.schema.table</c> or <c>project.dataset.table</c>, all parts kept.</summary>
public sealed record QualifiedName(ImmutableArray<Identifier> Parts, SourceSpan Span) : SqlNode(Span)
{
    public Identifier Last => Parts[^1];

    /// <summary>The name as written, parts joined with dots, quotes dropped.</summary>
    public override string ToString() => string.Join('.', Parts.Select(p => p.Text));
}
