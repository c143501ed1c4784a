using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;

namespace ImpactBot.Sql.Syntax.Parsing;

// Hierarchical queries (Snowflake): START WITH .. CONNECT BY [NOCYCLE] .., with PRIOR and CONNECT_BY_ROOT.
internal sealed partial class Parser
{
    /// <summary>Whether the current token opens <c>START WITH</c> or <c>CONNECT BY</c> where the dialect has them.</summary>
    private bool AtHierarchyClause() =>
        _dialect.HierarchicalQueries &&
        ((TextIs(Current, "START") && Peek().Is(Keyword.With)) || (Current.Is(Keyword.Connect) && TextIs(Peek(), "BY")));

    /// <summary>One <c>START WITH cond</c> or <c>CONNECT BY [NOCYCLE] cond</c> clause.</summary>
    private Expr ParseHierarchyClause()
    {
        var start = TextIs(Current, "START");
        Advance();
        Advance();
        if (!start && TextIs(Current, "NOCYCLE"))
        {
            Advance();
        }

        return ParseClauseExpr(start ? "START WITH" : "CONNECT BY");
    }

    /// <summary><c>PRIOR col</c> or <c>CONNECT_BY_ROOT col</c>: an operator where the dialect has them and a name follows.</summary>
    private bool AtHierarchyOperator(in Token token, in Token next) =>
        _dialect.HierarchicalQueries && (TextIs(token, "PRIOR") || TextIs(token, "CONNECT_BY_ROOT")) &&
        (next.Kind is TokenKind.QuotedIdentifier or TokenKind.LParen || (next.Kind == TokenKind.Word && !Keywords.IsReserved(next.Keyword)));

    private Expr ParseHierarchyOperator(int start)
    {
        var op = TextIs(Current, "PRIOR") ? "PRIOR" : "CONNECT_BY_ROOT";
        Advance();
        return new UnaryExpr(op, ParseExpr(PrecUnary), SpanFrom(start));
    }
}
