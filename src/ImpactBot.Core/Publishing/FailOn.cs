namespace ImpactBot.Core.Publishing;

/// <summary>The `fail-on` policy: the least severe unacknowledged impact that fails the status.</summary>
public enum FailOn
{
    /// <summary>Only <see cref="ImpactSeverity.Breaking"/> items block (the default).</summary>
    Breaking,

    /// <summary><see cref="ImpactSeverity.Breaking"/> and <see cref="ImpactSeverity.Values"/> items block.</summary>
    Values,

    /// <summary>Every item blocks until ticked.</summary>
    Any,

    /// <summary>The status is always successful; the report only informs.</summary>
    Never,
}
