using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax.Ast;

/// <summary>Base of every syntax node. Every node knows where it came from.</summary>
public abstract record SqlNode(SourceSpan Span);
