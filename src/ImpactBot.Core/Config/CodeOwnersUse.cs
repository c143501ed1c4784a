namespace ImpactBot.Core.Config;

/// <summary>When CODEOWNERS names an asset's owners (<c>codeowners:</c> in <c>.impactbot.yml</c>).</summary>
public enum CodeOwnersUse
{
    /// <summary>Only for assets without an owner in dbt (meta, config, group, exposure owner): the default.</summary>
    Fallback,

    /// <summary>Always, after the dbt owners.</summary>
    Always,

    /// <summary>Never.</summary>
    Off,
}
