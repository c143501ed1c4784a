namespace ImpactBot.Sql.Lineage;

public static class EdgeKindNames
{
    /// <summary>The lower-case name used in JSON and reports.</summary>
    public static string ToName(this EdgeKind kind) => kind switch
    {
        EdgeKind.Copy => "copy",
        EdgeKind.Cast => "cast",
        EdgeKind.Transform => "transform",
        EdgeKind.Window => "window",
        EdgeKind.Aggregate => "aggregate",
        EdgeKind.Conditional => "conditional",
        EdgeKind.Unknown => "unknown",
        EdgeKind.Filter => "filter",
        EdgeKind.Join => "join",
        EdgeKind.Group => "group",
        EdgeKind.Sort => "sort",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool IsRowKind(this EdgeKind kind) => kind >= EdgeKind.Filter;
}
