using ImpactBot.Testing.GitHub;

namespace ImpactBot.Cli.Tests.Ci.GitHub;

/// <summary>One fake GitHub server and Actions scenario per test class, reset before each test.</summary>
public abstract class ActionsScenarioFixture
{
    private protected FakeGitHubServer Server { get; private set; } = null!;

    private protected ActionsScenario Scenario { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Server = await FakeGitHubServer.StartAsync();
        Scenario = new ActionsScenario(Server);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        Scenario.Dispose();
        await Server.DisposeAsync();
    }

    [SetUp]
    public void ResetServer()
    {
        Scenario.ResetServer();
        OnReset();
    }

    /// <summary>What a test class sets on the fresh server besides the scenario's defaults.</summary>
    private protected virtual void OnReset()
    {
    }
}
