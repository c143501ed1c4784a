namespace ImpactBot.Sql.Lineage;

/// <summary>
/// Edge kinds of BRIEF.md section 4. Column edges: Copy .. Unknown. Row edges (they apply to every output column): Filter .. Sort.
/// The order of the column kinds is the composition order along a path (copy &lt; cast &lt; transform &lt; window/aggregate).
/// </summary>
public enum EdgeKind
{
    Copy,
    Cast,
    Transform,
    Window,
    Aggregate,
    Conditional,
    Unknown,
    Filter,
    Join,
    Group,
    Sort,
}
