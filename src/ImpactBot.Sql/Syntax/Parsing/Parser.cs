using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax.Parsing;

/// <summary>
/// Recursive descent for statements and clauses, Pratt parsing for expressions. Tolerant: a part it cannot read
/// becomes an <see cref="OpaqueExpr"/> or a skipped span with a diagnostic, and every loop consumes a token.
/// The token helpers, diagnostics and recovery live in this file; the grammar in the other parts.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Nesting beyond this becomes a diagnostic instead of a deeper tree (and never a stack overflow).</summary>
    private const int MaxDepth = 200;

    private readonly string _text;
    private readonly DialectFacts _dialect;
    private readonly Token[] _tokens;
    private readonly int _last;
    private readonly List<Diagnostic> _diagnostics;
    private int _pos;
    private int _depth;
    private bool _reportedTooDeep;

    public Parser(string text, DialectFacts dialect, Token[] tokens, int count, List<Diagnostic> diagnostics)
    {
        _text = text;
        _dialect = dialect;
        _tokens = tokens;
        _last = count - 1;
        _diagnostics = diagnostics;
        MarkUnmatchedBrackets();
    }

    private Token Current => _tokens[_pos];

    /// <summary>At a token that ends the current construct: <c>;</c>, the end, or a bracket closing an open one.</summary>
    private bool AtCloser => IsCloser(Current.Kind) && (Current.Flags & TokenFlags.Unmatched) == 0;

    private Token Peek(int offset = 1) => _tokens[Math.Min(_pos + offset, _last)];

    private Token Previous => _tokens[Math.Max(_pos - 1, 0)];

    private bool AtEnd => _pos >= _last;

    private void Advance()
    {
        if (_pos < _last)
        {
            _pos++;
        }
    }

    private bool At(TokenKind kind) => _tokens[_pos].Kind == kind;

    private bool At(Keyword keyword) => _tokens[_pos].Is(keyword);

    private bool Accept(TokenKind kind)
    {
        if (_tokens[_pos].Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private bool Accept(Keyword keyword)
    {
        if (!_tokens[_pos].Is(keyword))
        {
            return false;
        }

        Advance();
        return true;
    }

    private bool Expect(TokenKind kind, string what)
    {
        if (Accept(kind))
        {
            return true;
        }

        Report("unexpected-token", $"expected {what}, found {Describe(Current)}", Current.Span);
        return false;
    }

    private bool Expect(Keyword keyword)
    {
        if (Accept(keyword))
        {
            return true;
        }

        Report("unexpected-token", $"expected {keyword.ToString().ToUpperInvariant()}, found {Describe(Current)}", Current.Span);
        return false;
    }

    /// <summary>The span from token <paramref name="startToken"/> to the last consumed token.</summary>
    private SourceSpan SpanFrom(int startToken)
    {
        var first = _tokens[startToken];
        if (_pos <= startToken)
        {
            return new SourceSpan(first.Start, 0, first.Line, first.Column);
        }

        var end = _tokens[_pos - 1].End;
        return new SourceSpan(first.Start, end - first.Start, first.Line, first.Column);
    }

    private SourceSpan SpanOf(int startToken, int endToken)
    {
        var first = _tokens[startToken];
        var end = endToken > startToken ? _tokens[endToken - 1].End : first.Start;
        return new SourceSpan(first.Start, end - first.Start, first.Line, first.Column);
    }

    private string TextOf(in Token token) => _text.Substring(token.Start, token.Length);

    private ReadOnlySpan<char> SpanText(in Token token) => _text.AsSpan(token.Start, token.Length);

    private bool TextIs(in Token token, string word) =>
        token.Kind == TokenKind.Word && SpanText(token).Equals(word, StringComparison.OrdinalIgnoreCase);

    private string Describe(in Token token) => token.Kind switch
    {
        TokenKind.EndOfInput => "end of input",
        TokenKind.String => "a string",
        _ => $"'{(token.Length > 40 ? _text.AsSpan(token.Start, 40).ToString() + "..." : TextOf(token))}'",
    };

    private void Report(string code, string message, SourceSpan span, DiagnosticSeverity severity = DiagnosticSeverity.Warning) =>
        _diagnostics.Add(new Diagnostic(code, message, span, severity));

    /// <summary>Enters one nesting level; false (with one diagnostic) when the budget or the stack is spent.</summary>
    private bool TryEnter()
    {
        if (_depth < MaxDepth && RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            _depth++;
            return true;
        }

        if (!_reportedTooDeep)
        {
            _reportedTooDeep = true;
            Report("too-deep", $"nesting deeper than {MaxDepth} levels is not analysed", Current.Span, DiagnosticSeverity.Error);
        }

        return false;
    }

    private void Leave() => _depth--;

    private bool IsSetOperator(in Token token) =>
        token.Kind == TokenKind.Word &&
        (token.Keyword is Keyword.Union or Keyword.Intersect or Keyword.Except ||
         (token.Keyword == Keyword.Minus && _dialect.MinusIsExcept));

    private bool IsClauseKeyword(in Token token) =>
        token.Kind == TokenKind.Word && (Keywords.IsClause(token.Keyword) || (token.Keyword == Keyword.Minus && _dialect.MinusIsExcept));

    private static bool IsCloser(TokenKind kind) =>
        kind is TokenKind.RParen or TokenKind.RBracket or TokenKind.RBrace or TokenKind.Semicolon or TokenKind.EndOfInput;

    /// <summary>
    /// Skips tokens, balancing brackets, up to a sync point at the current depth: a closer, <c>;</c>, the end,
    /// a clause keyword (when <paramref name="stopAtClause"/>) or a comma (when <paramref name="stopAtComma"/>).
    /// With <paramref name="force"/> a leading comma or clause keyword is skipped too, so the caller always moves;
    /// <paramref name="stopAtAs"/> leaves a trailing <c>AS alias</c> for the caller.
    /// </summary>
    private void SkipToSync(bool stopAtComma, bool stopAtClause = true, bool force = false, bool stopAtAs = false)
    {
        var start = _pos;
        var depth = 0;
        while (!AtEnd)
        {
            var token = Current;
            var unmatched = (token.Flags & TokenFlags.Unmatched) != 0;
            if (depth == 0)
            {
                if (IsCloser(token.Kind) && !unmatched)
                {
                    return;
                }

                if ((_pos > start || !force) &&
                    ((stopAtComma && token.Kind == TokenKind.Comma) || (stopAtClause && IsClauseKeyword(token)) || (stopAtAs && token.Is(Keyword.As))))
                {
                    return;
                }
            }

            if (unmatched)
            {
                Advance();
                continue;
            }

            if (token.Kind is TokenKind.LParen or TokenKind.LBracket or TokenKind.LBrace)
            {
                depth++;
            }
            else if (token.Kind is TokenKind.RParen or TokenKind.RBracket or TokenKind.RBrace)
            {
                depth--;
            }

            Advance();
        }
    }

    /// <summary>Skips one balanced parenthesised group starting at the current <c>(</c>.</summary>
    private void SkipParenthesised()
    {
        if (!Accept(TokenKind.LParen))
        {
            return;
        }

        SkipToSync(stopAtComma: false, stopAtClause: false);
        Accept(TokenKind.RParen);
    }

    /// <summary>
    /// Makes an opaque node for tokens <c>[start, end)</c>; the diagnostic points at <paramref name="badToken"/>.
    /// Its references are the names in the span not followed by <c>(</c>, skipping keywords, aliases and type names.
    /// </summary>
    private OpaqueExpr MakeOpaque(int start, int end, int badToken, string expected)
    {
        var bad = _tokens[badToken];
        var diagnosticSpan = SpanOf(badToken, Math.Max(end, badToken + 1));
        var message = $"expected {expected}, found {Describe(bad)}";
        var diagnostic = new Diagnostic("unparsed-span", message, diagnosticSpan);
        _diagnostics.Add(diagnostic);
        return new OpaqueExpr(CollectReferences(start, end), diagnostic, SpanOf(start, end));
    }

    private ImmutableArray<ColumnRef> CollectReferences(int start, int end)
    {
        var refs = ImmutableArray.CreateBuilder<ColumnRef>();
        var i = start;
        while (i < end)
        {
            var token = _tokens[i];
            var previous = i > start ? _tokens[i - 1] : default;
            var named = IsReferenceStart(token) && !previous.Is(Keyword.As) && previous.Kind != TokenKind.DoubleColon;
            if (!named)
            {
                i++;
                continue;
            }

            var parts = ImmutableArray.CreateBuilder<Identifier>();
            parts.Add(MakeIdentifier(token));
            var j = i + 1;
            while (j + 1 < end && _tokens[j].Kind == TokenKind.Dot &&
                   _tokens[j + 1].Kind is TokenKind.Word or TokenKind.QuotedIdentifier)
            {
                parts.Add(MakeIdentifier(_tokens[j + 1]));
                j += 2;
            }

            if (j >= end || _tokens[j].Kind != TokenKind.LParen)
            {
                refs.Add(new ColumnRef(parts.ToImmutable(), SpanOf(i, j)));
            }

            i = j;
        }

        return refs.ToImmutable();
    }

    private static bool IsReferenceStart(in Token token) =>
        token.Kind == TokenKind.QuotedIdentifier ||
        (token.Kind == TokenKind.Word && !Keywords.IsNoImplicitAlias(token.Keyword));

    /// <summary>Flags brackets without a partner so recovery skips them instead of ending the construct there.</summary>
    private void MarkUnmatchedBrackets()
    {
        var open = new Stack<int>();
        for (var i = 0; i <= _last; i++)
        {
            var kind = _tokens[i].Kind;
            if (kind is TokenKind.LParen or TokenKind.LBracket or TokenKind.LBrace)
            {
                open.Push(i);
            }
            else if (kind is TokenKind.RParen or TokenKind.RBracket or TokenKind.RBrace)
            {
                if (open.TryPeek(out var top) && Partner(_tokens[top].Kind) == kind)
                {
                    open.Pop();
                }
                else
                {
                    _tokens[i] = _tokens[i] with { Flags = _tokens[i].Flags | TokenFlags.Unmatched };
                }
            }
        }

        foreach (var i in open)
        {
            _tokens[i] = _tokens[i] with { Flags = _tokens[i].Flags | TokenFlags.Unmatched };
        }

        static TokenKind Partner(TokenKind opener) => opener switch
        {
            TokenKind.LParen => TokenKind.RParen,
            TokenKind.LBracket => TokenKind.RBracket,
            _ => TokenKind.RBrace,
        };
    }
}
