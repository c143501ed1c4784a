namespace ImpactBot.Core.Platform;

public enum Reaction
{
    Eyes,
    Rocket,
    Confused,
}
