namespace ImpactBot.Core.Config;

/// <summary>Who may tick a checklist item: only the item's owners (default) or anyone with write access.</summary>
public enum AcknowledgePolicy
{
    OwnersOnly,
    Anyone,
}
