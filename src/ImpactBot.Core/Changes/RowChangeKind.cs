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
}
