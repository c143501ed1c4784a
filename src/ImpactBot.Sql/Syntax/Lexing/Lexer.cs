using System.Buffers;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax.Lexing;

/// <summary>
/// A hand-written scanner driven by <see cref="DialectFacts"/>. It never throws: unknown characters become
/// <see cref="TokenKind.Error"/> tokens and unterminated strings or comments run to the end with a diagnostic.
/// Whitespace and comments are skipped; every token keeps its span. The token array always ends with EndOfInput.
/// </summary>
internal sealed partial class Lexer
{
    private readonly string _text;
    private readonly DialectFacts _dialect;
    private readonly List<Diagnostic> _diagnostics;
    private Token[] _tokens;
    private int _count;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private bool _space;

    private Lexer(string text, DialectFacts dialect, List<Diagnostic> diagnostics)
    {
        _text = text;
        _dialect = dialect;
        _diagnostics = diagnostics;
        _tokens = ArrayPool<Token>.Shared.Rent(Math.Max(16, text.Length / 5));
    }

    /// <summary>
    /// Splits <paramref name="text"/> into tokens; problems go to <paramref name="diagnostics"/>. The array is rented:
    /// hand it back with <see cref="Release"/> once the tokens are no longer needed.
    /// </summary>
    public static Token[] Tokenize(string text, DialectFacts dialect, List<Diagnostic> diagnostics, out int count)
    {
        var lexer = new Lexer(text, dialect, diagnostics);
        lexer.Run();
        count = lexer._count;
        return lexer._tokens;
    }

    public static void Release(Token[] tokens) => ArrayPool<Token>.Shared.Return(tokens);

    private void Run()
    {
        var text = _text;
        while (true)
        {
            SkipTrivia();
            if (_pos >= text.Length)
            {
                Add(TokenKind.EndOfInput, _pos, _pos, Keyword.None);
                return;
            }

            ScanToken();
        }
    }

    private void SkipTrivia()
    {
        var text = _text;
        var start = _pos;
        while (_pos < text.Length)
        {
            var c = text[_pos];
            if (c == '\n')
            {
                _pos++;
                _line++;
                _lineStart = _pos;
            }
            else if (c is ' ' or '\t' or '\r' or '\f' or '\v' || (c > 127 && char.IsWhiteSpace(c)))
            {
                _pos++;
            }
            else if (c == '-' && Next(1) == '-')
            {
                SkipLine();
            }
            else if ((c == '#' && _dialect.HashComments && Next(1) != '>') || (c == '/' && Next(1) == '/' && _dialect.SlashComments))
            {
                SkipLine();
            }
            else if (c == '/' && Next(1) == '*')
            {
                SkipBlockComment();
            }
            else
            {
                break;
            }
        }

        _space = _pos > start;
    }

    private void SkipLine()
    {
        while (_pos < _text.Length && _text[_pos] != '\n')
        {
            _pos++;
        }
    }

