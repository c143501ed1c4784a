namespace ImpactBot.Dbt.Yaml;

/// <summary>
/// Limits on one YAML file, checked while it is parsed so that hostile input (an alias bomb, thousands of nested
/// brackets, a huge file) is rejected in time linear in its size. A file over any of them is skipped with a
/// <c>yaml-budget</c> diagnostic naming the limit; the rest of the project is still read.
/// </summary>
public sealed record YamlBudget
{
    public static YamlBudget Default { get; } = new();

    /// <summary>Characters in one file; generous for any hand-written or generated dbt YAML file.</summary>
    public int MaxFileChars { get; init; } = 20_000_000;

    /// <summary>Nesting of mappings and sequences; dbt files rarely go past 10.</summary>
    public int MaxDepth { get; init; } = 200;

    /// <summary>Uses of <c>*alias</c> in one file.</summary>
    public int MaxAliases { get; init; } = 10_000;

    /// <summary>Nodes that aliases stand for, summed over every use with nested aliases expanded (a billion-laughs file reaches this at once).</summary>
    public long MaxAliasNodes { get; init; } = 1_000_000;
}
