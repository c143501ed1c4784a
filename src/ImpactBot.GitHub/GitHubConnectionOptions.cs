namespace ImpactBot.GitHub;

/// <summary>How to reach GitHub.</summary>
/// <param name="ApiUrl">
/// <c>GITHUB_API_URL</c>: <c>https://api.github.com</c>, or <c>https://HOST/api/v3</c> on GitHub Enterprise Server. Octokit keeps
/// api.github.com as it is and puts any other host's requests under <c>/api/v3/</c> (replacing a path given here).
/// </param>
/// <param name="Token">A token, never logged or put into messages.</param>
public sealed record GitHubConnectionOptions(Uri ApiUrl, string Token)
{
    public static readonly Uri DotComApiUrl = new("https://api.github.com/");

    /// <summary><c>GITHUB_GRAPHQL_URL</c> when set; otherwise derived from <see cref="ApiUrl"/>.</summary>
    public Uri? GraphQlUrl { get; init; }

    /// <summary>
    /// The bot's login when <c>GET /user</c> is refused, as it is for the Actions <c>GITHUB_TOKEN</c> and for GitHub App
    /// installation tokens (then use <c>APP-SLUG[bot]</c>).
    /// </summary>
    public string FallbackBotLogin { get; init; } = "github-actions[bot]";

    public string ProductName { get; init; } = "ImpactBot";

    /// <summary>The check run / commit status context.</summary>
    public string StatusContext { get; init; } = "impactbot";

    public override string ToString() => $"GitHubConnectionOptions {{ ApiUrl = {ApiUrl}, Token = *** }}";

    /// <summary>api.github.com → https://api.github.com/graphql; GHES → https://HOST/api/graphql.</summary>
    public Uri ResolveGraphQlUrl()
    {
        if (GraphQlUrl is not null)
        {
            return GraphQlUrl;
        }

        return ApiUrl.Host is "api.github.com" or "github.com"
            ? new Uri("https://api.github.com/graphql")
            : new Uri(ApiUrl, "/api/graphql");
    }
}
