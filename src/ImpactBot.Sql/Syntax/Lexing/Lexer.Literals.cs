namespace ImpactBot.Sql.Syntax.Lexing;

// Numbers, templates and the many uses of `$`.
internal sealed partial class Lexer
{
    private void ScanNumber()
    {
        var start = _pos;
        // 0x alone is Trino's empty varbinary literal.
        if (_text[_pos] == '0' && Next(1) is 'x' or 'X' && (char.IsAsciiHexDigit(Next(2)) || !IsWordPart(Next(2))))
        {
            _pos += 2;
            while (_pos < _text.Length && char.IsAsciiHexDigit(_text[_pos]))
            {
                _pos++;
            }

            Add(TokenKind.Number, start, _pos, Keyword.None);
            return;
        }

        SkipDigits();
        if (Next(0) == '.' && Next(1) != '.' && !(IsWordStart(Next(1)) && Next(1) is not ('e' or 'E')))
        {
            _pos++;
            SkipDigits();
        }

        if (Next(0) is 'e' or 'E' && (char.IsAsciiDigit(Next(1)) || (Next(1) is '+' or '-' && char.IsAsciiDigit(Next(2)))))
        {
            _pos += 2;
            SkipDigits();
        }

        Add(TokenKind.Number, start, _pos, Keyword.None);
    }

    private void SkipDigits()
    {
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || (_text[_pos] == '_' && char.IsAsciiDigit(Next(1)))))
        {
            _pos++;
        }
    }

    private void ScanTemplate()
    {
        var start = _pos;
        var line = _line;
        var column = start - _lineStart + 1;
        var closer = _text[_pos + 1] switch
        {
            '{' => '}',
            var c => c,
        };
        _pos += 2;
        while (_pos < _text.Length && !(_text[_pos] == closer && Next(1) == '}'))
        {
            NewlineAware();
        }

        var flags = closer == '}' ? TokenFlags.None : TokenFlags.TemplateBlock;
        if (_pos >= _text.Length)
        {
            flags |= TokenFlags.Unterminated;
            Report("unterminated-template", "template tag is never closed", start, line, column);
        }
        else
        {
            _pos += 2;
        }

        AddAt(TokenKind.Template, start, _pos, line, column, flags);
    }

    private void ScanDollar()
    {
        var start = _pos;
        if (char.IsAsciiDigit(Next(1)))
        {
            _pos++;
            SkipDigits();
            Add(TokenKind.Positional, start, _pos, Keyword.None);
            return;
        }

        if (_dialect.DollarQuotedStrings && TryScanDollarString())
        {
            return;
        }

        _pos++;
        if (_pos < _text.Length && IsWordStart(_text[_pos]))
        {
            while (_pos < _text.Length && IsWordPart(_text[_pos]))
            {
                _pos++;
            }

            Add(TokenKind.Parameter, start, _pos, Keyword.None);
            return;
        }

        Add(TokenKind.Error, start, _pos, Keyword.None);
        Report("invalid-character", "unexpected character '$'", start, _line, start - _lineStart + 1);
    }
}
