using System.Collections.Immutable;
using ImpactBot.Dbt;
using ImpactBot.Dbt.Profiles;
using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Dbt.Analysis;

/// <summary>
/// How a project's SQL is read, decided once per analysis (from the head) so base and head are read alike: the dialect
/// and where it came from, the dbt target and the vars given from outside the project.
/// </summary>
public sealed record ProjectSettings
{
    public required DialectFacts Dialect { get; init; }

    /// <summary>Where <see cref="Dialect"/> came from, for people (see <see cref="ReadSettings.DialectSource"/>).</summary>
    public required string DialectSource { get; init; }

    /// <summary>The profile output rendered for, or just a name from <c>--target</c> when no profiles.yml was found.</summary>
    public DbtTarget? Target { get; init; }

    /// <summary>Vars from <c>.impactbot.yml</c> overridden by <c>--vars</c>; they override dbt_project.yml's.</summary>
    public DbtMap Vars { get; init; } = DbtMap.Empty;

    /// <summary>Problems met while deciding (a broken profiles.yml, an adapter with no dialect here).</summary>
    public ImmutableArray<FileDiagnostic> Diagnostics { get; init; } = [];

    public ReadSettings ToRecord() => new()
    {
        Dialect = Dialect.Name,
        DialectSource = DialectSource,
        Target = Target?.Name ?? "",
        Vars = DbtVars.ToJson(Vars),
    };
}
