using System.Text.Json;
using ImpactBot.GitLab.Errors;
using ImpactBot.GitLab.Models;
using ImpactBot.GitLab.Tests.Fakes;
using static ImpactBot.Testing.GitLab.FakeGitLabServer;

namespace ImpactBot.GitLab.Tests.Clients;

public sealed class StatusesClientTests : FakeGitLabTestBase
{
    private const string TransitionFromRunning =
        """{"message":"Cannot transition status via :run from :running (Reason(s): Status cannot transition via \"run\")"}""";

    [Test]
    public async Task SetAsync_AllFields_SendsThemAndStoresTheStatus()
    {
        var client = TestClients.Create(Server);
        var update = new GitLabCommitStatusUpdate(HeadSha, GitLabCommitState.Success, "impactbot")
        {
            Description = "2 breaking impacts acknowledged",
            TargetUrl = "https://gitlab.example.com/group/sub/project/-/merge_requests/7#note_1",
            PipelineId = 9001,
        };

        var status = await client.Statuses.SetAsync(TestClients.Project, update, CancellationToken.None);

        Assert.That(status?.Status, Is.EqualTo("success"));
        var stored = Server.Statuses.Single();
        Assert.That((stored.Sha, stored.Name, stored.Status, stored.Description, stored.TargetUrl, stored.PipelineId),
            Is.EqualTo((HeadSha, "impactbot", "success", update.Description, update.TargetUrl, (long?)9001)));
        var sent = JsonDocument.Parse(Server.Requests.Single().Body).RootElement;
        Assert.That(sent.GetProperty("state").GetString(), Is.EqualTo("success"));
        Assert.That(sent.GetProperty("pipeline_id").GetInt64(), Is.EqualTo(9001));
        Assert.That(sent.TryGetProperty("ref", out _), Is.False, "unset fields are left out");
    }

    [Test]
    public async Task SetAsync_PendingThenSuccess_MovesTheSameStatus()
    {
        var client = TestClients.Create(Server);

        await client.Statuses.SetAsync(TestClients.Project, new(HeadSha, GitLabCommitState.Pending, "impactbot"), CancellationToken.None);
        await client.Statuses.SetAsync(TestClients.Project, new(HeadSha, GitLabCommitState.Success, "impactbot"), CancellationToken.None);

        Assert.That(Server.Statuses.Select(s => s.Status), Is.EqualTo(new[] { "success" }));
    }

    [TestCase(GitLabCommitState.Pending)]
    [TestCase(GitLabCommitState.Running)]
    public async Task SetAsync_SameUnfinishedStateTwice_SecondIsANoOp(GitLabCommitState state)
    {
        var client = TestClients.Create(Server);
        await client.Statuses.SetAsync(TestClients.Project, new(HeadSha, state, "impactbot"), CancellationToken.None);

        var again = await client.Statuses.SetAsync(TestClients.Project, new(HeadSha, state, "impactbot"), CancellationToken.None);

        Assert.That(again, Is.Null);
        Assert.That(Server.Statuses, Has.Count.EqualTo(1));
        Assert.That(Server.Requests, Has.Count.EqualTo(2), "a refused repeat is not retried");
    }

    [Test]
    public async Task SetAsync_409TransitionFromTheRequestedState_IsSuccess()
    {
        Server.Inject(FakeRoutes.SetStatus, Fault.Status(409, TransitionFromRunning));
        var client = TestClients.Create(Server);

        var result = await client.Statuses.SetAsync(TestClients.Project, new(HeadSha, GitLabCommitState.Running, "impactbot"), CancellationToken.None);

        Assert.That(result, Is.Null);
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SetAsync_409ConflictOnce_RetriesOnceAndSucceeds()
    {
        Server.Inject(FakeRoutes.SetStatus, Fault.Status(409, """{"message":"409 Conflict"}"""));
        var client = TestClients.Create(Server);

        await client.Statuses.SetAsync(TestClients.Project, new(HeadSha, GitLabCommitState.Failed, "impactbot"), CancellationToken.None);

        Assert.That(Server.Statuses.Single().Status, Is.EqualTo("failed"));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void SetAsync_409ConflictTwice_ThrowsConflict()
    {
        Server.Inject(FakeRoutes.SetStatus, Fault.Status(409), Fault.Status(409));
        var client = TestClients.Create(Server);

        var ex = Assert.ThrowsAsync<GitLabConflictException>(
            () => client.Statuses.SetAsync(TestClients.Project, new(HeadSha, GitLabCommitState.Success, "impactbot"), CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain($"POST /api/v4/projects/group%2Fsub%2Fproject/statuses/{HeadSha}"));
        Assert.That(Server.Statuses, Is.Empty);
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task SetAsync_ServerErrorOnce_RetriesAndSucceeds()
    {
        Server.Inject(FakeRoutes.SetStatus, Fault.Status(500));
        var client = TestClients.Create(Server);

        await client.Statuses.SetAsync(TestClients.Project, new(HeadSha, GitLabCommitState.Success, "impactbot"), CancellationToken.None);

        Assert.That(Server.Statuses.Single().Status, Is.EqualTo("success"));
    }

    [Test]
    public async Task SetAsync_DescriptionOver255Characters_IsShortened()
    {
        var client = TestClients.Create(Server);

        await client.Statuses.SetAsync(
            TestClients.Project, new(HeadSha, GitLabCommitState.Failed, "impactbot") { Description = new string('d', 400) }, CancellationToken.None);

        Assert.That(Server.Statuses.Single().Description, Has.Length.EqualTo(255));
    }
}
