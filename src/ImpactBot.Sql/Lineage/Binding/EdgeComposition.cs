namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>Composition of edge kinds along a path (BRIEF section 4).</summary>
internal static class EdgeComposition
{
    /// <summary>
    /// The kind of a path whose outer hop is <paramref name="outer"/> and inner hop <paramref name="inner"/>: row kinds absorb
    /// everything, unknown and conditional are sticky, otherwise the larger of copy &lt; cast &lt; transform &lt; window/aggregate
    /// (between window and aggregate the outer hop wins).
    /// </summary>
    public static EdgeKind Compose(EdgeKind outer, EdgeKind inner)
    {
        if (outer.IsRowKind())
        {
            return outer;
        }

        if (outer == EdgeKind.Unknown || inner == EdgeKind.Unknown)
        {
            return EdgeKind.Unknown;
        }

        if (outer == EdgeKind.Conditional || inner == EdgeKind.Conditional)
        {
            return EdgeKind.Conditional;
        }

        return Rank(inner) > Rank(outer) ? inner : outer;
    }

    public static bool IsValueKind(EdgeKind kind) => kind <= EdgeKind.Aggregate;

    private static int Rank(EdgeKind kind) => kind switch
    {
        EdgeKind.Copy => 0,
        EdgeKind.Cast => 1,
        EdgeKind.Transform => 2,
        _ => 3,
    };
}
