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
        ImmutableArray<Identifier> fields = [];
        if (At(TokenKind.Lt))
        {
            fields = StructTypeFields(_pos + 1);
            SkipAngleBrackets();
        }

        if (Accept(TokenKind.LBracket))
        {
            var items = ParseExprList(TokenKind.RBracket);
            Expect(TokenKind.RBracket, "']'");
            return new ArrayExpr(items, SpanFrom(start)) { StructFields = fields };
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

    /// <summary>
    /// The field names of <c>STRUCT&lt;a STRING, b ARRAY&lt;INT64&gt;&gt;</c> starting at token <paramref name="at"/>, read
    /// ahead without moving; empty when it is no struct type or a field has no name.
    /// </summary>
    private ImmutableArray<Identifier> StructTypeFields(int at)
    {
        if (!TextIs(_tokens[Math.Min(at, _last)], "STRUCT") || _tokens[Math.Min(at + 1, _last)].Kind != TokenKind.Lt)
        {
            return [];
        }

        var fields = ImmutableArray.CreateBuilder<Identifier>();
        var depth = 1;
        var fieldStart = true;
        for (var i = at + 2; i < _last && depth > 0; i++)
        {
            var token = _tokens[i];
            if (depth == 1 && fieldStart)
            {
                if (token.Kind is not (TokenKind.Word or TokenKind.QuotedIdentifier) || _tokens[i + 1].Kind is TokenKind.Comma or TokenKind.Gt)
                {
                    return [];
                }

                fields.Add(MakeIdentifier(token));
                fieldStart = false;
                continue;
            }

            switch (token.Kind)
            {
                case TokenKind.Lt or TokenKind.LParen:
                    depth++;
                    break;
                case TokenKind.Gt or TokenKind.RParen:
                    depth--;
                    break;
                case TokenKind.Operator when SpanText(token) is ">>":
                    depth -= 2;
                    break;
                case TokenKind.Comma when depth == 1:
                    fieldStart = true;
                    break;
            }
        }

        return fields.ToImmutable();
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
