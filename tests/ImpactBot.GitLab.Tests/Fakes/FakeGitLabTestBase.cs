namespace ImpactBot.GitLab.Tests.Fakes;

/// <summary>One fake GitLab per fixture (starting Kestrel per test is slow), reset before every test.</summary>
public abstract class FakeGitLabTestBase
{
    protected FakeGitLabServer Server { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartServerAsync() => Server = await FakeGitLabServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServerAsync() => await Server.DisposeAsync();

    [SetUp]
    public void ResetServer() => Server.Reset();
}
