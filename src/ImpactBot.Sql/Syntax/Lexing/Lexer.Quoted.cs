namespace ImpactBot.Sql.Syntax.Lexing;

// Strings, quoted identifiers, dollar strings and operators.
internal sealed partial class Lexer
{
    private void ScanString(int start, int prefixLength)
    {
        var line = _line;
        var column = start - _lineStart + 1;
        _pos = start + prefixLength;
        var quote = _text[_pos];
        var raw = prefixLength > 0 && char.ToUpperInvariant(_text[start]) is 'R' || (prefixLength == 2 && char.ToUpperInvariant(_text[start + 1]) == 'R');
        var backslash = !raw && (_dialect.BackslashEscapes || (prefixLength == 1 && char.ToUpperInvariant(_text[start]) == 'E'));
        var triple = Next(1) == quote && Next(2) == quote && _dialect.TripleQuotedStrings;
        _pos += triple ? 3 : 1;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\\' && backslash && _pos + 1 < _text.Length)
            {
                _pos++;
                NewlineAware();
            }
            else if (c == quote)
            {
                if (triple)
                {
                    if (Next(1) == quote && Next(2) == quote)
                    {
                        _pos += 3;
                        AddAt(TokenKind.String, start, _pos, line, column, TokenFlags.None);
                        return;
                    }

                    _pos++;
                }
                else if (Next(1) == quote)
                {
                    _pos += 2;
                }
                else
                {
                    _pos++;
                    AddAt(TokenKind.String, start, _pos, line, column, TokenFlags.None);
                    return;
                }
            }
            else
            {
                NewlineAware();
            }
        }

        Report("unterminated-string", "string literal is never closed", start, line, column);
        AddAt(TokenKind.String, start, _pos, line, column, TokenFlags.Unterminated);
    }

    private void ScanQuotedIdentifier(char close)
    {
        var start = _pos;
        var line = _line;
        var column = start - _lineStart + 1;
        _pos++;
        while (_pos < _text.Length)
        {
            if (_text[_pos] == close)
            {
                if (Next(1) == close)
                {
                    _pos += 2;
                    continue;
                }

                _pos++;
                AddAt(TokenKind.QuotedIdentifier, start, _pos, line, column, TokenFlags.None);
                return;
            }

            NewlineAware();
        }

        Report("unterminated-identifier", "quoted identifier is never closed", start, line, column);
        AddAt(TokenKind.QuotedIdentifier, start, _pos, line, column, TokenFlags.Unterminated);
    }

    /// <summary><c>$$ .. $$</c> or <c>$tag$ .. $tag$</c>; false when the <c>$</c> does not open one.</summary>
    private bool TryScanDollarString()
    {
        var start = _pos;
        var tagEnd = _pos + 1;
        while (tagEnd < _text.Length && (char.IsAsciiLetterOrDigit(_text[tagEnd]) || _text[tagEnd] == '_'))
        {
            tagEnd++;
        }

        if (tagEnd >= _text.Length || _text[tagEnd] != '$' || (tagEnd > start + 1 && char.IsAsciiDigit(_text[start + 1])))
        {
            return false;
        }

        var line = _line;
        var column = start - _lineStart + 1;
        var tag = _text.AsSpan(start, tagEnd - start + 1);
        _pos = tagEnd + 1;
        var close = _text.AsSpan(_pos).IndexOf(tag, StringComparison.Ordinal);
        var end = close < 0 ? _text.Length : _pos + close + tag.Length;
        while (_pos < end)
        {
            NewlineAware();
        }

        if (close < 0)
        {
            Report("unterminated-string", "dollar-quoted string is never closed", start, line, column);
        }

        AddAt(TokenKind.String, start, _pos, line, column, close < 0 ? TokenFlags.Unterminated : TokenFlags.None);
        return true;
    }

    private void ScanOperator(char c)
    {
        var start = _pos;
        var n1 = Next(1);
        var n2 = Next(2);
        (TokenKind kind, int length) = c switch
        {
            '(' => (TokenKind.LParen, 1),
            ')' => (TokenKind.RParen, 1),
            '[' => (TokenKind.LBracket, 1),
            ']' => (TokenKind.RBracket, 1),
            '{' => (TokenKind.LBrace, 1),
            '}' => (TokenKind.RBrace, 1),
            ',' => (TokenKind.Comma, 1),
            '.' => (TokenKind.Dot, 1),
            ';' => (TokenKind.Semicolon, 1),
            '*' => (TokenKind.Star, 1),
            '+' => (TokenKind.Plus, 1),
            '/' => (TokenKind.Slash, 1),
            '%' => (TokenKind.Percent, 1),
            ':' when n1 == ':' => (TokenKind.DoubleColon, 2),
            ':' when n1 == '=' => (TokenKind.ColonEquals, 2),
            ':' => (TokenKind.Colon, 1),
            '-' when n1 == '>' && n2 == '>' => (TokenKind.DoubleArrow, 3),
            '-' when n1 == '>' => (TokenKind.Arrow, 2),
            '-' => (TokenKind.Minus, 1),
            '|' when n1 == '|' => (TokenKind.Concat, 2),
            '=' when n1 == '>' => (TokenKind.FatArrow, 2),
            '=' when n1 == '=' => (TokenKind.Operator, 2),
            '=' => (TokenKind.Eq, 1),
            '<' when n1 == '=' && n2 == '>' => (TokenKind.Operator, 3),
            '<' when n1 == '=' => (TokenKind.Le, 2),
            '<' when n1 == '>' => (TokenKind.NotEq, 2),
            '<' when n1 is '<' or '@' => (TokenKind.Operator, 2),
            '<' => (TokenKind.Lt, 1),
            '>' when n1 == '=' => (TokenKind.Ge, 2),
            '>' when n1 == '>' => (TokenKind.Operator, 2),
            '>' => (TokenKind.Gt, 1),
            '!' when n1 == '=' => (TokenKind.NotEq, 2),
            '!' when n1 == '~' && n2 == '*' => (TokenKind.Operator, 3),
            '!' when n1 == '~' => (TokenKind.Operator, 2),
            '~' when n1 == '*' => (TokenKind.Operator, 2),
            '#' when n1 == '>' && n2 == '>' => (TokenKind.Operator, 3),
            '#' when n1 == '>' => (TokenKind.Operator, 2),
            '@' when n1 == '>' => (TokenKind.Operator, 2),
            '@' when n1 == '@' || IsWordStart(n1) => (TokenKind.Parameter, 0),
            '?' when n1 is '|' or '&' => (TokenKind.Operator, 2),
            '?' => (TokenKind.Parameter, 1),
            '~' or '^' or '&' or '|' or '#' => (TokenKind.Operator, 1),
            _ => (TokenKind.Error, char.IsHighSurrogate(c) && char.IsLowSurrogate(n1) ? 2 : 1),
        };

        if (kind == TokenKind.Parameter && length == 0)
        {
            _pos += n1 == '@' ? 2 : 1;
            while (_pos < _text.Length && IsWordPart(_text[_pos]))
            {
                _pos++;
            }

            Add(kind, start, _pos, Keyword.None);
            return;
        }

        _pos += length;
        Add(kind, start, _pos, Keyword.None);
        if (kind == TokenKind.Error)
        {
            Report("invalid-character", $"unexpected character '{_text.AsSpan(start, length)}'", start, _line, start - _lineStart + 1);
        }
    }
}
