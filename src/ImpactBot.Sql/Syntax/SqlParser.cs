using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax;

/// <summary>Entry point of the tolerant parser. (Placeholder until the parser lands.)</summary>
public static class SqlParser
{
    public static ParseResult Parse(string sql, DialectFacts dialect) =>
        new([], [new Diagnostic("parser-not-ready", "parser not implemented yet", SourceSpan.None, DiagnosticSeverity.Error)]);
}
