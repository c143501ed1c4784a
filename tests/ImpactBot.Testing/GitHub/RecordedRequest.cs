using System.Text.Json.Nodes;

namespace ImpactBot.Testing.GitHub;

/// <param name="Operation">Method and route template, e.g. <c>POST /repos/{owner}/{repo}/issues/{issue_number}/comments</c>.</param>
/// <param name="Path">The path as requested (below the <c>/api/v3</c> prefix for REST).</param>
/// <param name="Body">The parsed JSON body, if any.</param>
/// <param name="Authorization">The Authorization header as sent.</param>
/// <param name="At">When it arrived, by the server's <see cref="FakeGitHubServer.Time"/>.</param>
public sealed record RecordedRequest(string Method, string Operation, string Path, string Query, JsonNode? Body, string? Authorization, int? FaultStatus, DateTimeOffset At);
