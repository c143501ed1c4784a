using ImpactBot.GitLab.Tests.Fakes;
using static ImpactBot.Testing.GitLab.FakeGitLabServer;

namespace ImpactBot.GitLab.Tests.Clients;

public sealed class AwardEmojiClientTests : FakeGitLabTestBase
{
    [Test]
    public async Task AddToNoteAsync_NewEmoji_AwardsIt()
    {
        var note = Server.AddNote(Alice, "/impact");
        var client = TestClients.Create(Server);

        var award = await client.AwardEmoji.AddToNoteAsync(TestClients.Project, MergeRequestIid, note.Id, "eyes", CancellationToken.None);

        Assert.That(award?.Name, Is.EqualTo("eyes"));
        Assert.That(award?.AwardableId, Is.EqualTo(note.Id));
        Assert.That(Server.Emoji.Select(e => (e.Name, e.AwardableId, e.User.Id)), Is.EqualTo(new[] { ("eyes", note.Id, Bot.Id) }));
        Assert.That(Server.Requests.Single().Body, Is.EqualTo("""{"name":"eyes"}"""));
    }

    [Test]
    public async Task AddToNoteAsync_AlreadyAwarded_ReturnsNullWithoutError()
    {
        var note = Server.AddNote(Alice, "/impact");
        var client = TestClients.Create(Server);
        await client.AwardEmoji.AddToNoteAsync(TestClients.Project, MergeRequestIid, note.Id, "rocket", CancellationToken.None);

        var again = await client.AwardEmoji.AddToNoteAsync(TestClients.Project, MergeRequestIid, note.Id, ":rocket:", CancellationToken.None);

        Assert.That(again, Is.Null);
        Assert.That(Server.Emoji, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AddToNoteAsync_TimeoutAfterAwarding_RetryCountsAsAwarded()
    {
        var note = Server.AddNote(Alice, "/impact");
        Server.Inject(FakeRoutes.AwardEmoji, Fault.StoredThenTimeout());
        var client = TestClients.Create(Server, TestClients.NoDelays with { AttemptTimeout = TestClients.RetryAnswers });

        await client.AwardEmoji.AddToNoteAsync(TestClients.Project, MergeRequestIid, note.Id, "confused", CancellationToken.None);

        Assert.That(Server.Emoji.Select(e => e.Name), Is.EqualTo(new[] { "confused" }));
        Assert.That(Server.RequestsTo("POST", "/award_emoji"), Has.Count.EqualTo(2));
    }
}
