namespace ImpactBot.Dbt;

/// <summary>How much of a node's SQL the renderer could produce.</summary>
public enum RenderStatus
{
    /// <summary>Every Jinja construct was understood.</summary>
    Complete,

    /// <summary>Some parts are placeholders or guesses (see the node's diagnostics); all refs seen are recorded.</summary>
    Partial,

    /// <summary>No SQL: the file is unreadable or binary.</summary>
    Failed,
}
