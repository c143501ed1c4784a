using System.Collections.Immutable;
using System.Globalization;

namespace ImpactBot.Dbt.Jinja;

/// <summary>Recursive-descent parser for Jinja expressions, following Jinja's operator precedence.</summary>
internal sealed class ExprParser(List<ExprToken> tokens)
{
    private const int MaxDepth = 200;
    private int _index;
    private int _depth;

    public ExprToken Current => tokens[_index];

    public bool AtEnd => Current.Kind == ExprTokenKind.End;

    public ExprToken Next() => tokens[_index++];

    public bool Accept(string op)
    {
        if (Current.Is(op))
        {
            _index++;
            return true;
        }

        return false;
    }

    public bool AcceptName(string name)
    {
        if (Current.IsName(name))
        {
            _index++;
            return true;
        }

        return false;
    }

    public void Expect(string op)
    {
        if (!Accept(op))
        {
            throw new JinjaSyntaxException($"expected '{op}' but found '{Describe(Current)}'", Current.Pos);
        }
    }

    public string ExpectName()
    {
        if (Current.Kind != ExprTokenKind.Name)
        {
            throw new JinjaSyntaxException($"expected a name but found '{Describe(Current)}'", Current.Pos);
        }

        return Next().Text;
    }

    public void ExpectEnd()
    {
        if (!AtEnd)
        {
            throw new JinjaSyntaxException($"unexpected '{Describe(Current)}'", Current.Pos);
        }
    }

