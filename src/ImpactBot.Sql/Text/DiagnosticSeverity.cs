namespace ImpactBot.Sql.Text;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}
