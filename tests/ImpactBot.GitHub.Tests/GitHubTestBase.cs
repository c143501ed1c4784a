using ImpactBot.Testing.GitHub;

namespace ImpactBot.GitHub.Tests;

/// <summary>One fake GitHub per fixture, reset before each test; every request the adapter sent must match GitHub's REST description.</summary>
public abstract class GitHubTestBase
{
    protected const string Token = "ghs_secretTokenValue1234567890";
    protected const int PullNumber = 7;

    /// <summary>No waiting between retries; limits small enough to keep failing tests fast.</summary>
    protected static readonly GitHubResilienceOptions Fast = new()
    {
        MaxRetries = 3,
        BaseDelay = TimeSpan.Zero,
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalBudget = TimeSpan.FromMinutes(10),
        RateLimitResetMargin = TimeSpan.Zero,
        SecondaryLimitDefaultWait = TimeSpan.Zero,
        BreakerThreshold = 100,
    };

    private readonly List<IDisposable> disposables = [];

    protected FakeGitHubServer Server { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartServerAsync() => Server = await FakeGitHubServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServerAsync() => await Server.DisposeAsync();

    [SetUp]
    public void ResetServer()
    {
        Server.Reset();
        Server.PullRequests[PullNumber] = new FakePullRequest(PullNumber, "headsha1", "basesha1");
    }

    [TearDown]
    public void CheckRequests()
    {
        try
        {
            if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Passed)
            {
                OpenApiOperations.AssertConform(Server.Requests);
                Assert.That(Server.Requests.Select(r => r.Authorization), Is.All.EqualTo("Token " + Token).Or.EqualTo("Bearer " + Token));
            }
        }
        finally
        {
            disposables.ForEach(d => d.Dispose());
            disposables.Clear();
        }
    }

    protected GitHubConnection Connect(GitHubResilienceOptions? resilience = null, TimeProvider? time = null, Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        var connection = new GitHubConnection(new GitHubConnectionOptions(Server.ApiUrl, Token), resilience ?? Fast, time, logger);
        disposables.Add(connection);
        return connection;
    }

    protected GitHubReviewPlatform Platform(GitHubResilienceOptions? resilience = null, TimeProvider? time = null) =>
        Connect(resilience, time).ForPullRequest(Server.Owner, Server.Repo, PullNumber);

    protected static string Fixture(params string[] parts) =>
        File.ReadAllText(Path.Combine([TestContext.CurrentContext.TestDirectory, "Fixtures", .. parts]));
}
