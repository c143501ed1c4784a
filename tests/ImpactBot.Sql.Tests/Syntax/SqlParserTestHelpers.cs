using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Tests.Syntax;

/// <summary>Shortcuts for parser tests: parse one statement and reach into its query.</summary>
internal static class SqlParserTestHelpers
{
    public static ParseResult Parse(string sql, DialectFacts? dialect = null) =>
        SqlParser.Parse(sql, dialect ?? DialectFacts.Snowflake);

    public static Query Query(string sql, DialectFacts? dialect = null, bool allowDiagnostics = false)
    {
        var result = Parse(sql, dialect);
        if (!allowDiagnostics)
        {
            Assert.That(Problems(result), Is.Empty, "unexpected diagnostics");
        }

        Assert.That(result.Statements, Has.Length.EqualTo(1));
        return ((QueryStatement)result.Statements[0]).Query;
    }

    public static SelectQuery Select(string sql, DialectFacts? dialect = null, bool allowDiagnostics = false) =>
        (SelectQuery)Query(sql, dialect, allowDiagnostics);

    public static Expr Item(string sql, int index = 0, DialectFacts? dialect = null) =>
        ((ExprSelectItem)Select(sql, dialect).Items[index]).Expr;

    public static Expr Expression(string expression, DialectFacts? dialect = null) => Item("select " + expression, 0, dialect);

    /// <summary>Warnings and errors (info notes are expected for skipped modifiers and template blocks).</summary>
    public static IEnumerable<Diagnostic> Problems(ParseResult result) =>
        result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info);
}
