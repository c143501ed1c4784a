namespace ImpactBot.Core.Impact;

/// <summary>Severity of an affected asset, lowest first (DESIGN.md "Lineage semantics").</summary>
public enum Severity
{
    /// <summary>Only documentation-level changes reach it.</summary>
    Info,

    /// <summary>Only new columns reach it (through a star).</summary>
    Schema,

    /// <summary>Values or rows it reads change.</summary>
    Values,

    /// <summary>It references a removed or renamed column, or a removed model: it will fail.</summary>
    Breaking,
}
