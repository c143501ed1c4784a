using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ImpactBot.Testing.GitHub;

public sealed partial class FakeGitHubServer
{
    private const string BodyKey = "fake-github-body";

    private static readonly string[] RawMediaTypes = ["application/vnd.github.v3.raw", "application/vnd.github.raw"];

    private static JsonNode? RequestBody(HttpContext context) => context.Items[BodyKey] as JsonNode;

    private static IResult Json(JsonNode node, int status = 200) =>
        Results.Content(node.ToJsonString(), "application/json; charset=utf-8", null, status);

    private static IResult NotFoundResult() =>
        Json(new JsonObject { ["message"] = "Not Found", ["documentation_url"] = "https://docs.github.com/rest", ["status"] = "404" }, 404);

    private void MapRoutes(WebApplication web)
    {
        var rest = web.MapGroup(RestPrefix);
        rest.MapGet("/user", () => CurrentUser is { } user
            ? Json(UserJson(user))
            : Json(new JsonObject { ["message"] = "Resource not accessible by integration", ["documentation_url"] = "https://docs.github.com/rest/users/users#get-the-authenticated-user", ["status"] = "403" }, 403));
        rest.MapGet("/repos/{owner}/{repo}/issues/{issue_number}/comments", ListComments);
        rest.MapPost("/repos/{owner}/{repo}/issues/{issue_number}/comments", (HttpContext c, int issue_number) =>
            Json(CommentJson(AddComment(RequestBody(c)?["body"]?.GetValue<string>() ?? "", null, issue_number)), 201));
        rest.MapGet("/repos/{owner}/{repo}/issues/comments/{comment_id}", (long comment_id) =>
            Find(comment_id) is { } comment ? Json(CommentJson(comment)) : NotFoundResult());
        rest.MapPatch("/repos/{owner}/{repo}/issues/comments/{comment_id}", (HttpContext c, long comment_id) =>
            Replace(comment_id, old => old with { Body = RequestBody(c)?["body"]?.GetValue<string>() ?? "", UpdatedAt = Time.GetUtcNow() }) is { } updated
                ? Json(CommentJson(updated))
                : NotFoundResult());
        rest.MapDelete("/repos/{owner}/{repo}/issues/comments/{comment_id}", (long comment_id) =>
        {
            lock (gate)
            {
                return Comments.RemoveAll(c => c.Id == comment_id) > 0 ? Results.NoContent() : NotFoundResult();
            }
        });
        rest.MapPost("/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", (HttpContext c, long comment_id) =>
        {
            if (Find(comment_id) is null)
            {
                return NotFoundResult();
            }

            var content = RequestBody(c)?["content"]?.GetValue<string>() ?? "";
            var user = CurrentUser ?? InstallationBot;
            Reactions.Enqueue((comment_id, content, user.Login));
            return Json(new JsonObject { ["id"] = Interlocked.Increment(ref nextId), ["node_id"] = "REA_fake", ["user"] = UserJson(user), ["content"] = content, ["created_at"] = Timestamp(Time.GetUtcNow()) }, 201);
        });
        rest.MapGet("/repos/{owner}/{repo}/collaborators/{username}/permission", (string username) =>
            Permissions.TryGetValue(username, out var p)
                ? Json(new JsonObject { ["permission"] = p.Permission, ["role_name"] = p.RoleName, ["user"] = UserJson(new FakeUser(username, 7)) })
                : NotFoundResult());
        // GET /orgs/{org}/teams/{team_slug}/memberships/{username}: 200 {role, state, url}; 404 when not a member (or no such team).
        rest.MapGet("/orgs/{org}/teams/{team_slug}/memberships/{username}", (string org, string team_slug, string username) =>
        {
            if (!TeamsReadable)
            {
                return Json(new JsonObject { ["message"] = "Resource not accessible by integration", ["documentation_url"] = "https://docs.github.com/rest/teams/members#get-team-membership-for-a-user", ["status"] = "403" }, 403);
            }

            return Teams.TryGetValue($"{org}/{team_slug}", out var members) && members.TryGetValue(username, out var state)
                ? Json(new JsonObject { ["url"] = $"{RestPrefix}/organizations/1/team/2/memberships/{username}", ["role"] = "member", ["state"] = state })
                : NotFoundResult();
        });
        rest.MapPost("/repos/{owner}/{repo}/check-runs", (HttpContext c) => Json(CreateCheckRun(RequestBody(c)!.AsObject()), 201));
        rest.MapPatch("/repos/{owner}/{repo}/check-runs/{check_run_id}", (HttpContext c, long check_run_id) =>
            CheckRuns.FirstOrDefault(r => r["id"]!.GetValue<long>() == check_run_id) is { } run
                ? Json(UpdateCheckRun(run, RequestBody(c)!.AsObject()))
                : NotFoundResult());
        rest.MapPost("/repos/{owner}/{repo}/statuses/{sha}", (HttpContext c, string sha) =>
        {
            var status = RequestBody(c)!.AsObject();
            Statuses.Enqueue((sha, status));
            return Json(StatusJson(status), 201);
        });
        // GET /pulls?state=open&head=user:ref — GitHub's documented head filter (user or organization, then the branch).
        rest.MapGet("/repos/{owner}/{repo}/pulls", (string? head, string? state) => Json(new JsonArray([.. PullRequests.Values
            .Where(p => head is null || $"{(p.HeadRepositoryFullName ?? $"{Owner}/{Repo}").Split('/')[0]}:{p.HeadRef}" == head)
            .Where(_ => state is null or "open" or "all")
            .OrderBy(p => p.Number)
            .Select(p => (JsonNode)PullJson(p))])));
        rest.MapGet("/repos/{owner}/{repo}/pulls/{pull_number}", (int pull_number) =>
            PullRequests.TryGetValue(pull_number, out var pull) ? Json(PullJson(pull)) : NotFoundResult());
        rest.MapGet("/repos/{owner}/{repo}/pulls/{pull_number}/files", (int pull_number) =>
            PullRequests.TryGetValue(pull_number, out var pull)
                ? Json(new JsonArray([.. pull.Files.Select(FileJson)]))
                : NotFoundResult());
        rest.MapGet("/repos/{owner}/{repo}/contents/{**path}", Contents);
        web.MapPost("/api/graphql", GraphQl);
    }

