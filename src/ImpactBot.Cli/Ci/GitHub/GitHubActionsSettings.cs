using ImpactBot.Cli.Analysis;
using ImpactBot.Core.Config;
using ImpactBot.Core.Publishing;

namespace ImpactBot.Cli.Ci.GitHub;

/// <summary>The Actions variables and the action's inputs (<c>INPUT_&lt;NAME&gt;</c>, upper-cased, dashes kept) the runner uses.</summary>
internal sealed record GitHubActionsSettings(
    string EventName,
    string EventPath,
    Uri ApiUrl,
    string Token,
    string Workspace)
{
    public string? Repository { get; init; }

    public string? RunId { get; init; }

    /// <summary>GITHUB_SERVER_URL, e.g. https://github.com.</summary>
    public string? ServerUrl { get; init; }

    /// <summary>The link to this workflow run (status links, replies).</summary>
    public string? RunUrl => ServerUrl is { } server && Repository is { } repo && RunId is { } run ? $"{server.TrimEnd('/')}/{repo}/actions/runs/{run}" : null;

    public string? OutputFile { get; init; }

    public string? SummaryFile { get; init; }

    public string? RunnerTemp { get; init; }

    public string? ProjectDir { get; init; }

    public string? Dialect { get; init; }

    /// <summary>Absolute path of the snapshot cache, or null for none.</summary>
    public string? Snapshot { get; init; }

    /// <summary>Absolute path of dbt's manifest.json, or null.</summary>
    public string? Manifest { get; init; }

    /// <summary><c>target</c>: the dbt target (as <c>--target</c>).</summary>
    public string? Target { get; init; }

    /// <summary><c>vars</c>: YAML or JSON (as <c>--vars</c>).</summary>
    public string? Vars { get; init; }

    /// <summary>Absolute path of <c>profiles-dir</c> (as <c>--profiles-dir</c>), or null.</summary>
    public string? ProfilesDir { get; init; }

    /// <summary>Absolute path of <c>packages-dir</c> (as <c>--packages-dir</c>), or null: the workspace's dbt_packages/.</summary>
    public string? PackagesDir { get; init; }

    /// <summary>How to read the project, as the CLI options say it.</summary>
    public CiReadInputs ReadInputs => new()
    {
        ProjectDir = ProjectDir, Dialect = Dialect, Manifest = Manifest, Target = Target, Vars = Vars, ProfilesDir = ProfilesDir, PackagesDir = PackagesDir,
    };

    /// <summary>Null means: take <c>fail-on</c> from .impactbot.yml (default breaking).</summary>
    public FailOn? FailOn { get; init; }

    public PublishMode Mode { get; init; } = PublishMode.Update;

    public string StatusName { get; init; } = "impactbot";

    /// <summary><c>bot-login</c>: the login the token comments as (e.g. <c>my-app[bot]</c>); null: found from the API and the comments.</summary>
    public string? BotLogin { get; init; }

    /// <summary><c>fail-job: true</c>: also fail the job (exit 3) when the status fails, not only the check.</summary>
    public bool FailJob { get; init; }

    public static GitHubActionsSettings Read(IReadOnlyDictionary<string, string> env)
    {
        string? Get(string name) => env.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        string Require(string name) => Get(name) ?? throw new UsageException($"{name} is not set; `impactbot run` must run inside a GitHub Actions job.");

        var workspace = Get("GITHUB_WORKSPACE") ?? Directory.GetCurrentDirectory();
        string? InWorkspace(string input) => Get(input) is { } path ? Path.GetFullPath(Path.Combine(workspace, path)) : null;
        var token = Get("INPUT_GITHUB-TOKEN") ?? Get("GITHUB_TOKEN")
            ?? throw new UsageException("the github-token input is empty; pass `github-token: ${{ github.token }}` (the default) or a token with pull-requests: write.");
        var apiUrl = Get("GITHUB_API_URL") ?? "https://api.github.com";
        if (!Uri.TryCreate(apiUrl, UriKind.Absolute, out var api))
        {
            throw new UsageException($"GITHUB_API_URL '{apiUrl}' is not an absolute URL.");
        }

        return new GitHubActionsSettings(Require("GITHUB_EVENT_NAME"), Require("GITHUB_EVENT_PATH"), api, token, workspace)
        {
            Repository = Get("GITHUB_REPOSITORY"),
            RunId = Get("GITHUB_RUN_ID"),
            ServerUrl = Get("GITHUB_SERVER_URL"),
            OutputFile = Get("GITHUB_OUTPUT"),
            SummaryFile = Get("GITHUB_STEP_SUMMARY"),
            RunnerTemp = Get("RUNNER_TEMP"),
            ProjectDir = Get("INPUT_PROJECT-DIR"),
            Dialect = Get("INPUT_DIALECT"),
            Snapshot = InWorkspace("INPUT_SNAPSHOT"),
            Manifest = InWorkspace("INPUT_MANIFEST"),
            Target = Get("INPUT_TARGET"),
            Vars = Get("INPUT_VARS"),
            ProfilesDir = InWorkspace("INPUT_PROFILES-DIR"),
            PackagesDir = InWorkspace("INPUT_PACKAGES-DIR"),
            FailOn = ParseFailOn(Get("INPUT_FAIL-ON")),
            Mode = ParseMode(Get("INPUT_COMMENT")),
            StatusName = Get("INPUT_STATUS-NAME") ?? "impactbot",
            BotLogin = Get("INPUT_BOT-LOGIN"),
            FailJob = string.Equals(Get("INPUT_FAIL-JOB"), "true", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static FailOn? ParseFailOn(string? value) => value?.ToLowerInvariant() switch
    {
        null => null,
        "breaking" => Core.Config.FailOn.Breaking,
        "values" => Core.Config.FailOn.Values,
        "any" => Core.Config.FailOn.Any,
        "never" => Core.Config.FailOn.Never,
        _ => throw new UsageException($"fail-on '{value}' is not one of breaking, values, any, never."),
    };

    private static PublishMode ParseMode(string? value) => value?.ToLowerInvariant() switch
    {
        null or "update" => PublishMode.Update,
        "new" => PublishMode.New,
        "off" => PublishMode.Off,
        _ => throw new UsageException($"comment '{value}' is not one of update, new, off."),
    };
}
