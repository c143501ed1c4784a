using ImpactBot.GitLab.Errors;
using ImpactBot.GitLab.Tests.Fakes;
using static ImpactBot.Testing.GitLab.FakeGitLabServer;

namespace ImpactBot.GitLab.Tests.Clients;

public sealed class NotesClientTests : FakeGitLabTestBase
{
    private const string NotesPath = "/api/v4/projects/group%2Fsub%2Fproject/merge_requests/7/notes";

    [Test]
    public async Task ListAsync_ThreePages_ReturnsEveryNoteOldestFirst()
    {
        var added = Enumerable.Range(1, 5).Select(i => Server.AddNote(Alice, $"note {i}")).ToList();
        var client = TestClients.Create(Server, pageSize: 2);

        var notes = await client.Notes.ListAsync(TestClients.Project, MergeRequestIid, CancellationToken.None);

        Assert.That(notes.Select(n => n.Id), Is.EqualTo(added.Select(n => n.Id)));
        var gets = Server.RequestsTo("GET", "/notes");
        Assert.That(gets, Has.Count.EqualTo(3));
        Assert.That(gets[0].Query, Does.Contain("sort=asc").And.Contain("order_by=created_at").And.Contain("per_page=2"));
        Assert.That(gets.Select(g => g.Query.Contains("page=3", StringComparison.Ordinal)), Is.EqualTo(new[] { false, false, true }));
    }

    [Test]
    public async Task ListAsync_LinkHeaderOnly_FollowsRelNext()
    {
        Server.LinkHeaderOnly = true;
        Enumerable.Range(1, 5).ToList().ForEach(i => Server.AddNote(Alice, $"note {i}"));
        var client = TestClients.Create(Server, pageSize: 2);

        var notes = await client.Notes.ListAsync(TestClients.Project, MergeRequestIid, CancellationToken.None);

        Assert.That(notes.Select(n => n.Body), Is.EqualTo(new[] { "note 1", "note 2", "note 3", "note 4", "note 5" }));
        Assert.That(Server.RequestsTo("GET", "/notes").Select(r => r.Path), Is.All.EqualTo(NotesPath));
    }

    [Test]
    public async Task ListAsync_RealShape_ReadsAuthorSystemAndTimes()
    {
        Server.AddNote(Alice, "/impact");
        Server.AddNote(Bot, "added 1 commit", system: true);
        var client = TestClients.Create(Server);

        var notes = await client.Notes.ListAsync(TestClients.Project, MergeRequestIid, CancellationToken.None);

        Assert.That(notes[0].Author.Username, Is.EqualTo("alice"));
        Assert.That(notes[0].Author.Id, Is.EqualTo(Alice.Id));
        Assert.That(notes[0].NoteableIid, Is.EqualTo(MergeRequestIid));
        Assert.That(notes[0].NoteableType, Is.EqualTo("MergeRequest"));
        Assert.That(notes[0].CreatedAt, Is.LessThan(notes[1].CreatedAt));
        Assert.That(notes.Select(n => n.System), Is.EqualTo(new[] { false, true }));
    }

    [Test]
    public async Task CreateAsync_Body_StoresOneNoteByTheBot()
    {
        var client = TestClients.Create(Server);

        var note = await client.Notes.CreateAsync(TestClients.Project, MergeRequestIid, "<!-- impactbot:report -->\nhello", CancellationToken.None);

        Assert.That(Server.Notes, Has.Count.EqualTo(1));
        Assert.That(note.Id, Is.EqualTo(Server.Notes[0].Id));
        Assert.That(note.Author.Username, Is.EqualTo(Bot.Username));
        Assert.That(Server.RequestsTo("POST", "/notes")[0].Body, Is.EqualTo("""{"body":"\u003C!-- impactbot:report --\u003E\nhello"}"""));
    }

    [Test]
    public async Task CreateAsync_TimeoutAfterGitLabStoredIt_DoesNotDuplicate()
    {
        Server.Inject(FakeRoutes.CreateNote, Fault.StoredThenTimeout());
        var client = TestClients.Create(Server, TestClients.NoDelays with { AttemptTimeout = TestClients.RetryAnswers });

        var note = await client.Notes.CreateAsync(TestClients.Project, MergeRequestIid, "report", CancellationToken.None);

        Assert.That(Server.Notes, Has.Count.EqualTo(1));
        Assert.That(note.Id, Is.EqualTo(Server.Notes[0].Id));
        Assert.That(Server.RequestsTo("POST", "/notes"), Has.Count.EqualTo(1));
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(504)]
    public async Task CreateAsync_ServerErrorAfterGitLabStoredIt_DoesNotDuplicate(int status)
    {
        Server.Inject(FakeRoutes.CreateNote, Fault.StoredThenStatus(status));
        var client = TestClients.Create(Server);

        var note = await client.Notes.CreateAsync(TestClients.Project, MergeRequestIid, "report", CancellationToken.None);

        Assert.That(Server.Notes.Select(n => n.Id), Is.EqualTo(new[] { note.Id }));
    }

