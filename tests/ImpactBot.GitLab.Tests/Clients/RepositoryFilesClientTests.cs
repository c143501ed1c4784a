using ImpactBot.GitLab.Errors;
using ImpactBot.GitLab.Tests.Fakes;
using static ImpactBot.Testing.GitLab.FakeGitLabServer;

namespace ImpactBot.GitLab.Tests.Clients;

public sealed class RepositoryFilesClientTests : FakeGitLabTestBase
{
    [TestCase(".impactbot.yml", "/api/v4/projects/group%2Fsub%2Fproject/repository/files/.impactbot.yml/raw")]
    [TestCase("warehouse/.impactbot.yml", "/api/v4/projects/group%2Fsub%2Fproject/repository/files/warehouse%2F.impactbot.yml/raw")]
    public async Task GetRawAsync_FileAtCommit_ReturnsTextFromTheEncodedPath(string path, string expectedPath)
    {
        Server.SetFile(HeadSha, path, "acknowledge: anyone\n");
        var client = TestClients.Create(Server);

        var text = await client.RepositoryFiles.GetRawAsync(TestClients.Project, path, HeadSha, CancellationToken.None);

        Assert.That(text, Is.EqualTo("acknowledge: anyone\n"));
        var request = Server.Requests.Single();
        Assert.That((request.Path, request.Query), Is.EqualTo((expectedPath, $"?ref={HeadSha}")));
    }

    [Test]
    public async Task GetRawAsync_ByteOrderMark_IsDropped()
    {
        Server.SetFile(HeadSha, ".impactbot.yml", "\uFEFFfail-on: any\n");
        var client = TestClients.Create(Server);

        var text = await client.RepositoryFiles.GetRawAsync(TestClients.Project, ".impactbot.yml", HeadSha, CancellationToken.None);

        Assert.That(text, Is.EqualTo("fail-on: any\n"));
    }

    [Test]
    public async Task GetRawAsync_OnlyAtAnotherCommit_ReturnsNullWithoutRetrying()
    {
        Server.SetFile(BaseSha, ".impactbot.yml", "fail-on: any\n");
        var client = TestClients.Create(Server);

        var text = await client.RepositoryFiles.GetRawAsync(TestClients.Project, ".impactbot.yml", HeadSha, CancellationToken.None);

        Assert.That(text, Is.Null);
        Assert.That(Server.Requests, Has.Count.EqualTo(1), "a 404 is an answer, not retried");
    }

    [Test]
    public async Task GetRawAsync_ServerErrorOnce_RetriesAndReturnsText()
    {
        Server.SetFile(HeadSha, ".impactbot.yml", "fail-on: any\n");
        Server.Inject(FakeRoutes.RawFile, Fault.Status(500));
        var client = TestClients.Create(Server);

        var text = await client.RepositoryFiles.GetRawAsync(TestClients.Project, ".impactbot.yml", HeadSha, CancellationToken.None);

        Assert.That(text, Is.EqualTo("fail-on: any\n"));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void GetRawAsync_Forbidden_ThrowsAuthorization()
    {
        Server.Inject(FakeRoutes.RawFile, Fault.Status(403, """{"message":"403 Forbidden"}"""));
        var client = TestClients.Create(Server);

        var ex = Assert.ThrowsAsync<GitLabAuthorizationException>(
            () => client.RepositoryFiles.GetRawAsync(TestClients.Project, ".impactbot.yml", HeadSha, CancellationToken.None));

        Assert.That(ex!.Message, Does.StartWith("GitLab GET /api/v4/projects/group%2Fsub%2Fproject/repository/files/.impactbot.yml/raw failed with 403"));
    }
}
