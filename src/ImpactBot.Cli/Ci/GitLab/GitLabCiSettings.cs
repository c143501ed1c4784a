using System.Globalization;
using ImpactBot.Cli.Analysis;
using ImpactBot.Core.Config;
using ImpactBot.Core.Publishing;
using ImpactBot.GitLab;

namespace ImpactBot.Cli.Ci.GitLab;

/// <summary>What a GitLab merge-request pipeline tells the bot through its predefined CI/CD variables and IMPACTBOT_* settings.</summary>
internal sealed record GitLabCiSettings(
    long MergeRequestIid,
    long ProjectId,
    string? BaseSha,
    string HeadSha,
    Uri ApiBaseUrl,
    string RepoDir,
    string Token)
{
    public const string MissingTokenMessage =
        "impactbot run: no GitLab token. CI_JOB_TOKEN cannot write merge request notes or commit statuses, so create a project access token: "
        + "Settings > Access tokens > Add new token, role Developer, scope api. Store it as the CI/CD variable IMPACTBOT_GITLAB_TOKEN "
        + "(Settings > CI/CD > Variables) with \"Mask variable\" on and \"Protect variable\" OFF: merge request pipelines run on unprotected branches and cannot read protected variables.";

    public long? PipelineId { get; init; }

    public string? PipelineSource { get; init; }

    public string? JobUrl { get; init; }

    /// <summary>
    /// IMPACTBOT_FULL=true: ignore the snapshot cache. Set by `impactbot serve` for `/impact full` on the branch pipeline it
    /// starts, which is not a merge request pipeline: IMPACTBOT_MR_IID names the merge request and the base comes from the API.
    /// </summary>
    public bool Full { get; init; }

    public string? ProjectDir { get; init; }

    public string? Dialect { get; init; }

    public string? SnapshotPath { get; init; }

    public string? ManifestPath { get; init; }

    /// <summary>IMPACTBOT_TARGET: the dbt target (as <c>--target</c>).</summary>
    public string? Target { get; init; }

    /// <summary>IMPACTBOT_VARS: YAML or JSON (as <c>--vars</c>).</summary>
    public string? Vars { get; init; }

    /// <summary>IMPACTBOT_PROFILES_DIR (as <c>--profiles-dir</c>), absolute; else DBT_PROFILES_DIR as in dbt.</summary>
    public string? ProfilesDir { get; init; }

    /// <summary>IMPACTBOT_PACKAGES_DIR (as <c>--packages-dir</c>), absolute; null: the checkout's dbt_packages/.</summary>
    public string? PackagesDir { get; init; }

    /// <summary>How to read the project, as the CLI options say it.</summary>
    public CiReadInputs ReadInputs => new()
    {
        ProjectDir = ProjectDir, Dialect = Dialect, Manifest = ManifestPath, Target = Target, Vars = Vars, ProfilesDir = ProfilesDir, PackagesDir = PackagesDir,
    };

    /// <summary>IMPACTBOT_FAIL_ON; null means "as .impactbot.yml says".</summary>
    public FailOn? FailOn { get; init; }

    public PublishMode Mode { get; init; } = PublishMode.Update;

    public string StatusName { get; init; } = "impactbot";

    /// <summary>IMPACTBOT_REPORT: where the JSON report goes (default impactbot-report.json in the repository).</summary>
    public string ReportPath { get; init; } = "impactbot-report.json";

    /// <summary>
    /// True when the job runs for a merge request: a merge request pipeline (CI_MERGE_REQUEST_IID), or the branch pipeline
    /// `impactbot serve` starts for `/impact full` (IMPACTBOT_MR_IID).
    /// </summary>
    public static bool IsMergeRequestPipeline(IReadOnlyDictionary<string, string> env) =>
        Get(env, "CI_MERGE_REQUEST_IID") is not null || Get(env, FullAnalysisVariables.MergeRequestIid) is not null;

    /// <summary>Reads the settings; <see cref="UsageException"/> (exit 2) names whatever is missing or malformed.</summary>
    public static GitLabCiSettings Read(IReadOnlyDictionary<string, string> env)
    {
        var token = Get(env, "IMPACTBOT_GITLAB_TOKEN") ?? Get(env, "GITLAB_TOKEN") ?? throw new UsageException(MissingTokenMessage);
        var repoDir = Get(env, "CI_PROJECT_DIR") ?? Directory.GetCurrentDirectory();
        var api = Get(env, "CI_API_V4_URL") ?? (Get(env, "CI_SERVER_URL") is { } server ? server.TrimEnd('/') + "/api/v4" : null);
        if (api is null || !Uri.TryCreate(api, UriKind.Absolute, out var apiUrl))
        {
            throw new UsageException("impactbot run: CI_API_V4_URL (or CI_SERVER_URL) is missing or not a URL.");
        }

        // A merge request pipeline names its merge request; serve's /impact full branch pipeline names it in IMPACTBOT_MR_IID.
        var mergeRequestPipeline = Get(env, "CI_MERGE_REQUEST_IID") is not null;
        return new GitLabCiSettings(
            Number(env, mergeRequestPipeline ? "CI_MERGE_REQUEST_IID" : FullAnalysisVariables.MergeRequestIid),
            Number(env, mergeRequestPipeline ? "CI_MERGE_REQUEST_PROJECT_ID" : "CI_PROJECT_ID"),
            mergeRequestPipeline ? Required(env, "CI_MERGE_REQUEST_DIFF_BASE_SHA") : null,
            Required(env, "CI_COMMIT_SHA"),
            apiUrl,
            repoDir,
            token)
        {
            PipelineId = Get(env, "CI_PIPELINE_ID") is null ? null : Number(env, "CI_PIPELINE_ID"),
            PipelineSource = Get(env, "CI_PIPELINE_SOURCE"),
            JobUrl = Get(env, "CI_JOB_URL"),
            Full = string.Equals(Get(env, FullAnalysisVariables.Full), "true", StringComparison.OrdinalIgnoreCase),
            ProjectDir = Get(env, "IMPACTBOT_PROJECT_DIR"),
            Dialect = Get(env, "IMPACTBOT_DIALECT"),
            SnapshotPath = InRepo(repoDir, Get(env, "IMPACTBOT_SNAPSHOT")),
            ManifestPath = InRepo(repoDir, Get(env, "IMPACTBOT_MANIFEST")),
            Target = Get(env, "IMPACTBOT_TARGET"),
            Vars = Get(env, "IMPACTBOT_VARS"),
            ProfilesDir = InRepo(repoDir, Get(env, "IMPACTBOT_PROFILES_DIR")),
            PackagesDir = InRepo(repoDir, Get(env, "IMPACTBOT_PACKAGES_DIR")),
            FailOn = Get(env, "IMPACTBOT_FAIL_ON") is { } failOn ? ParseFailOn(failOn) : null,
            Mode = Get(env, "IMPACTBOT_COMMENT") is { } mode ? ParseMode(mode) : PublishMode.Update,
            StatusName = Get(env, "IMPACTBOT_STATUS_NAME") ?? "impactbot",
            ReportPath = InRepo(repoDir, Get(env, "IMPACTBOT_REPORT")) ?? Path.Combine(repoDir, "impactbot-report.json"),
        };
    }

    public static FailOn ParseFailOn(string text) => text.Trim().ToLowerInvariant() switch
    {
        "breaking" => Core.Config.FailOn.Breaking,
        "values" => Core.Config.FailOn.Values,
        "any" => Core.Config.FailOn.Any,
        "never" => Core.Config.FailOn.Never,
        _ => throw new UsageException($"IMPACTBOT_FAIL_ON '{text}' is not one of breaking, values, any, never."),
    };

    private static PublishMode ParseMode(string text) => text.Trim().ToLowerInvariant() switch
    {
        "update" => PublishMode.Update,
        "new" => PublishMode.New,
        "off" => PublishMode.Off,
        _ => throw new UsageException($"IMPACTBOT_COMMENT '{text}' is not one of update, new, off."),
    };

    private static string? InRepo(string repoDir, string? path) => path is null ? null : Path.GetFullPath(path, repoDir);

    private static string? Get(IReadOnlyDictionary<string, string> env, string name) =>
        env.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string Required(IReadOnlyDictionary<string, string> env, string name) =>
        Get(env, name) ?? throw new UsageException($"impactbot run: {name} is not set; is this a merge request pipeline (rules: if $CI_PIPELINE_SOURCE == \"merge_request_event\")?");

    private static long Number(IReadOnlyDictionary<string, string> env, string name) =>
        long.TryParse(Required(env, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"impactbot run: {name} is not a number.");
}
