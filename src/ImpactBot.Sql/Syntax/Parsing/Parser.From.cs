using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;

namespace ImpactBot.Sql.Syntax.Parsing;

// FROM items and joins.
internal sealed partial class Parser
{
    private ImmutableArray<FromItem> ParseFromClause()
    {
        Advance();
        var items = ImmutableArray.CreateBuilder<FromItem>();
        while (!IsCloser(Current.Kind) && !IsClauseKeyword(Current))
        {
            var before = _pos;
            items.Add(ParseFromItem());
            if (!Accept(TokenKind.Comma) || _pos == before)
            {
                break;
            }
        }

        return items.ToImmutable();
    }

    private FromItem ParseFromItem()
    {
        if (!TryEnter())
        {
            var start = _pos;
            SkipToSync(stopAtComma: true);
            return new TableRef(new QualifiedName([new Identifier(string.Empty, Quoted: false, SpanFrom(start))], SpanFrom(start)), SpanFrom(start));
        }

        try
        {
            var left = ParseTablePrimary();
            while (true)
            {
                if (TryParseJoin(left) is { } join)
                {
                    left = join;
                }
                else if (IsPivotStart(Current))
                {
                    left = left with { Pivots = left.Pivots.Add(ParsePivot()) };
                }
                else
                {
                    return left;
                }
            }
        }
        finally
        {
            Leave();
        }
    }

    private JoinItem? TryParseJoin(FromItem left)
    {
        var start = _pos;
        var natural = Accept(Keyword.Natural);
        JoinKind kind;
        var lateralRight = false;
        switch (Current.Keyword)
        {
            case Keyword.Join:
                kind = JoinKind.Inner;
                break;
            case Keyword.Inner:
                kind = JoinKind.Inner;
                Advance();
                break;
            case Keyword.Left or Keyword.Right:
                kind = Current.Keyword == Keyword.Left ? JoinKind.Left : JoinKind.Right;
                Advance();
                if (Accept(Keyword.Semi))
                {
                    kind = JoinKind.Semi;
                }
                else if (Accept(Keyword.Anti))
                {
                    kind = JoinKind.Anti;
                }
                else
                {
                    Accept(Keyword.Outer);
                }

                break;
            case Keyword.Full:
                kind = JoinKind.Full;
                Advance();
                Accept(Keyword.Outer);
                break;
            case Keyword.Cross when Peek().Is(Keyword.Apply):
            case Keyword.Outer when Peek().Is(Keyword.Apply):
                kind = Current.Keyword == Keyword.Cross ? JoinKind.Cross : JoinKind.Left;
                Advance();
                lateralRight = true;
                break;
            case Keyword.Cross:
                kind = JoinKind.Cross;
                Advance();
                break;
            case Keyword.Semi or Keyword.Anti when Peek().Is(Keyword.Join):
                kind = Current.Keyword == Keyword.Semi ? JoinKind.Semi : JoinKind.Anti;
                Advance();
                break;
            case Keyword.Asof when Peek().Keyword is Keyword.Join or Keyword.Left:
                Advance();
                return TryParseJoin(left);
            case Keyword.Lateral when TextIs(Peek(), "VIEW"):
                return ParseLateralView(left);
            default:
                if (natural)
                {
                    Report("unexpected-token", $"expected JOIN after NATURAL, found {Describe(Current)}", Current.Span);
                }

                _pos = start;
                return null;
        }

        if (!lateralRight && !Expect(Keyword.Join))
        {
            _pos = start;
            return null;
        }

        if (lateralRight)
        {
            Advance();
        }

        var right = ParseTablePrimary();
        if (lateralRight && right is DerivedTable derived)
        {
            right = derived with { Lateral = true };
        }

        Expr? on = null;
        var usingColumns = ImmutableArray<Identifier>.Empty;
        if (Accept(Keyword.On))
        {
            on = ParseJoinCondition();
        }
        else if (At(Keyword.Using) && Peek().Kind == TokenKind.LParen)
        {
            Advance();
            usingColumns = ParseIdentifierList();
        }

        return new JoinItem(kind, left, right, on, usingColumns, natural, left.Span.Through(SpanFrom(start)));
    }

