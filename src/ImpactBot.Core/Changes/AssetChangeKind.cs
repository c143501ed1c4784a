namespace ImpactBot.Core.Changes;

public enum AssetChangeKind
{
    Added,
    Removed,

    /// <summary>Same SQL body under a new name or path.</summary>
    Renamed,

    Modified,

    /// <summary>Only documentation-level metadata changed (descriptions, tests).</summary>
    DocsOnly,

    /// <summary>Only the owners changed (CODEOWNERS, meta.owner): nobody downstream is affected.</summary>
    OwnersOnly,
}
