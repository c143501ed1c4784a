using ImpactBot.Sql.Text;

namespace ImpactBot.Core.Files;

/// <summary>
/// A problem found while reading a project file. <paramref name="Path"/> is repository-relative; line and column are
/// 1-based (0 when the problem concerns the whole file). <paramref name="Code"/> is a stable kebab-case id.
/// </summary>
public sealed record FileDiagnostic(
    string Code,
    string Message,
    string Path,
    int Line,
    int Column,
    DiagnosticSeverity Severity = DiagnosticSeverity.Warning)
{
    /// <summary><c>path:line:column</c>, or just the path when the problem concerns the whole file.</summary>
    public string Location => Line > 0 ? $"{Path}:{Line}:{Column}" : Path;

    public override string ToString() => $"{Path}:{Line}:{Column}: {Code}: {Message}";
}
