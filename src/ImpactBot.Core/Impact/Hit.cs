namespace ImpactBot.Core.Impact;

/// <summary>
/// One way the walk reached an asset. <see cref="Cause"/> is the root cause (changed column or asset) it started from;
/// <see cref="BrokenAt"/> is set when the asset is reached only because that upstream fails to build.
/// </summary>
internal sealed record Hit(Severity Severity, string? Column, string Path, string Reason, string Via, bool ModelLevel, string Cause, string? BrokenAt)
{
    /// <summary>Something to fix at its own place (a stale YAML entry): its reason is kept even when another hit decides.</summary>
    public bool Note { get; init; }
}
