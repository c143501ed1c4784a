namespace ImpactBot.Core.Publishing;

public enum PublishMode
{
    /// <summary>Edit the one live report in place (create it the first time).</summary>
    Update,

    /// <summary>Post a fresh report and collapse the previous one (notifies subscribers again).</summary>
    New,

    /// <summary>Post nothing.</summary>
    Off,
}
