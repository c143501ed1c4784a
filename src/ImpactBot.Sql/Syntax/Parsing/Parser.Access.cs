using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;

namespace ImpactBot.Sql.Syntax.Parsing;

// Postfix access: subscripts, fields and Snowflake/Databricks colon paths.
internal sealed partial class Parser
{
    private Expr ParseSubscript(Expr left, int start)
    {
        Advance();
        Expr index = At(TokenKind.Colon) ? new Literal(LiteralKind.Null, string.Empty, Current.Span) : ParseExpr();
        if (Accept(TokenKind.Colon))
        {
            var upper = At(TokenKind.RBracket) ? new Literal(LiteralKind.Null, string.Empty, Current.Span) : ParseExpr();
            index = new BinaryExpr(":", index, upper, index.Span.Through(upper.Span));
        }

        if (!At(TokenKind.RBracket))
        {
            var bad = _pos;
            SkipToSync(stopAtComma: false, stopAtClause: false);
            index = MakeOpaque(bad, _pos, bad, "']'");
        }

        Accept(TokenKind.RBracket);
        return new SubscriptExpr(left, index, SpanFrom(start));
    }

    private Expr ParseFieldAccess(Expr left, int start)
    {
        var parenthesised = Previous.Kind == TokenKind.RParen;
        Advance();
        if (At(TokenKind.Star))
        {
            Advance();
            var qualifier = left is ColumnRef column ? new QualifiedName(column.Parts, column.Span) : null;
            return new StarExpr(qualifier, SpanFrom(start));
        }

        var field = ParseIdentifier("a field name");
        if (left is ColumnRef columnRef && !parenthesised)
        {
            return new ColumnRef(columnRef.Parts.Add(field), SpanFrom(start));
        }

        return new FieldAccessExpr(left, field, SpanFrom(start));
    }

    /// <summary>Snowflake/Databricks <c>base:a.b[0]</c>: the segments run until something that is not <c>.name</c> or <c>[..]</c>.</summary>
    private Expr ParseJsonPath(Expr left, int start)
    {
        Advance();
        var segments = ImmutableArray.CreateBuilder<string>();
        segments.Add(MakeIdentifier(Current).Text);
        Advance();
        while (true)
        {
            if (At(TokenKind.Dot) && IsAnyName(Peek()))
            {
                Advance();
                segments.Add(MakeIdentifier(Current).Text);
                Advance();
            }
            else if (At(TokenKind.LBracket))
            {
                var open = Current;
                Advance();
                SkipToSync(stopAtComma: false, stopAtClause: false);
                var close = Current;
                Accept(TokenKind.RBracket);
                segments.Add(_text.Substring(open.Start, close.End - open.Start));
            }
            else
            {
                return new JsonPathExpr(left, segments.ToImmutable(), SpanFrom(start));
            }
        }
    }
}