    [Test]
    public async Task CreateAsync_ServerErrorBeforeStoring_PostsAgainOnce()
    {
        Server.AddNote(Alice, "report");
        Server.Inject(FakeRoutes.CreateNote, Fault.Status(503));
        var client = TestClients.Create(Server);

        var note = await client.Notes.CreateAsync(TestClients.Project, MergeRequestIid, "report", CancellationToken.None);

        Assert.That(Server.RequestsTo("POST", "/notes"), Has.Count.EqualTo(2));
        Assert.That(Server.Notes.Count(n => n.Author.Id == Bot.Id), Is.EqualTo(1));
        Assert.That(note.Author.Id, Is.EqualTo(Bot.Id), "Alice's identical note is not mistaken for the bot's");
    }

    [Test]
    public void CreateAsync_OverOneMillionCharacters_ThrowsContentTooLarge()
    {
        var client = TestClients.Create(Server);

        var ex = Assert.ThrowsAsync<GitLabContentTooLargeException>(
            () => client.Notes.CreateAsync(TestClients.Project, MergeRequestIid, new string('x', 1_000_001), CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("POST " + NotesPath).And.Contain("is too long"));
        Assert.That(Server.Notes, Is.Empty);
    }

    [Test]
    public async Task UpdateAsync_OwnNote_ReplacesBody()
    {
        var existing = Server.AddNote(Bot, "old");
        var client = TestClients.Create(Server);

        var note = await client.Notes.UpdateAsync(TestClients.Project, MergeRequestIid, existing.Id, "new", CancellationToken.None);

        Assert.That(note.Body, Is.EqualTo("new"));
        Assert.That(Server.Notes.Single().Body, Is.EqualTo("new"));
        Assert.That(Server.Notes.Single().UpdatedAt, Is.GreaterThan(existing.UpdatedAt));
    }

    [Test]
    public async Task UpdateAsync_ServerErrorOnce_RetriesAndUpdates()
    {
        var existing = Server.AddNote(Bot, "old");
        Server.Inject(FakeRoutes.UpdateNote, Fault.Status(502));
        var client = TestClients.Create(Server);

        await client.Notes.UpdateAsync(TestClients.Project, MergeRequestIid, existing.Id, "new", CancellationToken.None);

        Assert.That(Server.Notes.Single().Body, Is.EqualTo("new"));
        Assert.That(Server.RequestsTo("PUT", $"/notes/{existing.Id}"), Has.Count.EqualTo(2));
    }

    [Test]
    public void UpdateAsync_SomeoneElsesNote_ThrowsAuthorization()
    {
        var existing = Server.AddNote(Alice, "hers");
        var client = TestClients.Create(Server);

        Assert.ThrowsAsync<GitLabAuthorizationException>(
            () => client.Notes.UpdateAsync(TestClients.Project, MergeRequestIid, existing.Id, "mine", CancellationToken.None));
        Assert.That(Server.Notes.Single().Body, Is.EqualTo("hers"));
    }

    [Test]
    public async Task DeleteAsync_OwnNote_RemovesIt()
    {
        var existing = Server.AddNote(Bot, "old");
        var client = TestClients.Create(Server);

        await client.Notes.DeleteAsync(TestClients.Project, MergeRequestIid, existing.Id, CancellationToken.None);

        Assert.That(Server.Notes, Is.Empty);
    }

    [Test]
    public async Task DeleteAsync_TimeoutAfterDeleting_RetryFindsItGoneAndSucceeds()
    {
        var existing = Server.AddNote(Bot, "old");
        Server.Inject(FakeRoutes.DeleteNote, Fault.StoredThenTimeout());
        var client = TestClients.Create(Server, TestClients.NoDelays with { AttemptTimeout = TestClients.RetryAnswers });

        await client.Notes.DeleteAsync(TestClients.Project, MergeRequestIid, existing.Id, CancellationToken.None);

        Assert.That(Server.Notes, Is.Empty);
        Assert.That(Server.RequestsTo("DELETE", $"/notes/{existing.Id}"), Has.Count.EqualTo(2));
    }
}
