using System.Collections.Immutable;

namespace ImpactBot.Dbt;

/// <summary>
/// A data test from YAML, on a column or on a whole node. <see cref="TestName"/> is the test as written
/// (<c>not_null</c>, <c>unique</c>, <c>relationships</c>, <c>accepted_values</c>, <c>dbt_utils.expression_is_true</c>...).
/// </summary>
public sealed record DbtDataTest
{
    /// <summary>dbt-style name: <c>not_null_orders_id</c>, or the <c>name:</c> given in YAML.</summary>
    public required string Name { get; init; }

    public required string TestName { get; init; }

    /// <summary>Unique id of the node tested (<c>model.p.orders</c>, <c>source.p.s.t</c>, <c>seed.p.x</c>).</summary>
    public required string AttachedTo { get; init; }

    public string? Column { get; init; }

    /// <summary>For <c>relationships</c>: the parent relation and its field.</summary>
    public DbtRef? ToRef { get; init; }

    public DbtSourceRef? ToSource { get; init; }

    public string? Field { get; init; }

    /// <summary>For <c>accepted_values</c>.</summary>
    public ImmutableArray<string> Values { get; init; } = [];

    /// <summary>Every argument as written (including <c>config</c>).</summary>
    public DbtMap Arguments { get; init; } = DbtMap.Empty;

    public required string Path { get; init; }

    public int Line { get; init; }
}
