using ImpactBot.Cli.Ci.GitLab;
using ImpactBot.Core.Config;
using ImpactBot.GitHub;
using ImpactBot.GitLab.Http;

namespace ImpactBot.Cli.Serve;

/// <summary>`impactbot serve` settings (README "impactbot serve"); tokens and secrets never appear in <see cref="ToString"/>.</summary>
internal sealed record ServeOptions
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    public string Urls { get; init; } = DefaultUrls;

    public Uri? GitLabApiUrl { get; init; }

    public string? GitLabToken { get; init; }

    public string? GitLabWebhookSecret { get; init; }

    public Uri GitHubApiUrl { get; init; } = GitHubConnectionOptions.DotComApiUrl;

    public string? GitHubToken { get; init; }

    public string? GitHubWebhookSecret { get; init; }

    /// <summary>IMPACTBOT_GITHUB_BOT_LOGIN: the login the workflow's token comments as (e.g. <c>my-app[bot]</c>).</summary>
    public string? GitHubBotLogin { get; init; }

    /// <summary>IMPACTBOT_FAIL_ON; null means "as the repository's .impactbot.yml says" (default breaking).</summary>
    public FailOn? FailOn { get; init; }

    public string StatusName { get; init; } = "impactbot";

    /// <summary>Webhook bodies above this are refused with 413.</summary>
    public long MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>GitHub webhooks run in the request: their work must finish within this, or the request answers 504.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>GitLab webhooks are answered at once and run in a background queue of this many jobs (full: 503).</summary>
    public int QueueCapacity { get; init; } = 64;

    /// <summary>Background jobs run side by side.</summary>
    public int QueueWorkers { get; init; } = 4;

    /// <summary>One background job (reactions, a pipeline, a status) must finish within this; otherwise it is logged as timed out.</summary>
    public TimeSpan JobTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public GitLabResilienceOptions GitLabResilience { get; init; } = new() { OverallTimeout = TimeSpan.FromSeconds(50) };

    public GitHubResilienceOptions GitHubResilience { get; init; } = new() { TotalBudget = TimeSpan.FromSeconds(50) };

    public bool GitLabEnabled => GitLabApiUrl is not null && GitLabToken is not null && GitLabWebhookSecret is not null;

    public bool GitHubEnabled => GitHubToken is not null && GitHubWebhookSecret is not null;

    /// <summary>Reads IMPACTBOT_* variables; <paramref name="urls"/> (--urls) wins over IMPACTBOT_URLS.</summary>
    public static ServeOptions FromEnvironment(IReadOnlyDictionary<string, string> env, string? urls)
    {
        var options = new ServeOptions
        {
            Urls = urls ?? Get(env, "IMPACTBOT_URLS") ?? DefaultUrls,
            GitLabApiUrl = Url(env, "IMPACTBOT_GITLAB_URL"),
            GitLabToken = Get(env, "IMPACTBOT_GITLAB_TOKEN"),
            GitLabWebhookSecret = Get(env, "IMPACTBOT_GITLAB_WEBHOOK_SECRET"),
            GitHubApiUrl = Url(env, "IMPACTBOT_GITHUB_API_URL") ?? GitHubConnectionOptions.DotComApiUrl,
            GitHubToken = Get(env, "IMPACTBOT_GITHUB_TOKEN"),
            GitHubWebhookSecret = Get(env, "IMPACTBOT_GITHUB_WEBHOOK_SECRET"),
            GitHubBotLogin = Get(env, "IMPACTBOT_GITHUB_BOT_LOGIN"),
            FailOn = Get(env, "IMPACTBOT_FAIL_ON") is { } failOn ? GitLabCiSettings.ParseFailOn(failOn) : null,
            StatusName = Get(env, "IMPACTBOT_STATUS_NAME") ?? "impactbot",
        };
        options.Validate();
        return options;
    }

    public override string ToString() =>
        $"ServeOptions {{ Urls = {Urls}, GitLab = {(GitLabEnabled ? GitLabApiUrl!.ToString() : "off")}, GitHub = {(GitHubEnabled ? GitHubApiUrl.ToString() : "off")}, FailOn = {FailOn?.ToString() ?? "(.impactbot.yml)"}, StatusName = {StatusName} }}";

    /// <summary>Half a platform's settings is a mistake worth stopping for; a webhook without a secret would accept anyone.</summary>
    private void Validate()
    {
        if ((GitLabApiUrl, GitLabToken, GitLabWebhookSecret) is not (null, null, null) && !GitLabEnabled)
        {
            throw new UsageException("GitLab needs all of IMPACTBOT_GITLAB_URL (e.g. https://gitlab.example.com/api/v4), IMPACTBOT_GITLAB_TOKEN and IMPACTBOT_GITLAB_WEBHOOK_SECRET.");
        }

        if ((GitHubToken, GitHubWebhookSecret) is not (null, null) && !GitHubEnabled)
        {
            throw new UsageException("GitHub needs both IMPACTBOT_GITHUB_TOKEN and IMPACTBOT_GITHUB_WEBHOOK_SECRET.");
        }

        if (!GitLabEnabled && !GitHubEnabled)
        {
            throw new UsageException("impactbot serve: configure GitLab (IMPACTBOT_GITLAB_URL, IMPACTBOT_GITLAB_TOKEN, IMPACTBOT_GITLAB_WEBHOOK_SECRET) and/or GitHub (IMPACTBOT_GITHUB_TOKEN, IMPACTBOT_GITHUB_WEBHOOK_SECRET).");
        }
    }

    private static string? Get(IReadOnlyDictionary<string, string> env, string name) =>
        env.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static Uri? Url(IReadOnlyDictionary<string, string> env, string name) => Get(env, name) switch
    {
        null => null,
        var text when Uri.TryCreate(text, UriKind.Absolute, out var url) => url,
        var text => throw new UsageException($"{name} '{text}' is not an absolute URL."),
    };
}
