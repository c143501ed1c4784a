using System.Collections.Immutable;

namespace ImpactBot.Core.Graph;

/// <summary>
/// Project-wide facts a delta head build needs besides each asset's <see cref="AssetInputs"/>. A graph has them only when
/// it was read from a dbt project's files (no manifest, no catalog): then every asset can be rebuilt from its own files.
/// </summary>
public sealed record ProjectInputs
{
    /// <summary>The folder holding dbt_project.yml ('' for the repository root).</summary>
    public string RootDir { get; init; } = "";

    /// <summary>The dialect the SQL was bound with; a head read with another one must be bound anew.</summary>
    public string Dialect { get; init; } = "";

    /// <summary>YAML files that define groups (a model's group owner is one of its owners).</summary>
    public ImmutableArray<string> GroupFiles { get; init; } = [];

    /// <summary>
    /// Fingerprint of the dbt packages the project was rendered with (package-lock.yml, packages.yml and the installed
    /// packages' macros); a head read with other packages must be read whole.
    /// </summary>
    public string Packages { get; init; } = "";

    /// <summary>Names of disabled models, seeds and snapshots: refs to them are not missing, yet they are no assets.</summary>
    public ImmutableArray<string> DisabledNames { get; init; } = [];

    /// <summary>
    /// Some model's SQL was rendered from dbt's <c>graph</c> or from another node's columns (the whole project): a head
    /// must be read whole.
    /// </summary>
    public bool RendersReadGraph { get; init; }
}
