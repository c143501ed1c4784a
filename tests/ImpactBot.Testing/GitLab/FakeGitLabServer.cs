using System.Collections.Concurrent;
using ImpactBot.Testing.Http;

namespace ImpactBot.Testing.GitLab;

/// <summary>
/// An in-memory GitLab REST v4 for one project and one merge request, served on a loopback port. Tests read the final
/// state (notes, emoji, statuses, pipelines), every recorded request, and inject faults per route.
/// </summary>
public sealed partial class FakeGitLabServer : IAsyncDisposable
{
    public const string BotToken = "glpat-Zx9SECRETbot7Token42";
    public const string JobToken = "glcbt-64_SECRETjobToken99";
    public const long ProjectId = 42;
    public const string ProjectPath = "group/sub/project";
    public const long MergeRequestId = 1007;
    public const long MergeRequestIid = 7;
    public const string HeadSha = "1111111111111111111111111111111111111111";
    public const string BaseSha = "2222222222222222222222222222222222222222";
    public const string StartSha = "3333333333333333333333333333333333333333";
    public const string SourceBranch = "feature/rename-customer-id";

    public static readonly FakeUser Bot = new(100, "impactbot", "ImpactBot");
    public static readonly FakeUser Alice = new(101, "alice", "Alice Maintainer");
    public static readonly FakeUser Bob = new(102, "bob", "Bob Reporter");
    public static readonly FakeUser Carol = new(103, "carol", "Carol Outsider");
    public static readonly FakeUser Dave = new(104, "dave", "Dave Developer");

    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly Lock gate = new();
    private readonly List<FakeNote> notes = [];
    private readonly List<FakeAwardEmoji> emoji = [];
    private readonly List<FakeCommitStatus> statuses = [];
    private readonly List<FakePipeline> pipelines = [];
    private readonly Dictionary<long, int> members = [];
    private readonly Dictionary<string, Dictionary<long, int>> groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Sha, string Path), string> files = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> faults = new();
    private readonly FakeUser[] users = [Bot, Alice, Bob, Carol, Dave];
    private LoopbackServer? server;
    private long nextId = 5000;
    private int ticks;

    private FakeGitLabServer() => Reset();

    /// <summary>http://127.0.0.1:PORT/api/v4 — what CI_API_V4_URL holds.</summary>
    public Uri ApiBaseUrl => new(Server.BaseAddress, "api/v4");

    public IReadOnlyList<RecordedRequest> Requests => Server.Requests;

    /// <summary>Answer list pages with a Link header only (no x-next-page), as keyset pagination and some proxies do.</summary>
    public bool LinkHeaderOnly { get; set; }

    public IReadOnlyList<FakeNote> Notes => Snapshot(notes);

    public IReadOnlyList<FakeAwardEmoji> Emoji => Snapshot(emoji);

    public IReadOnlyList<FakeCommitStatus> Statuses => Snapshot(statuses);

    public IReadOnlyList<FakePipeline> Pipelines => Snapshot(pipelines);

    /// <summary>diff_refs.base_sha of the merge request (tests point it at a real repository's commit).</summary>
    public string DiffBaseSha { get; set; } = BaseSha;

    /// <summary>The merge request's head_pipeline (null: no pipeline ran for it).</summary>
    public FakePipeline? HeadPipeline { get; set; }

    /// <summary>False answers group membership with 403, as for a token that may not see the group.</summary>
    public bool GroupsReadable { get; set; } = true;

    /// <summary>Makes <paramref name="user"/> a member of the group at <paramref name="groupPath"/> (e.g. <c>group/data</c>).</summary>
    public void AddGroupMember(string groupPath, FakeUser user, int accessLevel = 30)
    {
        lock (gate)
        {
            if (!groups.TryGetValue(groupPath, out var group))
            {
                groups[groupPath] = group = [];
            }

            group[user.Id] = accessLevel;
        }
    }

    private LoopbackServer Server => server ?? throw new InvalidOperationException("Not started.");

    public static async Task<FakeGitLabServer> StartAsync()
    {
        var fake = new FakeGitLabServer();
        fake.server = await LoopbackServer.StartAsync(fake.Map);
        return fake;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    /// <summary>Back to the initial state: no notes, emoji, statuses, pipelines, faults or recorded requests.</summary>
    public void Reset()
    {
        lock (gate)
        {
            notes.Clear();
            emoji.Clear();
            statuses.Clear();
            pipelines.Clear();
            faults.Clear();
            members.Clear();
            groups.Clear();
            GroupsReadable = true;
            files.Clear();
            HeadPipeline = null;
            DiffBaseSha = BaseSha;
            members[Bot.Id] = 30;
            members[Alice.Id] = 40;
            members[Bob.Id] = 20;
            members[Dave.Id] = 30;
            LinkHeaderOnly = false;
            server?.ClearRequests();
        }
    }

    /// <summary>The next requests to <paramref name="route"/> (see <see cref="FakeRoutes"/>) fail as given, in order.</summary>
    public void Inject(string route, params Fault[] injected)
    {
        var queue = faults.GetOrAdd(route, _ => new ConcurrentQueue<Fault>());
        foreach (var fault in injected)
        {
            queue.Enqueue(fault);
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string pathEnd) =>
        [.. Requests.Where(r => r.Method == method && r.Path.EndsWith(pathEnd, StringComparison.Ordinal))];

    public FakeNote AddNote(FakeUser author, string body, bool system = false)
    {
        lock (gate)
        {
            var now = Tick();
            var note = new FakeNote(NextId(), body, author, now, now, system, MergeRequestId, MergeRequestIid, ProjectId);
            notes.Add(note);
            return note;
        }
    }

    /// <summary>A person edits a note in the web UI (e.g. ticks a checkbox in the bot's report).</summary>
    public FakeNote EditNote(long noteId, Func<string, string> edit)
    {
        lock (gate)
        {
            var index = notes.FindIndex(n => n.Id == noteId);
            var note = notes[index] with { UpdatedAt = Tick() };
            notes[index] = note with { Body = edit(note.Body) };
            return notes[index];
        }
    }

    /// <summary>Puts a file into the repository at commit <paramref name="sha"/> (path as in the tree, no leading slash).</summary>
    public void SetFile(string sha, string path, string text)
    {
        lock (gate)
        {
            files[(sha, path)] = text;
        }
    }

    /// <summary>A pipeline that ran (finished) on <paramref name="sha"/>, to be used as <see cref="HeadPipeline"/>.</summary>
    public FakePipeline FinishedPipeline(string sha = HeadSha)
    {
        lock (gate)
        {
            var now = Tick();
            return new FakePipeline(NextId(), pipelines.Count + 1, ProjectId, sha, $"refs/merge-requests/{MergeRequestIid}/head", "success", now, now);
        }
    }

    public void SetMember(FakeUser user, int? accessLevel)
    {
        lock (gate)
        {
            if (accessLevel is { } level)
            {
                members[user.Id] = level;
            }
            else
            {
                members.Remove(user.Id);
            }
        }
    }

    private IReadOnlyList<T> Snapshot<T>(List<T> items)
    {
        lock (gate)
        {
            return [.. items];
        }
    }

    private long NextId() => ++nextId;

    private DateTimeOffset Tick() => Start.AddMinutes(++ticks);
}