    public Expr ParseExpression()
    {
        if (++_depth > MaxDepth)
        {
            throw new JinjaSyntaxException("expression nested too deeply", Current.Pos);
        }

        try
        {
            var then = ParseOr();
            if (AcceptName("if"))
            {
                var condition = ParseOr();
                var otherwise = AcceptName("else") ? ParseExpression() : null;
                return new ConditionalExpr(then, condition, otherwise, then.Pos);
            }

            return then;
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>An expression without the trailing <c>x if c else y</c> form (a for loop's iterable).</summary>
    public Expr ParseOrExpression() => ParseOr();

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsName("or"))
        {
            var pos = Next().Pos;
            left = new BinaryExpr("or", left, ParseAnd(), pos);
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (Current.IsName("and"))
        {
            var pos = Next().Pos;
            left = new BinaryExpr("and", left, ParseNot(), pos);
        }

        return left;
    }

    private Expr ParseNot()
    {
        if (Current.IsName("not"))
        {
            var pos = Next().Pos;
            return new UnaryExpr("not", ParseNot(), pos);
        }

        return ParseCompare();
    }

    private Expr ParseCompare()
    {
        var left = ParseBinary(0);
        while (true)
        {
            var token = Current;
            if (token.Kind == ExprTokenKind.Operator && token.Text is "==" or "!=" or "<" or ">" or "<=" or ">=")
            {
                Next();
                left = new BinaryExpr(token.Text, left, ParseBinary(0), token.Pos);
            }
            else if (token.IsName("in"))
            {
                Next();
                left = new BinaryExpr("in", left, ParseBinary(0), token.Pos);
            }
            else if (token.IsName("not") && tokens[_index + 1].IsName("in"))
            {
                _index += 2;
                left = new UnaryExpr("not", new BinaryExpr("in", left, ParseBinary(0), token.Pos), token.Pos);
            }
            else if (token.IsName("is"))
            {
                Next();
                var negated = AcceptName("not");
                var name = ExpectName();
                var args = Current.Is("(") ? ParseCallArguments() : StartsOperand() ? new Arguments([ParseBinary(0)], []) : Arguments.None;
                left = new TestExpr(left, name, negated, args, token.Pos);
            }
            else
            {
                return left;
            }
        }
    }

    private bool StartsOperand() =>
        Current.Kind is ExprTokenKind.String or ExprTokenKind.Integer or ExprTokenKind.Float
        || (Current.Kind == ExprTokenKind.Name && Current.Text is not ("and" or "or" or "else" or "if" or "in" or "is" or "not"));

    // Levels, loosest first: + -, ~, * / // %, **.
    private static readonly string[][] Levels = [["+", "-"], ["~"], ["*", "/", "//", "%"], ["**"]];

    private Expr ParseBinary(int level)
    {
        if (level == Levels.Length)
        {
            return ParseUnary();
        }

        var left = ParseBinary(level + 1);
        while (Current.Kind == ExprTokenKind.Operator && Levels[level].Contains(Current.Text))
        {
            var token = Next();
            left = new BinaryExpr(token.Text, left, ParseBinary(level + 1), token.Pos);
        }

        return left;
    }

    private Expr ParseUnary()
    {
        if (Current.Is("-") || Current.Is("+"))
        {
            var token = Next();
            return new UnaryExpr(token.Text, ParseUnary(), token.Pos);
        }

        return ParsePostfix(ParsePrimary());
    }

    private Expr ParsePostfix(Expr expr)
    {
        while (true)
        {
            var token = Current;
            if (Accept("."))
            {
                var name = Current.Kind == ExprTokenKind.Integer ? Next().Text : ExpectName();
                expr = new AttrExpr(expr, name, expr.Pos);
            }
            else if (Accept("["))
            {
                var index = Current.Is(":") ? null : ParseExpression();
                if (Accept(":"))
                {
                    var stop = Current.Is("]") || Current.Is(":") ? null : ParseExpression();
                    var step = Accept(":") && !Current.Is("]") ? ParseExpression() : null;
                    Expect("]");
                    expr = new SliceExpr(expr, index, stop, step, expr.Pos);
                }
                else
                {
                    Expect("]");
                    expr = new ItemExpr(expr, index!, expr.Pos);
                }
            }
            else if (Current.Is("("))
            {
                expr = new CallExpr(expr, ParseCallArguments(), expr.Pos);
            }
            else if (Accept("|"))
            {
                var name = ExpectName();
                var args = Current.Is("(") ? ParseCallArguments() : Arguments.None;
                expr = new FilterExpr(expr, name, args, token.Pos);
            }
            else
            {
                return expr;
            }
        }
    }

    public Arguments ParseCallArguments()
    {
        Expect("(");
        var positional = ImmutableArray.CreateBuilder<Expr>();
        var named = ImmutableArray.CreateBuilder<KeyValuePair<string, Expr>>();
        Expr? spread = null;
        Expr? spreadNamed = null;
        while (!Accept(")"))
        {
            if (Accept("**"))
            {
                spreadNamed = ParseExpression();
            }
            else if (Accept("*"))
            {
                spread = ParseExpression();
            }
            else if (Current.Kind == ExprTokenKind.Name && tokens[_index + 1].Is("="))
            {
                var name = Next().Text;
                Next();
                named.Add(new(name, ParseExpression()));
            }
            else
            {
                positional.Add(ParseExpression());
            }

            if (!Current.Is(")"))
            {
                Expect(",");
            }
        }

        return new Arguments(positional.ToImmutable(), named.ToImmutable()) { Spread = spread, SpreadNamed = spreadNamed };
    }

    private Expr ParsePrimary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case ExprTokenKind.String:
                var text = token.Text;
                while (Current.Kind == ExprTokenKind.String)
                {
                    text += Next().Text;
                }

                return new LiteralExpr(text, token.Pos);
            case ExprTokenKind.Integer:
                return new LiteralExpr(long.TryParse(token.Text, CultureInfo.InvariantCulture, out var l) ? (object)l : System.Numerics.BigInteger.Parse(token.Text, CultureInfo.InvariantCulture), token.Pos);
            case ExprTokenKind.Float:
                return new LiteralExpr(double.Parse(token.Text, CultureInfo.InvariantCulture), token.Pos);
            case ExprTokenKind.Name:
                return token.Text switch
                {
                    "true" or "True" => new LiteralExpr(true, token.Pos),
                    "false" or "False" => new LiteralExpr(false, token.Pos),
                    "none" or "None" => new LiteralExpr(null, token.Pos),
                    _ => new NameExpr(token.Text, token.Pos),
                };
            case ExprTokenKind.Operator when token.Text == "(":
                var first = ParseExpression();
                if (Accept(")"))
                {
                    return first;
                }

                var items = new List<Expr> { first };
                while (Accept(",") && !Current.Is(")"))
                {
                    items.Add(ParseExpression());
                }

                Expect(")");
                return new ListExpr([.. items], token.Pos);
            case ExprTokenKind.Operator when token.Text == "[":
                var list = new List<Expr>();
                while (!Accept("]"))
                {
                    list.Add(ParseExpression());
                    if (!Current.Is("]"))
                    {
                        Expect(",");
                    }
                }

                return new ListExpr([.. list], token.Pos);
            case ExprTokenKind.Operator when token.Text == "{":
                var entries = new List<KeyValuePair<Expr, Expr>>();
                while (!Accept("}"))
                {
                    var key = ParseExpression();
                    Expect(":");
                    entries.Add(new(key, ParseExpression()));
                    if (!Current.Is("}"))
                    {
                        Expect(",");
                    }
                }

                return new DictExpr([.. entries], token.Pos);
            default:
                throw new JinjaSyntaxException($"unexpected '{Describe(token)}'", token.Pos);
        }
    }

    private static string Describe(ExprToken token) => token.Kind == ExprTokenKind.End ? "end of tag" : token.Text;
}
