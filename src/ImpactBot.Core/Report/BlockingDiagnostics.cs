using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;

namespace ImpactBot.Core.Report;

/// <summary>
/// The problems that fail the check although the report goes on: the project as given cannot be what the change means
/// (dbt refuses duplicate names; an unreadable changed file cannot be analysed at all). Every other diagnostic is shown and
/// only lowers the lineage's precision.
/// </summary>
public static class BlockingDiagnostics
{
    /// <summary>Code of the diagnostic on a changed file that is not text (binary, or an encoding that cannot be read).</summary>
    public const string UnreadableCode = "file-unreadable";

    public static bool Fails(FileDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return diagnostic.Code is GraphBuilder.DuplicateCode or UnreadableCode;
    }
}
