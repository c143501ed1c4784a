namespace ImpactBot.Core.Changes;

public enum ColumnChangeKind
{
    Added,
    Removed,

    /// <summary>Same resolved expression under a new name.</summary>
    Renamed,

    /// <summary>The resolved expression changed (formatting, comments and keyword case do not count).</summary>
    Expression,

    /// <summary>The declared, cast or catalog type changed.</summary>
    Type,
}
