namespace ImpactBot.Core.Config;

/// <summary>When the status check fails: on breaking impacts (default), on value changes too, on any impact, or never.</summary>
public enum FailOn
{
    Breaking,
    Values,
    Any,
    Never,
}
