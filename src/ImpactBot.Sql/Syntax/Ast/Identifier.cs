using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax.Ast;

/// <summary>A name as written: its text without quotes and whether it was quoted. Folding happens only when names are compared.</summary>
public sealed record Identifier(string Text, bool Quoted, SourceSpan Span)
{
    public override string ToString() => Quoted ? $"\"{Text}\"" : Text;
}
