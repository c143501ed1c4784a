namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>One column a bound relation exposes: its name, its sources and the fingerprint of what computes it.</summary>
internal sealed class RelationColumn(string name, bool quoted, List<Edge> sources, string fingerprint)
{
    public string Name { get; set; } = name;

    public bool Quoted { get; set; } = quoted;

    public List<Edge> Sources { get; } = sources;

    public string Fingerprint { get; set; } = fingerprint;

    /// <summary>An unexpanded star: stands for whatever columns its sources have.</summary>
    public bool Opaque { get; init; }

    public string? Type { get; init; }

    /// <summary>The projection contains an aggregate or window call (GROUP BY ALL leaves it out).</summary>
    public bool Aggregated { get; init; }

    /// <summary>A column of a table whose columns were inferred from their readers (the schema says so), passed on unchanged.</summary>
    public bool Inferred { get; init; }

    /// <summary>Listed by the schema, whose spelling may have lost the quotes of a case-preserved name.</summary>
    public bool FromSchema { get; init; }

    /// <summary>
    /// The alias of a BigQuery UNNEST: a range variable over the array's elements, which wins over a column of the same
    /// name (<c>FROM t, UNNEST(t.tags) AS tags</c>: <c>tags</c> is the element).
    /// </summary>
    public bool RangeVariable { get; init; }

    public RelationColumn Renamed(string name, bool quoted) =>
        new(name, quoted, Sources, Fingerprint) { Opaque = Opaque, Type = Type, Aggregated = Aggregated, Inferred = Inferred, RangeVariable = RangeVariable };
}
