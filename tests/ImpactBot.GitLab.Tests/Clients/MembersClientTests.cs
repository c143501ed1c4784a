using ImpactBot.GitLab.Models;
using ImpactBot.GitLab.Tests.Fakes;
using static ImpactBot.Testing.GitLab.FakeGitLabServer;

namespace ImpactBot.GitLab.Tests.Clients;

public sealed class MembersClientTests : FakeGitLabTestBase
{
    [Test]
    public async Task GetIncludingInheritedAsync_Member_ReturnsAccessLevel()
    {
        var client = TestClients.Create(Server);

        var member = await client.Members.GetIncludingInheritedAsync(TestClients.Project, Alice.Id, CancellationToken.None);

        Assert.That(member?.AccessLevel, Is.EqualTo(GitLabAccessLevel.Maintainer));
        Assert.That(member?.Username, Is.EqualTo("alice"));
        Assert.That(Server.Requests.Single().Path, Is.EqualTo($"/api/v4/projects/group%2Fsub%2Fproject/members/all/{Alice.Id}"));
    }

    [Test]
    public async Task GetIncludingInheritedAsync_NotAMember_ReturnsNull()
    {
        var client = TestClients.Create(Server);

        var member = await client.Members.GetIncludingInheritedAsync(TestClients.Project, Carol.Id, CancellationToken.None);

        Assert.That(member, Is.Null);
        Assert.That(Server.Requests, Has.Count.EqualTo(1), "a 404 is an answer, not retried");
    }
}