    private Expr ParseJoinCondition()
    {
        var start = _pos;
        var expr = ParseExpr();
        if (IsCloser(Current.Kind) || IsClauseKeyword(Current) || IsSelectEnd(Current) || At(TokenKind.Comma) || IsJoinStart(Current) || IsPivotStart(Current))
        {
            return expr;
        }

        var bad = _pos;
        while (!IsCloser(Current.Kind) && !IsClauseKeyword(Current) && !At(TokenKind.Comma) && !IsJoinStart(Current))
        {
            SkipToSync(stopAtComma: true, force: true);
        }

        return MakeOpaque(start, _pos, bad, "the end of the join condition");
    }

    private static bool IsPivotStart(in Token token) =>
        token.Kind == TokenKind.Word && token.Keyword is Keyword.Pivot or Keyword.Unpivot;

    private bool IsJoinStart(in Token token) =>
        token.Kind == TokenKind.Word && token.Keyword is Keyword.Join or Keyword.Inner or Keyword.Left or Keyword.Right or
            Keyword.Full or Keyword.Cross or Keyword.Natural or Keyword.Semi or Keyword.Anti or Keyword.Asof ||
        (token.Is(Keyword.Lateral) && TextIs(Peek(), "VIEW")) ||
        (token.Is(Keyword.Outer) && Peek().Is(Keyword.Apply));

    /// <summary>Spark <c>LATERAL VIEW [OUTER] fn(args) [table] [AS] col, ..</c> as a cross join with an Explode table function.</summary>
    private JoinItem ParseLateralView(FromItem left)
    {
        var start = _pos;
        Advance();
        Advance();
        var outer = Accept(Keyword.Outer);
        var fnStart = _pos;
        var name = ParseQualifiedName();
        var call = At(TokenKind.LParen) ? ParseFunctionCall(name, fnStart) : new FunctionCall(name, [], name.Span);
        var kind = TableFunctionKindOf(name);
        var aliasStart = _pos;
        var tableName = IsIdentifier(Current) && !At(Keyword.As) ? MakeIdentifier(Current) : null;
        if (tableName is not null)
        {
            Advance();
        }

        var columns = ImmutableArray.CreateBuilder<Identifier>();
        if (Accept(Keyword.As) || (tableName is null && IsIdentifier(Current)))
        {
            do
            {
                columns.Add(ParseIdentifier("a column alias"));
            }
            while (At(TokenKind.Comma) && IsIdentifier(Peek()) && !IsJoinStart(Peek()) && Accept(TokenKind.Comma));
        }

        var posexplode = name.Last.Text.StartsWith("posexplode", StringComparison.OrdinalIgnoreCase);
        var alias = new TableAlias(tableName ?? name.Last, columns.ToImmutable(), SpanFrom(aliasStart));
        var function = new TableFunction(kind, name, call.Arguments, Lateral: true, SpanFrom(fnStart))
        {
            Alias = alias,
            Outer = outer || name.Last.Text.EndsWith("_outer", StringComparison.OrdinalIgnoreCase),
            WithOrdinality = posexplode,
            OrdinalityAlias = posexplode && columns.Count >= 2 ? columns[0] : null,
        };
        return new JoinItem(JoinKind.Cross, left, function, null, [], false, left.Span.Through(SpanFrom(start)));
    }

    private static TableFunctionKind TableFunctionKindOf(QualifiedName name)
    {
        var last = name.Last.Text;
        if (last.Equals("UNNEST", StringComparison.OrdinalIgnoreCase))
        {
            return TableFunctionKind.Unnest;
        }

        if (last.Equals("FLATTEN", StringComparison.OrdinalIgnoreCase))
        {
            return TableFunctionKind.Flatten;
        }

        return last.ToUpperInvariant() switch
        {
            "EXPLODE" or "EXPLODE_OUTER" or "POSEXPLODE" or "POSEXPLODE_OUTER" or "INLINE" or "INLINE_OUTER" => TableFunctionKind.Explode,
            _ => TableFunctionKind.Generic,
        };
    }
}
