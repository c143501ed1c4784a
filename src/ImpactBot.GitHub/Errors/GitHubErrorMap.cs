using System.Globalization;
using System.Text.Json;
using ImpactBot.Core.Platform;

namespace ImpactBot.GitHub.Errors;

/// <summary>
/// The one table from an HTTP failure to an exception type (Octokit's Connection does the same for its own types, but
/// decides rate limits from the body text only; GitHub documents the headers). The token is never part of a message.
/// </summary>
internal static class GitHubErrorMap
{
    private const int MaxQuotedMessage = 300;

    public static GitHubException Map(int status, Func<string, string?> header, string? body, GitHubOperation operation, DateTimeOffset now, Exception? inner = null)
    {
        var message = ApiMessage(body);
        var retryAfter = RetryAfter.Parse(header("retry-after"), now);
        if (status is 403 or 429 && header("x-ratelimit-remaining") == "0")
        {
            var resetAt = long.TryParse(header("x-ratelimit-reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)
                ? DateTimeOffset.FromUnixTimeSeconds(epoch)
                : (DateTimeOffset?)null;
            var when = resetAt is { } at ? $"; it resets at {at:u}" : "";
            return new GitHubRateLimitException($"GitHub's API rate limit is used up while trying to {operation.Description}{when}.", status, isSecondary: false, resetAt, retryAfter, inner);
        }

        if (status == 429 || (status == 403 && (retryAfter is not null || Contains(body, "secondary rate limit") || Contains(body, "abuse"))))
        {
            var wait = retryAfter is { } r ? $" (retry after {r.TotalSeconds:0} s)" : "";
            return new GitHubRateLimitException($"GitHub's secondary rate limit stopped the bot while trying to {operation.Description}{wait}.", status, isSecondary: true, null, retryAfter, inner);
        }

        return status switch
        {
            401 => new GitHubAuthorizationException(
                $"GitHub rejected the token (401 {message}) while trying to {operation.Description}: check that it is set, valid and not expired.", status, inner),
            403 => new GitHubAuthorizationException(
                $"GitHub refused to {operation.Description} (403 {message}): the token needs the permission `{operation.Permission}` (for the Actions GITHUB_TOKEN, add it under `permissions:` in the workflow).", status, inner),
            404 => new GitHubNotFoundException(
                $"GitHub found nothing while trying to {operation.Description} (404): it does not exist or the token cannot see it.", status, inner),
            422 when Contains(body, "too long") => new GitHubContentTooLargeException(
                $"GitHub refused to {operation.Description}: the text is too long ({message}).", status, inner),
            >= 500 => new GitHubUnavailableException($"GitHub failed to {operation.Description} ({status} {message}).", status, inner),
            _ => new GitHubException($"GitHub refused to {operation.Description} ({status} {message}).", status, inner),
        };
    }

    /// <summary>The "message" of GitHub's JSON error body (plus nested error messages), shortened; the raw text otherwise.</summary>
    private static string ApiMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "(no message)";
        }

        var text = body;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
            {
                text = m.GetString() ?? body;
                if (json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                {
                    var details = errors.EnumerateArray()
                        .Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out var d) ? d.GetString() : null)
                        .OfType<string>()
                        .ToList();
                    text = details.Count == 0 ? text : $"{text}: {string.Join("; ", details)}";
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): quote the start of it.
        }

        return text.Length <= MaxQuotedMessage ? text : string.Concat(text.AsSpan(0, MaxQuotedMessage), "…");
    }

    private static bool Contains(string? body, string text) => body?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;
}
