namespace ImpactBot.Sql.Text;

/// <summary>
/// A problem found while reading or binding SQL. Problems are values: nothing in the SQL front end throws.
/// <paramref name="Code"/> is a stable kebab-case id (for example <c>unparsed-span</c>, <c>unknown-star</c>).
/// </summary>
public sealed record Diagnostic(string Code, string Message, SourceSpan Span, DiagnosticSeverity Severity = DiagnosticSeverity.Warning)
{
    public override string ToString() => $"{Span.Line}:{Span.Column}: {Code}: {Message}";
}
