using ImpactBot.GitLab.Tests.Fakes;
using static ImpactBot.Testing.GitLab.FakeGitLabServer;

namespace ImpactBot.GitLab.Tests.Clients;

public sealed class UsersClientTests : FakeGitLabTestBase
{
    [Test]
    public async Task GetCurrentAsync_PrivateToken_ReturnsTheBotAndSendsTheTokenHeader()
    {
        var client = TestClients.Create(Server);

        var user = await client.Users.GetCurrentAsync(CancellationToken.None);

        Assert.That(user.Username, Is.EqualTo(Bot.Username));
        Assert.That(user.Id, Is.EqualTo(Bot.Id));
        var request = Server.RequestsTo("GET", "/api/v4/user").Single();
        Assert.That(request.Header("PRIVATE-TOKEN"), Is.EqualTo(BotToken));
        Assert.That(request.Header("JOB-TOKEN"), Is.Null);
        Assert.That(request.Header("User-Agent"), Does.StartWith("impactbot"));
    }

    [Test]
    public async Task GetCurrentAsync_JobToken_SendsJobTokenHeader()
    {
        var client = TestClients.Create(Server, credentials: GitLabCredentials.JobToken(JobToken));

        await client.Users.GetCurrentAsync(CancellationToken.None);

        var request = Server.RequestsTo("GET", "/api/v4/user").Single();
        Assert.That(request.Header("JOB-TOKEN"), Is.EqualTo(JobToken));
        Assert.That(request.Header("PRIVATE-TOKEN"), Is.Null);
    }

    [TestCase("alice")]
    [TestCase("@alice")]
    [TestCase("Alice")]
    public async Task FindByUsernameAsync_KnownUser_ReturnsIt(string username)
    {
        var client = TestClients.Create(Server);

        var user = await client.Users.FindByUsernameAsync(username, CancellationToken.None);

        Assert.That(user?.Id, Is.EqualTo(Alice.Id));
    }

    [Test]
    public async Task FindByUsernameAsync_UnknownUser_ReturnsNull()
    {
        var client = TestClients.Create(Server);

        var user = await client.Users.FindByUsernameAsync("nobody", CancellationToken.None);

        Assert.That(user, Is.Null);
        Assert.That(Server.RequestsTo("GET", "/api/v4/users").Single().Query, Is.EqualTo("?username=nobody"));
    }
}
