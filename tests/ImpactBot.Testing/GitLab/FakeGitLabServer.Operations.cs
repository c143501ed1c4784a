using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ImpactBot.Testing.GitLab;

/// <summary>What each endpoint does to the in-memory state; called under the state lock.</summary>
public sealed partial class FakeGitLabServer
{
    private const int MaxNoteLength = 1_000_000;

    private IResult ListNotes(HttpContext context)
    {
        var query = context.Request.Query;
        var perPage = Math.Clamp(int.TryParse(query["per_page"], out var pp) ? pp : 20, 1, 100);
        var page = Math.Max(1, int.TryParse(query["page"], out var p) ? p : 1);
        var ordered = query["sort"] == "asc"
            ? notes.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            : notes.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id);
        var all = ordered.ToList();
        var totalPages = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var next = page < totalPages ? page + 1 : (int?)null;

        var headers = context.Response.Headers;
        if (!LinkHeaderOnly)
        {
            headers["x-page"] = page.ToString(CultureInfo.InvariantCulture);
            headers["x-per-page"] = perPage.ToString(CultureInfo.InvariantCulture);
            headers["x-total"] = all.Count.ToString(CultureInfo.InvariantCulture);
            headers["x-total-pages"] = totalPages.ToString(CultureInfo.InvariantCulture);
            headers["x-next-page"] = next?.ToString(CultureInfo.InvariantCulture) ?? "";
            headers["x-prev-page"] = page > 1 ? (page - 1).ToString(CultureInfo.InvariantCulture) : "";
        }

        var links = new List<string>();
        if (page > 1)
        {
            links.Add($"<{PageUrl(context, page - 1)}>; rel=\"prev\"");
        }

        if (next is { } n)
        {
            links.Add($"<{PageUrl(context, n)}>; rel=\"next\"");
        }

