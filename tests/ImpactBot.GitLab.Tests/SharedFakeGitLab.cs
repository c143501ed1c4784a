using ImpactBot.GitLab.Tests.Fakes;

namespace ImpactBot.GitLab.Tests;

/// <summary>Starts the fake GitLab once for the whole assembly.</summary>
[SetUpFixture]
public sealed class SharedFakeGitLab
{
    private static FakeGitLabServer? server;

    public static FakeGitLabServer Server => server ?? throw new InvalidOperationException("The fake GitLab is not running.");

    [OneTimeSetUp]
    public async Task StartAsync() => server = await FakeGitLabServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
