using ImpactBot.GitLab.Errors;
using ImpactBot.GitLab.Tests.Fakes;
using static ImpactBot.Testing.GitLab.FakeGitLabServer;

namespace ImpactBot.GitLab.Tests.Clients;

public sealed class MergeRequestsClientTests : FakeGitLabTestBase
{
    [Test]
    public async Task GetAsync_ProjectPath_EncodesThePathAndReadsShasAndBranches()
    {
        var client = TestClients.Create(Server);

        var mr = await client.MergeRequests.GetAsync(GitLabProjectId.Parse("group/sub/project"), MergeRequestIid, CancellationToken.None);

        Assert.That(Server.Requests.Single().Path, Is.EqualTo("/api/v4/projects/group%2Fsub%2Fproject/merge_requests/7"));
        Assert.That(mr.Iid, Is.EqualTo(MergeRequestIid));
        Assert.That(mr.Sha, Is.EqualTo(HeadSha));
        Assert.That(mr.DiffRefs, Is.EqualTo(new Models.GitLabDiffRefs { BaseSha = BaseSha, HeadSha = HeadSha, StartSha = StartSha }));
        Assert.That(mr.SourceBranch, Is.EqualTo("feature/rename-customer-id"));
        Assert.That(mr.TargetBranch, Is.EqualTo("main"));
        Assert.That(mr.Author?.Username, Is.EqualTo("alice"));
    }

    [Test]
    public async Task GetAsync_NumericProjectId_UsesTheId()
    {
        var client = TestClients.Create(Server);

        var mr = await client.MergeRequests.GetAsync(GitLabProjectId.FromId(ProjectId), MergeRequestIid, CancellationToken.None);

        Assert.That(mr.ProjectId, Is.EqualTo(ProjectId));
        Assert.That(Server.Requests.Single().Path, Is.EqualTo("/api/v4/projects/42/merge_requests/7"));
    }

    [Test]
    public void GetAsync_UnknownMergeRequest_ThrowsNotFoundNamingTheCall()
    {
        var client = TestClients.Create(Server);

        var ex = Assert.ThrowsAsync<GitLabNotFoundException>(
            () => client.MergeRequests.GetAsync(TestClients.Project, 99, CancellationToken.None));

        Assert.That(ex!.Message, Does.StartWith("GitLab GET /api/v4/projects/group%2Fsub%2Fproject/merge_requests/99 failed with 404"));
        Assert.That(ex.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task GetAsync_WithHeadPipeline_ReadsItsIdAndSha()
    {
        var pipeline = Server.FinishedPipeline();
        Server.HeadPipeline = pipeline;
        var client = TestClients.Create(Server);

        var mr = await client.MergeRequests.GetAsync(TestClients.Project, MergeRequestIid, CancellationToken.None);

        Assert.That((mr.HeadPipeline?.Id, mr.HeadPipeline?.Sha, mr.HeadPipeline?.ProjectId), Is.EqualTo(((long?)pipeline.Id, HeadSha, (long?)ProjectId)));
    }

    [Test]
    public async Task GetAsync_NoPipelineYet_HeadPipelineIsNull()
    {
        var client = TestClients.Create(Server);

        var mr = await client.MergeRequests.GetAsync(TestClients.Project, MergeRequestIid, CancellationToken.None);

        Assert.That(mr.HeadPipeline, Is.Null);
    }
}
