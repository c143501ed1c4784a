using ImpactBot.GitLab.Errors;
using ImpactBot.GitLab.Tests.Fakes;
using static ImpactBot.Testing.GitLab.FakeGitLabServer;

namespace ImpactBot.GitLab.Tests.Http;

public sealed class GitLabConnectionTests : FakeGitLabTestBase
{
    [Test]
    public void GetAllPages_MorePagesThanAllowed_StopsWithAClearError()
    {
        Enumerable.Range(1, 5).ToList().ForEach(i => Server.AddNote(Alice, $"note {i}"));
        var options = TestClients.Options(Server.ApiBaseUrl, pageSize: 1) with { MaxPages = 2 };
        using var http = new HttpClient();
        var client = new GitLabClient(http, options);

        var ex = Assert.ThrowsAsync<GitLabApiException>(() => client.Notes.ListAsync(TestClients.Project, MergeRequestIid, CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("more than 2 pages"));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void Get_SuccessWithAnHtmlPage_SaysTheUrlIsProbablyWrong()
    {
        Server.Inject(FakeRoutes.MergeRequest, Fault.Status(200, "<html><body>Sign in</body></html>"));
        var client = TestClients.Create(Server);

        var ex = Assert.ThrowsAsync<GitLabApiException>(() => client.MergeRequests.GetAsync(TestClients.Project, MergeRequestIid, CancellationToken.None));

        Assert.That(ex!.Message, Does.StartWith("GitLab GET /api/v4/projects/group%2Fsub%2Fproject/merge_requests/7 answered 200 with a body that is not the expected JSON"));
        Assert.That(ex.Message, Does.Contain("CI_API_V4_URL"));
    }

    [Test]
    public void Get_ApiBaseWithTrailingSlash_BuildsTheSamePaths()
    {
        using var http = new HttpClient();
        var client = new GitLabClient(http, TestClients.Options(new Uri(Server.ApiBaseUrl + "/")));

        Assert.DoesNotThrowAsync(() => client.Users.GetCurrentAsync(CancellationToken.None));
        Assert.That(Server.Requests.Single().Path, Is.EqualTo("/api/v4/user"));
    }
}
