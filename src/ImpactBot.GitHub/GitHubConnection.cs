using ImpactBot.GitHub.Errors;
using ImpactBot.GitHub.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Octokit;
using Octokit.Internal;

namespace ImpactBot.GitHub;

/// <summary>
/// One authenticated connection to a GitHub (github.com or Enterprise Server): the Octokit client, the GraphQL endpoint and
/// the resilience pipeline, built once and shared by every <see cref="GitHubReviewPlatform"/> made from it.
/// </summary>
public sealed class GitHubConnection : IDisposable
{
    private readonly HttpClient graphQlHttp;

    public GitHubConnection(GitHubConnectionOptions options, GitHubResilienceOptions? resilience = null, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Token, nameof(options));
        Options = options;
        Time = time ?? TimeProvider.System;
        Logger = logger ?? NullLogger.Instance;
        var resilienceOptions = resilience ?? new GitHubResilienceOptions();
        Resilience = new GitHubResilience(resilienceOptions, Time);

        var product = new ProductHeaderValue(options.ProductName);
        var http = new HttpClientAdapter(() => new AmbientCancellationHandler(HttpMessageHandlerFactory.CreateDefault()));
        var connection = new Connection(product, options.ResolveRestUrl(), new InMemoryCredentialStore(new Credentials(options.Token)), http, new SimpleJsonSerializer());
        Client = new GitHubClient(connection);

        // Polly's attempt timeout cancels first; Octokit's own is only a backstop.
        Client.SetRequestTimeout(resilienceOptions.AttemptTimeout + TimeSpan.FromSeconds(30));
        graphQlHttp = new HttpClient(new AmbientCancellationHandler(new SocketsHttpHandler()), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        GraphQl = new GitHubGraphQlClient(graphQlHttp, options.ResolveGraphQlUrl(), options.Token, options.ProductName);
    }

    public GitHubConnectionOptions Options { get; }

    internal GitHubClient Client { get; }

    internal GitHubGraphQlClient GraphQl { get; }

    internal GitHubResilience Resilience { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    /// <summary>A review platform bound to one pull request.</summary>
    public GitHubReviewPlatform ForPullRequest(string owner, string repository, int number) => new(this, owner, repository, number);

    /// <summary>
    /// The open pull request whose head is <paramref name="headOwner"/>:<paramref name="headBranch"/> at exactly
    /// <paramref name="headSha"/> (GET /repos/{owner}/{repo}/pulls?head=OWNER:BRANCH); null when none matches, e.g. the branch
    /// moved on since the run. The number is found from the base repository, never taken from the run's artifacts.
    /// </summary>
    public async Task<int?> FindPullRequestAsync(string owner, string repository, string headOwner, string headBranch, string headSha, CancellationToken cancellationToken)
    {
        var request = new PullRequestRequest { State = ItemStateFilter.Open, Head = $"{headOwner}:{headBranch}" };
        var pulls = await RunAsync(GitHubOperation.ReadPullRequest, _ => Client.PullRequest.GetAllForRepository(owner, repository, request, new ApiOptions { PageSize = 100 }), cancellationToken).ConfigureAwait(false);
        return pulls.FirstOrDefault(p => string.Equals(p.Head.Sha, headSha, StringComparison.OrdinalIgnoreCase))?.Number;
    }

    /// <summary>Sets a status on a commit when no pull request is known (an event that could not be read).</summary>
    public Task SetCommitStatusAsync(string owner, string repository, Core.Platform.CommitStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var commitStatus = new NewCommitStatus
        {
            State = status.State switch
            {
                Core.Platform.StatusState.Pending => CommitState.Pending,
                Core.Platform.StatusState.Success => CommitState.Success,
                Core.Platform.StatusState.Failure => CommitState.Failure,
                _ => CommitState.Error,
            },
            Context = status.Context,
            Description = status.Description.Length <= 140 ? status.Description : string.Concat(status.Description.AsSpan(0, 139), "…"),
            TargetUrl = status.TargetUrl,
        };
        return RunAsync(GitHubOperation.CreateStatus, _ => Client.Repository.Status.Create(owner, repository, status.Sha, commitStatus), cancellationToken);
    }

    public void Dispose() => graphQlHttp.Dispose();

    internal Task<T> RunAsync<T>(GitHubOperation operation, Func<int, Task<T>> call, CancellationToken cancellationToken) =>
        Resilience.ExecuteAsync(operation, call, cancellationToken);

    internal async Task RunAsync(GitHubOperation operation, Func<int, Task> call, CancellationToken cancellationToken) =>
        await Resilience.ExecuteAsync(
            operation,
            async attempt =>
            {
                await call(attempt).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
}
