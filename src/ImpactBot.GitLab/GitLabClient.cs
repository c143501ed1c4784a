using ImpactBot.GitLab.Clients;
using ImpactBot.GitLab.Http;

namespace ImpactBot.GitLab;

/// <summary>
/// Typed GitLab REST v4 client covering only what ImpactBot calls, one small client per area (Octokit style). All calls
/// share one resilience pipeline (retries, rate-limit waits, circuit breaker, timeouts) built from
/// <see cref="GitLabClientOptions.Resilience"/> at construction.
/// </summary>
public sealed class GitLabClient
{
    /// <param name="httpClient">Owned by the caller. Set its Timeout to infinite: the pipeline enforces the timeouts.</param>
    /// <param name="options">Base URL, credentials, resilience settings.</param>
    /// <param name="timeProvider">Clock for delays and timeouts; <see cref="TimeProvider.System"/> when null.</param>
    public GitLabClient(HttpClient httpClient, GitLabClientOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        var connection = new GitLabConnection(httpClient, options, timeProvider ?? TimeProvider.System);
        Options = options;
        Users = new UsersClient(connection);
        MergeRequests = new MergeRequestsClient(connection);
        Notes = new NotesClient(connection, Users);
        AwardEmoji = new AwardEmojiClient(connection);
        Statuses = new StatusesClient(connection);
        Pipelines = new PipelinesClient(connection);
        Members = new MembersClient(connection);
        RepositoryFiles = new RepositoryFilesClient(connection);
    }

    public GitLabClientOptions Options { get; }

    public UsersClient Users { get; }

    public MergeRequestsClient MergeRequests { get; }

    public NotesClient Notes { get; }

    public AwardEmojiClient AwardEmoji { get; }

    public StatusesClient Statuses { get; }

    public PipelinesClient Pipelines { get; }

    public MembersClient Members { get; }

    public RepositoryFilesClient RepositoryFiles { get; }
}