    private void SkipBlockComment()
    {
        var start = _pos;
        var line = _line;
        var column = start - _lineStart + 1;
        _pos += 2;
        var depth = 1;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '*' && Next(1) == '/')
            {
                _pos += 2;
                if (--depth == 0)
                {
                    return;
                }
            }
            else if (c == '/' && Next(1) == '*' && _dialect.NestedBlockComments)
            {
                _pos += 2;
                depth++;
            }
            else
            {
                NewlineAware();
            }
        }

        Report("unterminated-comment", "block comment is never closed", start, line, column);
    }

    private void ScanToken()
    {
        var c = _text[_pos];
        if (IsWordStart(c) || (char.IsAsciiDigit(c) && AfterNameDot() && DigitLeadingWord(_pos)))
        {
            ScanWordOrPrefixedString();
        }
        else if (c == '.' && AfterName() && DigitLeadingWord(_pos + 1))
        {
            ScanOperator(c);
        }
        else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Next(1))))
        {
            ScanNumber();
        }
        else if (c == '\'')
        {
            ScanString(_pos, 0);
        }
        else if (c == '"' && _dialect.DoubleQuotedStrings)
        {
            ScanString(_pos, 0);
        }
        else if (_dialect.IdentifierQuotes.TryGetValue(c, out var close))
        {
            ScanQuotedIdentifier(close);
        }
        else if (c == '{' && Next(1) is '{' or '%' or '#')
        {
            ScanTemplate();
        }
        else if (c == '$')
        {
            ScanDollar();
        }
        else
        {
            ScanOperator(c);
        }
    }

    private void ScanWordOrPrefixedString()
    {
        var start = _pos;
        _pos++;
        while (_pos < _text.Length && IsWordPart(_text[_pos]))
        {
            _pos++;
        }

        var word = _text.AsSpan(start, _pos - start);
        if (_pos < _text.Length && word.Length <= 2 && IsStringPrefix(word, _text[_pos]))
        {
            ScanString(start, word.Length);
            return;
        }

        Add(TokenKind.Word, start, _pos, Keywords.Lookup(word));
    }

    private bool IsStringPrefix(ReadOnlySpan<char> word, char quote)
    {
        if (quote != '\'' && !(quote == '"' && _dialect.DoubleQuotedStrings))
        {
            return false;
        }

        if (word.Length == 1)
        {
            return char.ToUpperInvariant(word[0]) switch
            {
                'E' => _dialect.EscapeStrings,
                'N' or 'R' or 'B' or 'X' => true,
                _ => false,
            };
        }

        return word.Equals("rb", StringComparison.OrdinalIgnoreCase) || word.Equals("br", StringComparison.OrdinalIgnoreCase);
    }

    private void NewlineAware()
    {
        if (_text[_pos] == '\n')
        {
            _line++;
            _lineStart = _pos + 1;
        }

        _pos++;
    }

    /// <summary>A name part right after a name and a dot (<c>src.3pool_evt</c>): digits then letters make a name there, not a number.</summary>
    private bool AfterName() =>
        _count > 0 && _tokens[_count - 1].End == _pos && _tokens[_count - 1].Kind is TokenKind.Word or TokenKind.QuotedIdentifier;

    private bool AfterNameDot() => _count > 1 && _tokens[_count - 1] is { Kind: TokenKind.Dot } dot && dot.End == _pos && _tokens[_count - 2].End == dot.Start
        && _tokens[_count - 2].Kind is TokenKind.Word or TokenKind.QuotedIdentifier;

    private bool DigitLeadingWord(int at)
    {
        var i = at;
        while (i < _text.Length && char.IsAsciiDigit(_text[i]))
        {
            i++;
        }

        return i > at && i < _text.Length && IsWordPart(_text[i]);
    }

    private char Next(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_' || (c > 127 && char.IsLetter(c));

    private static bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' || (c > 127 && char.IsLetterOrDigit(c));

    private void Add(TokenKind kind, int start, int end, Keyword keyword) =>
        Append(new Token(kind, keyword, _space ? TokenFlags.SpaceBefore : TokenFlags.None, start, end - start, _line, start - _lineStart + 1));

    private void AddAt(TokenKind kind, int start, int end, int line, int column, TokenFlags flags) =>
        Append(new Token(kind, Keyword.None, flags | (_space ? TokenFlags.SpaceBefore : TokenFlags.None), start, end - start, line, column));

    private void Append(in Token token)
    {
        if (_count == _tokens.Length)
        {
            var larger = ArrayPool<Token>.Shared.Rent(_tokens.Length * 2);
            Array.Copy(_tokens, larger, _count);
            ArrayPool<Token>.Shared.Return(_tokens);
            _tokens = larger;
        }

        _tokens[_count++] = token;
    }

    private void Report(string code, string message, int start, int line, int column) =>
        _diagnostics.Add(new Diagnostic(code, message, new SourceSpan(start, _pos - start, line, column), DiagnosticSeverity.Warning));
}
