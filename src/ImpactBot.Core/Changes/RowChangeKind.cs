namespace ImpactBot.Core.Changes;

/// <summary>Model-wide changes: they change which rows every output column holds (or how they are stored).</summary>
public enum RowChangeKind
{
    Filter,
    Join,
    Grain,
    Source,
    Limit,
    Materialization,

    /// <summary>Code the lineage cannot read (a Python model) changed: any of its rows and values may have.</summary>
    Code,
}
