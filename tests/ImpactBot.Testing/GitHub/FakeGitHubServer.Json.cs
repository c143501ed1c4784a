using System.Globalization;
using System.Text.Json.Nodes;

namespace ImpactBot.Testing.GitHub;

/// <summary>Response bodies in GitHub's shapes (fields as in the REST API's examples).</summary>
public sealed partial class FakeGitHubServer
{
    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private string Api(string path) => new Uri(ApiUrl, RestPrefix + path).ToString();

    private JsonObject UserJson(FakeUser user) => new()
    {
        ["login"] = user.Login,
        ["id"] = user.Id,
        ["node_id"] = $"U_fake{user.Id}",
        ["avatar_url"] = $"https://avatars.githubusercontent.com/u/{user.Id}?v=4",
        ["url"] = Api($"/users/{user.Login}"),
        ["html_url"] = $"https://github.com/{user.Login}",
        ["type"] = user.Type,
        ["site_admin"] = false,
    };

    private JsonObject CommentJson(FakeComment comment) => new()
    {
        ["url"] = Api($"/repos/{Owner}/{Repo}/issues/comments/{comment.Id}"),
        ["html_url"] = $"https://github.com/{Owner}/{Repo}/pull/{comment.IssueNumber}#issuecomment-{comment.Id}",
        ["issue_url"] = Api($"/repos/{Owner}/{Repo}/issues/{comment.IssueNumber}"),
        ["id"] = comment.Id,
        ["node_id"] = comment.NodeId,
        ["user"] = UserJson(comment.User),
        ["created_at"] = Timestamp(comment.CreatedAt),
        ["updated_at"] = Timestamp(comment.UpdatedAt),
        ["author_association"] = comment.User.Type == "Bot" ? "NONE" : "MEMBER",
        ["body"] = comment.Body,
        ["reactions"] = new JsonObject
        {
            ["url"] = Api($"/repos/{Owner}/{Repo}/issues/comments/{comment.Id}/reactions"),
            ["total_count"] = 0, ["+1"] = 0, ["-1"] = 0, ["laugh"] = 0, ["hooray"] = 0, ["confused"] = 0, ["heart"] = 0, ["rocket"] = 0, ["eyes"] = 0,
        },
        ["performed_via_github_app"] = null,
    };

    private JsonObject CreateCheckRun(JsonObject request)
    {
        var id = Interlocked.Increment(ref nextId);
        var output = request["output"] as JsonObject;
        var run = new JsonObject
        {
            ["id"] = id,
            ["node_id"] = $"CR_fake{id}",
            ["head_sha"] = request["head_sha"]?.DeepClone(),
            ["external_id"] = request["external_id"]?.DeepClone() ?? "",
            ["url"] = Api($"/repos/{Owner}/{Repo}/check-runs/{id}"),
            ["html_url"] = $"https://github.com/{Owner}/{Repo}/runs/{id}",
            ["details_url"] = request["details_url"]?.DeepClone(),
            ["status"] = request["status"]?.DeepClone() ?? "queued",
            ["conclusion"] = request["conclusion"]?.DeepClone(),
            ["started_at"] = Timestamp(Time.GetUtcNow()),
            ["completed_at"] = request["completed_at"]?.DeepClone(),
            ["output"] = new JsonObject
            {
                ["title"] = output?["title"]?.DeepClone(),
                ["summary"] = output?["summary"]?.DeepClone(),
                ["text"] = output?["text"]?.DeepClone(),
                ["annotations_count"] = (output?["annotations"] as JsonArray)?.Count ?? 0,
                ["annotations_url"] = Api($"/repos/{Owner}/{Repo}/check-runs/{id}/annotations"),
            },
            ["name"] = request["name"]?.DeepClone(),
            ["check_suite"] = new JsonObject { ["id"] = 5 },
            ["app"] = new JsonObject { ["id"] = 15368, ["slug"] = "github-actions", ["name"] = "GitHub Actions" },
            ["pull_requests"] = new JsonArray(),
        };
        CheckRuns.Enqueue(run);
        return run;
    }

