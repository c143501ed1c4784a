namespace ImpactBot.GitLab.Tests.Fakes;

/// <summary>Fixtures share one fake GitLab (starting Kestrel per test is slow); it is reset before every test.</summary>
public abstract class FakeGitLabTestBase
{
    protected static FakeGitLabServer Server => SharedFakeGitLab.Server;

    [SetUp]
    public void ResetServer() => Server.Reset();
}
