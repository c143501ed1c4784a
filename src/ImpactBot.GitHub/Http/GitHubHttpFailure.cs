using System.Net.Http.Headers;

namespace ImpactBot.GitHub.Http;

/// <summary>A non-success answer to a request sent without Octokit; mapped by the same status table.</summary>
internal sealed class GitHubHttpFailure(int statusCode, HttpResponseHeaders headers, string body)
    : Exception($"HTTP {statusCode}")
{
    public int StatusCode { get; } = statusCode;

    public string Body { get; } = body;

    public string? Header(string name) => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
