namespace ImpactBot.Core.Report;

/// <summary>How an item ranks in the comment, first to last.</summary>
public enum ItemClass
{
    /// <summary>Fails to build, or breaks readers outside the project.</summary>
    Breaking,

    /// <summary>What people outside the data team read: exposures, semantic models, metrics, catalog entries, public or contracted models.</summary>
    Consumer,

    Values,

    Schema,

    Info,

    /// <summary>Data tests: last and compact, whatever their severity.</summary>
    Test,
}
