namespace ImpactBot.Dbt.Jinja;

/// <summary>
/// What a template sees: project vars, project macros, and the <c>target</c> defaults. dbt's defaults are used where no
/// profile is read: target name <c>dev</c>; <see cref="TargetType"/> is the dialect hint when known.
/// </summary>
public sealed record JinjaContext
{
    public static readonly JinjaContext Default = new();

    public string ProjectName { get; init; } = "";

    public DbtMap Vars { get; init; } = DbtMap.Empty;

    public JinjaMacroLibrary Macros { get; init; } = JinjaMacroLibrary.Empty;

    public string TargetName { get; init; } = "dev";

    public string TargetSchema { get; init; } = "analytics";

    public string TargetDatabase { get; init; } = "analytics";

    public string TargetType { get; init; } = "";

    /// <summary>The node being rendered, used for <c>this.name</c>.</summary>
    public string ThisName { get; init; } = "";
}
