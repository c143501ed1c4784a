using ImpactBot.Sql.Syntax;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.TSql;

/// <summary>Reads T-SQL through ScriptDom into the shared AST. (Placeholder until the ScriptDom mapping lands.)</summary>
public static class TSqlFrontEnd
{
    public static ParseResult Parse(string sql) =>
        new([], [new Diagnostic("tsql-not-ready", "T-SQL front end not implemented yet", SourceSpan.None, DiagnosticSeverity.Error)]);
}
