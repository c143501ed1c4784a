using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax;

/// <summary>Every statement the parser could read, in order, and every problem it met on the way.</summary>
public sealed record ParseResult(ImmutableArray<Statement> Statements, ImmutableArray<Diagnostic> Diagnostics);
