using System.Text.Json;

namespace ImpactBot.Cli.Ci.GitHub;

/// <summary>
/// <c>repository_dispatch</c> of type <c>impactbot</c>, sent by <c>impactbot serve</c> for an accepted <c>/impact</c>
/// (<c>client_payload: {pr: N, full: bool}</c>): rerun the analysis of that pull request. Permission was checked by serve.
/// </summary>
internal static class DispatchHandler
{
    public const string EventType = "impactbot";

    /// <summary>The pull request number and full flag of an impactbot dispatch payload, or null when it is not one.</summary>
    public static (int Number, bool Full)? Parse(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (!root.TryGetProperty("action", out var action) || action.GetString() != EventType
                || !root.TryGetProperty("client_payload", out var client) || client.ValueKind != JsonValueKind.Object
                || !client.TryGetProperty("pr", out var pr) || !pr.TryGetInt32(out var number))
            {
                return null;
            }

            var full = client.TryGetProperty("full", out var f) && f.ValueKind == JsonValueKind.True;
            return (number, full);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static async Task<int> HandleAsync(GitHubActionsJob job, bool full, CancellationToken cancellationToken)
    {
        var pull = await job.Platform.GetPullRequestAsync(cancellationToken).ConfigureAwait(false);
        return await job.AnalyseAndPublishAsync(pull.BaseSha, pull.HeadSha, useSnapshot: !full, cancellationToken).ConfigureAwait(false);
    }
}
