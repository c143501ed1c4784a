namespace ImpactBot.Core.Owners;

/// <summary>Where an owner was found.</summary>
public enum OwnerSource
{
    /// <summary><c>meta.owner</c> of the asset.</summary>
    Meta,

    /// <summary><c>config.meta.owner</c> (YAML config block, SQL config() or dbt_project.yml folder config).</summary>
    ConfigMeta,

    /// <summary>The owner of the asset's dbt group.</summary>
    Group,

    /// <summary>The owner of an exposure.</summary>
    Exposure,

    /// <summary>A CODEOWNERS rule matching the asset's file.</summary>
    CodeOwners,

    /// <summary>An entry of the <c>catalog</c> in <c>.impactbot.yml</c>.</summary>
    Catalog,
}

/// <summary>
/// One owner of an asset. <see cref="Display"/> is what to show and mention: an <c>@handle</c> when known or mapped by an
/// alias, else the name or email as written. <see cref="Raw"/> is the value as found; <see cref="Origin"/> says where
/// (for example <c>models/schema.yml:12</c> or <c>CODEOWNERS:4</c>).
/// </summary>
public sealed record AssetOwner(string Display, string Raw, OwnerSource Source, string Origin)
{
    /// <summary>True when <see cref="Display"/> is a mentionable handle (<c>@user</c> or <c>@org/team</c>).</summary>
    public bool IsHandle => Display.StartsWith('@');
}
