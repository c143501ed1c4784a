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

    /// <summary>What the model's <c>is_incremental()</c> branches add on an incremental run changed (which rows it appends).</summary>
    IncrementalFilter,
}

public static class RowChangeKindNames
{
    /// <summary>The name JSON uses: <c>filter</c>, <c>incremental_filter</c>.</summary>
    public static string Name(this RowChangeKind kind) => kind == RowChangeKind.IncrementalFilter ? "incremental_filter" : kind.ToString().ToLowerInvariant();

    /// <summary>The words people read: <c>filter</c>, <c>incremental filter</c>.</summary>
    public static string Label(this RowChangeKind kind) => kind.Name().Replace('_', ' ');
}
