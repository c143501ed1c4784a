namespace ImpactBot.GitHub;

/// <summary>How to reach GitHub.</summary>
/// <param name="ApiUrl">
/// <c>GITHUB_API_URL</c>: <c>https://api.github.com</c>, or <c>https://HOST/api/v3</c> on GitHub Enterprise Server (a bare
/// <c>https://HOST</c> gets <c>/api/v3</c>). See <see cref="ResolveRestUrl"/>.
/// </param>
/// <param name="Token">A token, never logged or put into messages.</param>
public sealed record GitHubConnectionOptions(Uri ApiUrl, string Token)
{
    public static readonly Uri DotComApiUrl = new("https://api.github.com/");

    /// <summary><c>GITHUB_GRAPHQL_URL</c> when set; otherwise derived from <see cref="ApiUrl"/>.</summary>
    public Uri? GraphQlUrl { get; init; }

    /// <summary>
    /// The bot's login when configured (the <c>bot-login</c> input, e.g. <c>my-app[bot]</c>): then nothing is guessed.
    /// </summary>
    public string? BotLogin { get; init; }

    /// <summary>
    /// The bot's login when <c>GET /user</c> is refused (installation tokens) and no report of a bot account is found yet;
    /// replaced by the author of the first comment the token creates.
    /// </summary>
    public string FallbackBotLogin { get; init; } = "github-actions[bot]";

    public string ProductName { get; init; } = "ImpactBot";

    public override string ToString() => $"GitHubConnectionOptions {{ ApiUrl = {ApiUrl}, Token = *** }}";

    /// <summary>
    /// The REST base with a trailing slash. Octokit's <c>GitHubClient(…, Uri)</c> rewrites every non-github.com URL to
    /// <c>HOST/api/v3/</c>, dropping any other path, while its <c>Connection</c> resolves relative paths against the URL as given,
    /// so <c>https://HOST/api/v3</c> without the slash would lose <c>v3</c>; the connection is built from this URL instead.
    /// </summary>
    public Uri ResolveRestUrl()
    {
        if (ApiUrl.Host is "api.github.com" or "github.com")
        {
            return DotComApiUrl;
        }

        var path = ApiUrl.AbsolutePath.TrimEnd('/');
        return new Uri(ApiUrl, (path.Length == 0 ? "/api/v3" : path) + "/");
    }

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
