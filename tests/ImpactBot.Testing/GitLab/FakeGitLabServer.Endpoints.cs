using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ImpactBot.Testing.GitLab;

public sealed partial class FakeGitLabServer
{
    private const string Mr = "/api/v4/projects/{id}/merge_requests/{iid:long}";

    private void Map(WebApplication app)
    {
        app.MapGet("/api/v4/user", (Func<HttpContext, Task<IResult>>)(c => HandleAsync(c, FakeRoutes.CurrentUser, null, null, (user, _) => Json(user))));
        app.MapGet("/api/v4/users", (HttpContext c, string? username) => HandleAsync(c, FakeRoutes.Users, null, null, (_, _) =>
            Json(users.Where(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase)).ToArray())));
        app.MapGet(Mr, (HttpContext c, string id, long iid) => HandleAsync(c, FakeRoutes.MergeRequest, id, iid, (_, _) => Json(MergeRequestJson())));
        app.MapGet(Mr + "/notes", (HttpContext c, string id, long iid) => HandleAsync(c, FakeRoutes.ListNotes, id, iid, (_, _) => ListNotes(c)));
        app.MapPost(Mr + "/notes", (HttpContext c, string id, long iid) => HandleAsync(c, FakeRoutes.CreateNote, id, iid, CreateNote));
        app.MapPut(Mr + "/notes/{noteId:long}", (HttpContext c, string id, long iid, long noteId) =>
            HandleAsync(c, FakeRoutes.UpdateNote, id, iid, (user, body) => UpdateNote(user, noteId, body)));
        app.MapDelete(Mr + "/notes/{noteId:long}", (HttpContext c, string id, long iid, long noteId) =>
            HandleAsync(c, FakeRoutes.DeleteNote, id, iid, (user, _) => DeleteNote(user, noteId)));
        app.MapPost(Mr + "/notes/{noteId:long}/award_emoji", (HttpContext c, string id, long iid, long noteId) =>
            HandleAsync(c, FakeRoutes.AwardEmoji, id, iid, (user, body) => Award(user, noteId, body)));
        app.MapPost("/api/v4/projects/{id}/statuses/{sha}", (HttpContext c, string id, string sha) =>
            HandleAsync(c, FakeRoutes.SetStatus, id, null, (user, body) => SetStatus(user, sha, body)));
        app.MapPost(Mr + "/pipelines", (HttpContext c, string id, long iid) => HandleAsync(c, FakeRoutes.CreatePipeline, id, iid, (_, _) => CreatePipeline()));
        app.MapPost("/api/v4/projects/{id}/pipeline", (HttpContext c, string id) => HandleAsync(c, FakeRoutes.CreateBranchPipeline, id, null, (_, body) => CreateBranchPipeline(body)));
        app.MapGet("/api/v4/projects/{id}/members/all/{userId:long}", (HttpContext c, string id, long userId) =>
            HandleAsync(c, FakeRoutes.Member, id, null, (_, _) => Member(userId)));
        app.MapGet("/api/v4/groups/{id}/members/all/{userId:long}", (HttpContext c, string id, long userId) =>
            HandleAsync(c, FakeRoutes.GroupMember, null, null, (_, _) => GroupMember(Uri.UnescapeDataString(id), userId)));

        // file_path is one segment: GitLab wants the slashes of a path encoded (%2F); a plain slash matches no route.
        app.MapGet("/api/v4/projects/{id}/repository/files/{filePath}/raw", (HttpContext c, string id, string? @ref) =>
            HandleAsync(c, FakeRoutes.RawFile, id, null, (_, _) => RawFile(c, @ref)));
    }

    private async Task<IResult> HandleAsync(HttpContext context, string route, string? projectId, long? iid, Func<FakeUser, JsonElement, IResult> apply)
    {
        var token = context.Request.Headers["PRIVATE-TOKEN"].ToString();
        var jobToken = context.Request.Headers["JOB-TOKEN"].ToString();
        FakeUser? user = token == BotToken || jobToken == JobToken ? Bot : null;
        if (user is null)
        {
            return Error(401, "401 Unauthorized");
        }

        if (jobToken == JobToken && !HttpMethods.IsGet(context.Request.Method))
        {
            return Error(403, "403 Forbidden");
        }

        if (projectId is not null && Uri.UnescapeDataString(projectId) is not ("42" or ProjectPath))
        {
            return Error(404, "404 Project Not Found");
        }

        if (iid is not null && iid != MergeRequestIid)
        {
            return Error(404, "404 Not found");
        }

        Fault? fault = null;
        if (faults.TryGetValue(route, out var queue))
        {
            queue.TryDequeue(out fault);
        }

        if (fault is { Delay.Ticks: > 0 })
        {
            await Task.Delay(fault.Delay);
            if (fault is { StatusCode: null, Hang: false })
            {
                fault = null;
            }
        }

        if (fault is { ApplyFirst: false })
        {
            return await FailAsync(context, fault);
        }

        var body = await ReadBodyAsync(context);
        IResult result;
        lock (gate)
        {
            result = apply(user, body);
        }

        return fault is null ? result : await FailAsync(context, fault);
    }

    private static async Task<IResult> FailAsync(HttpContext context, Fault fault)
    {
        if (fault.Hang)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            return Results.Empty;
        }

        foreach (var (name, value) in fault.Headers)
        {
            context.Response.Headers[name] = value;
        }

        var code = fault.StatusCode ?? 500;
        return Results.Content(fault.Body ?? $$"""{"message":"{{code}} injected failure"}""", "application/json", statusCode: code);
    }

    private static async Task<JsonElement> ReadBodyAsync(HttpContext context)
    {
        context.Request.Body.Position = 0;
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        return string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string? Field(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    private static IResult Json(object value, int status = 200) =>
        Results.Json(value, FakeGitLabJson.Options, "application/json", status);

    private static IResult Error(int status, object message) => Json(new { message }, status);

    private static string RawPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? raw : raw[..query];
    }
}
