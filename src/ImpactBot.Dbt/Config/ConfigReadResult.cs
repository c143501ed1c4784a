using System.Collections.Immutable;
using ImpactBot.Core.Config;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt.Config;

/// <summary>The config read (defaults where the file is missing or a key is bad) and the problems found.</summary>
public sealed record ConfigReadResult(ImpactBotConfig Config, ImmutableArray<FileDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Sql.Text.DiagnosticSeverity.Error);
}