        links.Add($"<{PageUrl(context, 1)}>; rel=\"first\"");
        links.Add($"<{PageUrl(context, totalPages)}>; rel=\"last\"");
        headers["Link"] = string.Join(", ", links);
        return Json(all.Skip((page - 1) * perPage).Take(perPage).ToArray());
    }

    private static string PageUrl(HttpContext context, int page)
    {
        var query = context.Request.Query
            .Where(q => q.Key != "page")
            .Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"page={page}");
        return $"{context.Request.Scheme}://{context.Request.Host}{RawPath(context)}?{string.Join('&', query)}";
    }

    private IResult CreateNote(FakeUser user, JsonElement body)
    {
        var text = Field(body, "body");
        if (string.IsNullOrEmpty(text))
        {
            return Json(new { error = "body is missing, body is empty" }, 400);
        }

        if (text.Length > MaxNoteLength)
        {
            return Error(400, "Note {:note=>[\"is too long (maximum is 1000000 characters)\"]}");
        }

        var now = Tick();
        var note = new FakeNote(NextId(), text, user, now, now, false, MergeRequestId, MergeRequestIid, ProjectId);
        notes.Add(note);
        return Json(note, 201);
    }

    private IResult UpdateNote(FakeUser user, long noteId, JsonElement body)
    {
        var index = notes.FindIndex(n => n.Id == noteId);
        if (index < 0)
        {
            return Error(404, "404 Note Not Found");
        }

        if (notes[index].Author.Id != user.Id)
        {
            return Error(403, "403 Forbidden");
        }

        var text = Field(body, "body") ?? "";
        if (text.Length > MaxNoteLength)
        {
            return Error(400, "Note {:note=>[\"is too long (maximum is 1000000 characters)\"]}");
        }

        notes[index] = notes[index] with { Body = text, UpdatedAt = Tick() };
        return Json(notes[index]);
    }

    private IResult DeleteNote(FakeUser user, long noteId)
    {
        var note = notes.Find(n => n.Id == noteId);
        if (note is null)
        {
            return Error(404, "404 Note Not Found");
        }

        if (note.Author.Id != user.Id)
        {
            return Error(403, "403 Forbidden");
        }

        notes.Remove(note);
        return Results.NoContent();
    }

    private IResult Award(FakeUser user, long noteId, JsonElement body)
    {
        if (!notes.Exists(n => n.Id == noteId))
        {
            return Error(404, "404 Note Not Found");
        }

        var name = Field(body, "name") ?? "";
        if (emoji.Exists(e => e.AwardableId == noteId && e.User.Id == user.Id && e.Name == name))
        {
            return Error(404, "404 Award Emoji Name has already been taken Not Found");
        }

        var now = Tick();
        var award = new FakeAwardEmoji(NextId(), name, user, now, now, noteId);
        emoji.Add(award);
        return Json(award, 201);
    }

    /// <summary>
    /// GitLab's rules: an unfinished (pending/running) status of the same name is moved through its state machine, and
    /// a move to the state it is already in is refused with 400; a finished one is replaced by a new status.
    /// </summary>
    private IResult SetStatus(FakeUser user, string sha, JsonElement body)
    {
        var state = Field(body, "state");
        if (state is not ("pending" or "running" or "success" or "failed" or "canceled"))
        {
            return Json(new { error = "state does not have a valid value" }, 400);
        }

        var name = Field(body, "name") ?? Field(body, "context") ?? "default";
        var pipelineId = long.TryParse(Field(body, "pipeline_id"), out var id) ? id : (long?)null;
        var index = statuses.FindIndex(s => s.Sha == sha && s.Name == name && s.Status is "pending" or "running");
        if (index >= 0 && statuses[index].Status == state && state is "pending" or "running")
        {
            var via = state == "pending" ? "enqueue" : "run";
            return Error(400, $"Cannot transition status via :{via} from :{state} (Reason(s): Status cannot transition via \"{via}\")");
        }

        var now = Tick();
        var status = new FakeCommitStatus(
            index >= 0 ? statuses[index].Id : NextId(), sha, Field(body, "ref") ?? "feature", state, name,
            Field(body, "target_url"), Field(body, "description"), index >= 0 ? statuses[index].CreatedAt : now, user)
        {
            StartedAt = state == "pending" ? null : now,
            FinishedAt = state is "success" or "failed" or "canceled" ? now : null,
            PipelineId = pipelineId,
        };
        if (index >= 0)
        {
            statuses[index] = status;
        }
        else
        {
            statuses.Add(status);
        }

        return Json(status, 201);
    }

    private IResult CreatePipeline()
    {
        var now = Tick();
        var pipeline = new FakePipeline(NextId(), pipelines.Count + 1, ProjectId, HeadSha, $"refs/merge-requests/{MergeRequestIid}/head", "created", now, now);
        pipelines.Add(pipeline);
        return Json(pipeline, 201);
    }

    /// <summary>
    /// POST /projects/:id/pipeline {ref, variables: [{key, value, variable_type}]}: a branch pipeline (source "api"), not a
    /// merge request pipeline; 400 "Reference not found" for an unknown branch, as GitLab answers.
    /// </summary>
    private IResult CreateBranchPipeline(JsonElement body)
    {
        var reference = body.TryGetProperty("ref", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        if (reference != SourceBranch)
        {
            return Error(400, "Reference not found");
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.TryGetProperty("variables", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var variable in list.EnumerateArray())
            {
                variables[variable.GetProperty("key").GetString()!] = variable.GetProperty("value").GetString()!;
            }
        }

        var now = Tick();
        var pipeline = new FakePipeline(NextId(), pipelines.Count + 1, ProjectId, HeadSha, reference, "created", now, now) { Source = "api", Variables = variables };
        pipelines.Add(pipeline);
        return Json(pipeline, 201);
    }

    private IResult Member(long userId)
    {
        var user = Array.Find(users, u => u.Id == userId);
        return user is not null && members.TryGetValue(userId, out var level)
            ? Json(new FakeMember(user.Id, user.Username, user.Name, level))
            : Error(404, "404 Not found");
    }

    /// <summary>GET /groups/:id/members/all/:user_id: 404 for a group that does not exist or a user who is not a member.</summary>
    private IResult GroupMember(string groupPath, long userId)
    {
        if (!GroupsReadable)
        {
            return Error(403, "403 Forbidden");
        }

        var user = Array.Find(users, u => u.Id == userId);
        lock (gate)
        {
            return user is not null && groups.TryGetValue(groupPath, out var group) && group.TryGetValue(userId, out var level)
                ? Json(new FakeMember(user.Id, user.Username, user.Name, level))
                : Error(404, groups.ContainsKey(groupPath) ? "404 Not found" : "404 Group Not Found");
        }
    }

    /// <summary>The file's bytes as text/plain, like GitLab; the path is read from the raw (still encoded) request target.</summary>
    private IResult RawFile(HttpContext context, string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return Json(new { error = "ref is missing" }, 400);
        }

        var raw = RawPath(context);
        var start = raw.IndexOf("/repository/files/", StringComparison.Ordinal) + "/repository/files/".Length;
        var path = Uri.UnescapeDataString(raw[start..raw.LastIndexOf("/raw", StringComparison.Ordinal)]);
        return files.TryGetValue((reference, path), out var text)
            ? Results.Bytes(Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8")
            : Error(404, "404 File Not Found");
    }

    private object MergeRequestJson() => new
    {
        id = MergeRequestId,
        iid = MergeRequestIid,
        project_id = ProjectId,
        title = "Rename customer_id in stg_orders",
        description = "",
        state = "opened",
        created_at = "2026-01-05T08:00:00.000Z",
        updated_at = "2026-01-05T08:30:00.000Z",
        target_branch = "main",
        source_branch = SourceBranch,
        author = Alice,
        source_project_id = ProjectId,
        target_project_id = ProjectId,
        draft = false,
        work_in_progress = false,
        merge_status = "can_be_merged",
        detailed_merge_status = "mergeable",
        sha = HeadSha,
        merge_commit_sha = (string?)null,
        squash_commit_sha = (string?)null,
        diff_refs = new { base_sha = DiffBaseSha, head_sha = HeadSha, start_sha = StartSha },
        web_url = "https://gitlab.example.com/group/sub/project/-/merge_requests/7",
        head_pipeline = HeadPipeline,
    };
}
