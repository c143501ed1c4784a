using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;

namespace ImpactBot.Sql.Syntax.Parsing;

// EXISTS, ARRAY and struct constructors.
internal sealed partial class Parser
{
    private Expr ParseExists(int start, bool not)
    {
        Advance();
        Advance();
        var query = ParseQuery();
        Expect(TokenKind.RParen, "')'");
        return new ExistsExpr(query, not, SpanFrom(start));
    }

    private Expr ParseArrayConstructor(int start)
    {
        Advance();
        if (At(TokenKind.Lt))
        {
            SkipAngleBrackets();
        }

        if (Accept(TokenKind.LBracket))
        {
            var items = ParseExprList(TokenKind.RBracket);
            Expect(TokenKind.RBracket, "']'");
            return new ArrayExpr(items, SpanFrom(start));
        }

        if (At(TokenKind.LParen) && IsQueryStartAfterParens())
        {
            var subqueryStart = _pos;
            Advance();
            var query = ParseQuery();
            Expect(TokenKind.RParen, "')'");
            return new ArrayExpr([new SubqueryExpr(query, SpanFrom(subqueryStart))], SpanFrom(start));
        }

        var name = new QualifiedName([new Identifier("ARRAY", Quoted: false, _tokens[start].Span)], _tokens[start].Span);
        return At(TokenKind.LParen) ? ParseFunctionCall(name, start) : new ArrayExpr([], SpanFrom(start));
    }

    /// <summary>DuckDB <c>{'k': v, ..}</c> as a STRUCT call with named arguments.</summary>
    private Expr ParseStructLiteral(int start)
    {
        Advance();
        var args = ImmutableArray.CreateBuilder<Expr>();
        while (!At(TokenKind.RBrace) && !AtEnd)
        {
            var before = _pos;
            var keyToken = Current;
            if (keyToken.Kind is TokenKind.String or TokenKind.Word or TokenKind.QuotedIdentifier && Peek().Kind == TokenKind.Colon)
            {
                Advance();
                Advance();
                var value = ParseListItem(TokenKind.RBrace);
                args.Add(new NamedArgument(MakeIdentifier(keyToken), value, SpanFrom(before)));
            }
            else
            {
                args.Add(ParseListItem(TokenKind.RBrace));
            }

            if (!Accept(TokenKind.Comma) || _pos == before)
            {
                break;
            }
        }

        Expect(TokenKind.RBrace, "'}'");
        var span = SpanFrom(start);
        return new FunctionCall(new QualifiedName([new Identifier("STRUCT", Quoted: false, span)], span), args.ToImmutable(), span);
    }
}
