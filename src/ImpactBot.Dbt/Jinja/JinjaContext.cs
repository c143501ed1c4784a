using System.Collections.Frozen;
using System.Collections.Immutable;

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

    /// <summary>
    /// <c>run_started_at</c>: one fixed instant rather than the clock, so a commit renders the same SQL on every run and
    /// base and head never differ by the time they were read.
    /// </summary>
    public DateTimeOffset RunStartedAt { get; init; } = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary><c>invocation_id</c>: fixed for the same reason as <see cref="RunStartedAt"/>.</summary>
    public string InvocationId { get; init; } = "00000000-0000-0000-0000-000000000000";

    /// <summary>
    /// Columns known without a warehouse (catalog.json, declared source columns) by relation name as rendered
    /// (<c>__ref__.orders</c>, <c>__source__.s.t</c>), with their types when known: what <c>adapter.get_columns_in_relation</c> answers.
    /// </summary>
    public FrozenDictionary<string, ImmutableArray<RelationColumn>> RelationColumns { get; init; } = FrozenDictionary<string, ImmutableArray<RelationColumn>>.Empty;

    /// <summary>The project's seeds' rows, which simple queries over a seed are answered from; null when not read.</summary>
    internal SeedTables? Seeds { get; init; }

    /// <summary>
    /// dbt's <c>graph</c> (<c>nodes</c>, <c>sources</c>, ...), built on first use and shared by every render, read only;
    /// null: all empty (a read of single files, which does not know the project).
    /// </summary>
    public Lazy<Dictionary<string, object?>>? Graph { get; init; }
}