    private IResult ListComments(HttpContext context, int issue_number)
    {
        var query = context.Request.Query;
        var perPage = int.TryParse(query["per_page"], CultureInfo.InvariantCulture, out var pp) ? Math.Clamp(pp, 1, 100) : 30;
        var page = int.TryParse(query["page"], CultureInfo.InvariantCulture, out var pg) ? Math.Max(1, pg) : 1;
        var all = CommentsOn(issue_number).OrderBy(c => c.Id).ToList();
        var last = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var url = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}";
        var links = new List<string>();
        if (page < last)
        {
            links.Add($"<{url}?per_page={perPage}&page={page + 1}>; rel=\"next\"");
            links.Add($"<{url}?per_page={perPage}&page={last}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{url}?per_page={perPage}&page=1>; rel=\"first\"");
            links.Add($"<{url}?per_page={perPage}&page={page - 1}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            context.Response.Headers.Link = string.Join(", ", links);
        }

        return Json(new JsonArray([.. all.Skip((page - 1) * perPage).Take(perPage).Select(CommentJson)]));
    }

    /// <summary>
    /// A file at <c>?ref=</c>: its bytes with the raw media type (<c>application/vnd.github.v3.raw</c> or <c>.raw</c>),
    /// else GitHub's content object with the bytes in base64 (its blob sha left out). Without <c>ref</c> GitHub reads the default branch,
    /// which this fake does not model: 404, like an absent file.
    /// </summary>
    private IResult Contents(HttpContext context, string path)
    {
        var sha = context.Request.Query["ref"].ToString();
        if (!Files.TryGetValue((sha, path), out var text))
        {
            return NotFoundResult();
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        // GitHub answers the raw media type it was asked for as the content type.
        var accept = context.Request.Headers.Accept.ToString();
        if (RawMediaTypes.FirstOrDefault(t => accept.Contains(t, StringComparison.OrdinalIgnoreCase)) is { } raw)
        {
            return Results.Bytes(bytes, raw + "; charset=utf-8");
        }

        return Json(new JsonObject
        {
            ["type"] = "file",
            ["encoding"] = "base64",
            ["size"] = bytes.Length,
            ["name"] = path[(path.LastIndexOf('/') + 1)..],
            ["path"] = path,
            ["content"] = Convert.ToBase64String(bytes),
            ["url"] = Api($"/repos/{Owner}/{Repo}/contents/{path}?ref={sha}"),
        });
    }

    private IResult GraphQl(HttpContext context)
    {
        var body = RequestBody(context);
        var query = body?["query"]?.GetValue<string>() ?? "";
        var id = body?["variables"]?["id"]?.GetValue<string>();
        if (!query.Contains("minimizeComment", StringComparison.Ordinal))
        {
            return Json(new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = "unsupported query" }) });
        }

        FakeComment? hidden = null;
        lock (gate)
        {
            var index = Comments.FindIndex(c => c.NodeId == id);
            if (index >= 0)
            {
                hidden = Comments[index] = Comments[index] with { Minimized = true };
            }
        }

        return hidden is null
            ? Json(new JsonObject
            {
                ["data"] = new JsonObject { ["minimizeComment"] = null },
                ["errors"] = new JsonArray(new JsonObject { ["type"] = "NOT_FOUND", ["path"] = new JsonArray("minimizeComment"), ["message"] = $"Could not resolve to a node with the global id of '{id}'" }),
            })
            : Json(new JsonObject { ["data"] = new JsonObject { ["minimizeComment"] = new JsonObject { ["minimizedComment"] = new JsonObject { ["isMinimized"] = true } } } });
    }

    private FakeComment? Find(long id)
    {
        lock (gate)
        {
            return Comments.FirstOrDefault(c => c.Id == id);
        }
    }

    private FakeComment? Replace(long id, Func<FakeComment, FakeComment> change)
    {
        lock (gate)
        {
            var index = Comments.FindIndex(c => c.Id == id);
            return index < 0 ? null : Comments[index] = change(Comments[index]);
        }
    }
}
