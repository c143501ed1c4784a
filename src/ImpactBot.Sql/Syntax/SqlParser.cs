using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax.Lexing;
using ImpactBot.Sql.Syntax.Parsing;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax;

/// <summary>
/// Entry point of the tolerant parser: never throws, returns every statement it could read (unreadable parts become
/// opaque nodes) and every problem as a diagnostic with a 1-based line and column.
/// </summary>
public static class SqlParser
{
    public static ParseResult Parse(string sql, DialectFacts dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var diagnostics = new List<Diagnostic>();
        var tokens = Lexer.Tokenize(sql ?? string.Empty, dialect, diagnostics, out var count);
        count = DropTemplateBlocks(tokens, count, diagnostics);
        var parser = new Parser(sql ?? string.Empty, dialect, tokens, count, diagnostics);
        var statements = parser.ParseStatements();
        Lexer.Release(tokens);
        return new ParseResult(statements, [.. diagnostics]);
    }

    /// <summary><c>{% .. %}</c> and <c>{# .. #}</c> carry no SQL: drop them (with a note) so the query around them still parses.</summary>
    private static int DropTemplateBlocks(Token[] tokens, int count, List<Diagnostic> diagnostics)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Template && (token.Flags & TokenFlags.TemplateBlock) != 0)
            {
                diagnostics.Add(new Diagnostic("template-block", "template block ignored", token.Span, DiagnosticSeverity.Info));
                continue;
            }

            tokens[kept++] = token;
        }

        return kept;
    }
}
