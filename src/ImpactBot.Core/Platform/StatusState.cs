namespace ImpactBot.Core.Platform;

public enum StatusState
{
    Pending,
    Success,
    Failure,
    Error,
}