    private static JsonObject UpdateCheckRun(JsonObject run, JsonObject request)
    {
        if (request["output"]?["annotations"] is JsonArray annotations)
        {
            var output = run["output"]!.AsObject();
            output["annotations_count"] = output["annotations_count"]!.GetValue<int>() + annotations.Count;
        }

        return run;
    }

    private JsonObject StatusJson(JsonObject request) => new()
    {
        ["url"] = Api($"/repos/{Owner}/{Repo}/statuses/x"),
        ["avatar_url"] = "https://github.com/images/error/hubot_happy.gif",
        ["id"] = Interlocked.Increment(ref nextId),
        ["node_id"] = "SC_fake",
        ["state"] = request["state"]?.DeepClone(),
        ["description"] = request["description"]?.DeepClone(),
        ["target_url"] = request["target_url"]?.DeepClone(),
        ["context"] = request["context"]?.DeepClone() ?? "default",
        ["created_at"] = Timestamp(Time.GetUtcNow()),
        ["updated_at"] = Timestamp(Time.GetUtcNow()),
        ["creator"] = UserJson(CurrentUser ?? InstallationBot),
    };

    private JsonObject PullJson(FakePullRequest pull)
    {
        var baseRepo = $"{Owner}/{Repo}";
        JsonObject Side(string label, string @ref, string sha, string fullName) => new()
        {
            ["label"] = $"{fullName.Split('/')[0]}:{@ref}",
            ["ref"] = @ref,
            ["sha"] = sha,
            ["user"] = UserJson(new FakeUser(fullName.Split('/')[0], 1, "Organization")),
            ["repo"] = new JsonObject
            {
                ["id"] = fullName.GetHashCode(StringComparison.Ordinal) & 0x7fffffff,
                ["name"] = fullName.Split('/')[1],
                ["full_name"] = fullName,
                ["owner"] = UserJson(new FakeUser(fullName.Split('/')[0], 1, "Organization")),
                ["private"] = false,
                ["fork"] = label == "head" && fullName != baseRepo,
                ["url"] = Api($"/repos/{fullName}"),
                ["html_url"] = $"https://github.com/{fullName}",
            },
        };

        return new JsonObject
        {
            ["url"] = Api($"/repos/{baseRepo}/pulls/{pull.Number}"),
            ["id"] = 1_000_000 + pull.Number,
            ["node_id"] = $"PR_fake{pull.Number}",
            ["html_url"] = $"https://github.com/{baseRepo}/pull/{pull.Number}",
            ["number"] = pull.Number,
            ["state"] = "open",
            ["locked"] = false,
            ["title"] = "Change the orders model",
            ["user"] = UserJson(new FakeUser("ana", 7)),
            ["body"] = null,
            ["created_at"] = Timestamp(Time.GetUtcNow()),
            ["updated_at"] = Timestamp(Time.GetUtcNow()),
            ["draft"] = pull.Draft,
            ["merged"] = false,
            ["mergeable"] = null,
            ["head"] = Side("head", pull.HeadRef, pull.HeadSha, pull.HeadRepositoryFullName ?? baseRepo),
            ["base"] = Side("base", pull.BaseRef, pull.BaseSha, baseRepo),
            ["author_association"] = "MEMBER",
            ["commits"] = 1,
            ["additions"] = 1,
            ["deletions"] = 1,
            ["changed_files"] = pull.Files.Count,
        };
    }

    private JsonObject FileJson((string Path, string Status, string? PreviousPath) file)
    {
        var json = new JsonObject
        {
            ["sha"] = "bbcd538c8e72b8c175046e27cc8f907076331401",
            ["filename"] = file.Path,
            ["status"] = file.Status,
            ["additions"] = 1,
            ["deletions"] = 1,
            ["changes"] = 2,
            ["blob_url"] = $"https://github.com/{Owner}/{Repo}/blob/x/{file.Path}",
            ["raw_url"] = $"https://github.com/{Owner}/{Repo}/raw/x/{file.Path}",
            ["contents_url"] = Api($"/repos/{Owner}/{Repo}/contents/{file.Path}"),
            ["patch"] = "@@ -1 +1 @@\n-a\n+b",
        };
        if (file.PreviousPath is not null)
        {
            json["previous_filename"] = file.PreviousPath;
        }

        return json;
    }
}
