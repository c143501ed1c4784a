namespace ImpactBot.Core.Publishing;

/// <summary>How hard a change hits an affected asset (DESIGN.md "Lineage semantics"), least severe first.</summary>
public enum ImpactSeverity
{
    Info,
    Schema,
    Values,
    Breaking,
}
