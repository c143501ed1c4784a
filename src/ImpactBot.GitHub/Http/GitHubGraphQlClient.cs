using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ImpactBot.GitHub.Errors;

namespace ImpactBot.GitHub.Http;

/// <summary>The few GraphQL mutations REST lacks (Octokit has no GraphQL client).</summary>
internal sealed class GitHubGraphQlClient(HttpClient http, Uri endpoint, string token, string product)
{
    private const string MinimizeMutation =
        "mutation($id: ID!) { minimizeComment(input: {subjectId: $id, classifier: OUTDATED}) { minimizedComment { isMinimized } } }";

    public Uri Endpoint { get; } = endpoint;

    /// <summary>Collapses a comment as outdated; <paramref name="nodeId"/> is the REST <c>node_id</c>.</summary>
    public async Task<bool> MinimizeAsync(string nodeId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = JsonContent.Create(new { query = MinimizeMutation, variables = new { id = nodeId } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue(product, "1.0"));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new GitHubHttpFailure((int)response.StatusCode, response.Headers, body);
        }

        using var json = JsonDocument.Parse(body);
        if (json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var messages = errors.EnumerateArray().Select(e => e.TryGetProperty("message", out var m) ? m.GetString() : null).OfType<string>();
            throw new GitHubException($"GitHub's GraphQL API refused to minimize the comment: {string.Join("; ", messages)}");
        }

        return json.RootElement.TryGetProperty("data", out var data)
            && data.TryGetProperty("minimizeComment", out var minimize)
            && minimize.ValueKind == JsonValueKind.Object
            && minimize.TryGetProperty("minimizedComment", out var comment)
            && comment.ValueKind == JsonValueKind.Object
            && comment.TryGetProperty("isMinimized", out var minimized)
            && minimized.ValueKind == JsonValueKind.True;
    }
}
