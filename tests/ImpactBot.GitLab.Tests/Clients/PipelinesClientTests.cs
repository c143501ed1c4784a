using ImpactBot.GitLab.Errors;
using ImpactBot.GitLab.Tests.Fakes;
using static ImpactBot.Testing.GitLab.FakeGitLabServer;

namespace ImpactBot.GitLab.Tests.Clients;

public sealed class PipelinesClientTests : FakeGitLabTestBase
{
    [Test]
    public async Task CreateForMergeRequestAsync_Creates_ReturnsThePipeline()
    {
        var client = TestClients.Create(Server);

        var pipeline = await client.Pipelines.CreateForMergeRequestAsync(TestClients.Project, MergeRequestIid, CancellationToken.None);

        Assert.That(Server.Pipelines.Select(p => p.Id), Is.EqualTo(new[] { pipeline.Id }));
        Assert.That(pipeline.Source, Is.EqualTo("merge_request_event"));
        Assert.That(pipeline.Sha, Is.EqualTo(HeadSha));
        Assert.That(Server.Requests.Single().Path, Is.EqualTo("/api/v4/projects/group%2Fsub%2Fproject/merge_requests/7/pipelines"));
    }

    [Test]
    public void CreateForMergeRequestAsync_ServerErrorAfterCreating_IsNotRetried()
    {
        Server.Inject(FakeRoutes.CreatePipeline, Fault.StoredThenStatus(502));
        var client = TestClients.Create(Server);

        Assert.ThrowsAsync<GitLabApiException>(
            () => client.Pipelines.CreateForMergeRequestAsync(TestClients.Project, MergeRequestIid, CancellationToken.None));

        Assert.That(Server.Pipelines, Has.Count.EqualTo(1));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CreateForMergeRequestAsync_RateLimited_WaitsAndRetries()
    {
        Server.Inject(FakeRoutes.CreatePipeline, Fault.RateLimited(retryAfter: "0"));
        var client = TestClients.Create(Server);

        await client.Pipelines.CreateForMergeRequestAsync(TestClients.Project, MergeRequestIid, CancellationToken.None);

        Assert.That(Server.Pipelines, Has.Count.EqualTo(1));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }
}
