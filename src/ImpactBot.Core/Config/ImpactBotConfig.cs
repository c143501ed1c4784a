using System.Collections.Immutable;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Core.Config;

/// <summary>The settings of <c>.impactbot.yml</c>; every key is optional.</summary>
public sealed record ImpactBotConfig
{
    public static readonly ImpactBotConfig Default = new();

    public SqlDialect? Dialect { get; init; }

    public string? ProjectDir { get; init; }

    /// <summary>Glob patterns (gitignore style) of repository paths to leave out.</summary>
    public ImmutableArray<string> Ignore { get; init; } = [];

    public FailOn FailOn { get; init; } = FailOn.Breaking;

    /// <summary>Email or name (case-insensitive) to <c>@handle</c>.</summary>
    public ImmutableDictionary<string, string> OwnerAliases { get; init; } =
        ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    public AcknowledgePolicy Acknowledge { get; init; } = AcknowledgePolicy.OwnersOrMaintainers;

    /// <summary>
    /// <c>teams:</c> team or group handle (<c>@acme/crm</c>, case-insensitive) to the logins of its members, for tokens that
    /// cannot read team membership; a login listed here counts as a member whatever the API says.
    /// </summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Teams { get; init; } =
        ImmutableDictionary<string, ImmutableArray<string>>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>CODEOWNERS names owners only of assets that have none in dbt, unless set otherwise.</summary>
    public CodeOwnersUse CodeOwners { get; init; } = CodeOwnersUse.Fallback;

    public ImmutableArray<CatalogAsset> Catalog { get; init; } = [];

    /// <summary><c>vars:</c> for rendering (as dbt's <c>--vars</c>) as JSON text; <c>--vars</c> on the command line overrides them.</summary>
    public string Vars { get; init; } = "{}";
}
