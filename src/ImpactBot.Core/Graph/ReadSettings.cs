namespace ImpactBot.Core.Graph;

/// <summary>
/// How a graph's SQL was read: the dialect (and where it came from), the target and the vars it was rendered with. A
/// snapshot records them, so a cache built with other settings is noticed; base and head of one analysis are always read
/// with the same (the head's). The packages' fingerprint is per commit read: <see cref="ProjectInputs.Packages"/>.
/// </summary>
public sealed record ReadSettings
{
    /// <summary>The dialect's name (<c>snowflake</c>, <c>tsql</c>, ...).</summary>
    public string Dialect { get; init; } = "";

    /// <summary>Where the dialect came from, for people: <c>.impactbot.yml</c>, <c>--dialect</c>, <c>profiles.yml (profile shop, target prod)</c>, ...</summary>
    public string DialectSource { get; init; } = "";

    /// <summary>The dbt target name the project was rendered for (<c>target.name</c>).</summary>
    public string Target { get; init; } = "";

    /// <summary>The vars given from outside the project (<c>--vars</c>, <c>.impactbot.yml</c>), as canonical JSON; <c>{}</c> for none.</summary>
    public string Vars { get; init; } = "{}";

    /// <summary>What two graphs must share to be compared or reused (the dialect's source is only an explanation).</summary>
    public bool SameReading(ReadSettings? other) =>
        other is not null && Dialect == other.Dialect && Target == other.Target && Vars == other.Vars;

    /// <summary>One line for people: <c>tsql (from Sales.sqlproj), target prod, vars {"x":1}</c>.</summary>
    public string Describe() =>
        $"{Dialect} (from {DialectSource})" + (Target.Length > 0 ? $", target {Target}" : "") + (Vars != "{}" ? $", vars {Vars}" : "");
}
