using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImpactBot.Testing.GitHub;

/// <summary>
/// A loopback GitHub (Enterprise Server layout: REST under <c>/api/v3</c>, GraphQL at <c>/api/graphql</c>) with in-memory
/// state, a request log and per-operation fault injection. Responses follow GitHub's JSON shapes.
/// </summary>
public sealed partial class FakeGitHubServer : IAsyncDisposable
{
    public const string RestPrefix = "/api/v3";
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeFault>> faults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly Lock gate = new();
    private long nextId = 1000;

    private FakeGitHubServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.UseRouting();
        app.Use(RecordAndInjectAsync);
        MapRoutes(app);
    }

    /// <summary>The clock for timestamps (share a fake one with the client under test).</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    public string Owner { get; init; } = "octo-org";

    public string Repo { get; init; } = "warehouse";

    /// <summary>The identity behind the token; null makes <c>GET /user</c> answer 403 like the Actions GITHUB_TOKEN.</summary>
    public FakeUser? CurrentUser { get; set; } = new("impact-bot", 9001, "User");

    /// <summary>The author of comments the token writes when <see cref="CurrentUser"/> is null.</summary>
    public FakeUser InstallationBot { get; set; } = new("github-actions[bot]", 41898282, "Bot");

    /// <summary><c>permission</c>/<c>role_name</c> per login; other logins get 404.</summary>
    public ConcurrentDictionary<string, (string Permission, string? RoleName)> Permissions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Teams (<c>org/team_slug</c>, case-insensitive) to their members' membership state (<c>active</c> or <c>pending</c>).</summary>
    public ConcurrentDictionary<string, Dictionary<string, string>> Teams { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void AddTeamMember(string team, string login, string state = "active") =>
        Teams.GetOrAdd(team.TrimStart('@'), _ => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))[login] = state;

    /// <summary>False answers team membership with 403 "Resource not accessible by integration", as for the Actions token.</summary>
    public bool TeamsReadable { get; set; } = true;

    public ConcurrentDictionary<int, FakePullRequest> PullRequests { get; } = new();

    public List<FakeComment> Comments { get; } = [];

    public ConcurrentQueue<(long CommentId, string Content, string User)> Reactions { get; } = new();

    public ConcurrentQueue<JsonObject> CheckRuns { get; } = new();

    public ConcurrentQueue<(string Sha, JsonObject Status)> Statuses { get; } = new();

    /// <summary>Repository files by commit sha and path (as in the tree, no leading slash); others answer 404.</summary>
    public ConcurrentDictionary<(string Sha, string Path), string> Files { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What GITHUB_API_URL would be on this server.</summary>
    public Uri ApiUrl => new(BaseAddress, RestPrefix);

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public static async Task<FakeGitHubServer> StartAsync()
    {
        var server = new FakeGitHubServer();
        await server.app.StartAsync().ConfigureAwait(false);
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Forgets all state, faults and recorded requests (one server can serve many tests).</summary>
    public void Reset()
    {
        lock (gate)
        {
            Comments.Clear();
        }

        faults.Clear();
        requests.Clear();
        Reactions.Clear();
        CheckRuns.Clear();
        Statuses.Clear();
        PullRequests.Clear();
        Permissions.Clear();
        Teams.Clear();
        TeamsReadable = true;
        Files.Clear();
        CurrentUser = new FakeUser("impact-bot", 9001, "User");
        InstallationBot = new FakeUser("github-actions[bot]", 41898282, "Bot");
        Time = TimeProvider.System;
    }

    /// <summary>The next <paramref name="times"/> requests to <paramref name="operation"/> (e.g. <c>POST /repos/{owner}/{repo}/check-runs</c>) fail.</summary>
    public void Inject(string operation, FakeFault fault, int times = 1)
    {
        var queue = faults.GetOrAdd(operation, _ => new ConcurrentQueue<FakeFault>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(fault);
        }
    }

    public FakeComment AddComment(string body, FakeUser? user = null, int issueNumber = 1)
    {
        lock (gate)
        {
            var now = Time.GetUtcNow();
            var comment = new FakeComment(nextId++, issueNumber, body, user ?? CurrentUser ?? InstallationBot, now, now);
            Comments.Add(comment);
            return comment;
        }
    }

    public IReadOnlyList<FakeComment> CommentsOn(int issueNumber)
    {
        lock (gate)
        {
            return [.. Comments.Where(c => c.IssueNumber == issueNumber)];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task RecordAndInjectAsync(HttpContext context, RequestDelegate next)
    {
        var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
        // A catch-all parameter ({**path}) is named as GitHub's description writes it ({path}).
        template = template.Replace("{**", "{", StringComparison.Ordinal);
        var operation = $"{context.Request.Method} {(template.StartsWith(RestPrefix, StringComparison.Ordinal) ? template[RestPrefix.Length..] : template)}";
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var body = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        context.Items[BodyKey] = body;
        var path = context.Request.Path.Value ?? "";
        FakeFault? fault = faults.TryGetValue(operation, out var queue) && queue.TryDequeue(out var f) ? f : null;
        requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            operation,
            path.StartsWith(RestPrefix, StringComparison.Ordinal) ? path[RestPrefix.Length..] : path,
            context.Request.QueryString.Value ?? "",
            body,
            context.Request.Headers.Authorization.FirstOrDefault(),
            fault?.Status,
            Time.GetUtcNow()));

        if (fault is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (fault.Hang)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, as intended.
            }

            return;
        }

        if (fault.ApplyFirst)
        {
            var original = context.Response.Body;
            context.Response.Body = Stream.Null;
            await next(context).ConfigureAwait(false);
            context.Response.Body = original;
            context.Response.Headers.Clear();
        }

        context.Response.StatusCode = fault.Status;
        context.Response.ContentType = fault.Body.StartsWith('{') ? "application/json; charset=utf-8" : "text/html";
        foreach (var (name, value) in fault.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(fault.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
