namespace ImpactBot.GitHub.Events;

public enum GitHubTriggerKind
{
    /// <summary>A pull request was opened, pushed to, reopened or marked ready: analyse and publish.</summary>
    PullRequest,

    /// <summary>A pull request comment whose first line is <c>/impact</c> or <c>/impact full</c>.</summary>
    SlashCommand,

    /// <summary>
    /// A pull request comment whose first line is <c>/impact ack ID…</c> or <c>/impact ack all</c>: acknowledge items as the
    /// comment's author (<see cref="GitHubTrigger.Ack"/>, or <see cref="GitHubTrigger.AckError"/> when it cannot be read).
    /// </summary>
    AckCommand,

    /// <summary>Someone changed checkboxes in a report comment: re-evaluate the status only.</summary>
    ChecklistEdit,

    /// <summary>
    /// A <c>workflow_run</c> completed for a <c>pull_request</c> run (the fork-safe two-workflow pattern): the pull request is
    /// found from the run's head (<see cref="GitHubTrigger.HeadSha"/>, <see cref="GitHubTrigger.HeadRef"/>, owner) through
    /// the API, then analysed with the base repository's token. Nothing from the fork's run is trusted.
    /// </summary>
    WorkflowRun,

    /// <summary>Nothing to do; <see cref="GitHubTrigger.IgnoredReason"/> says why.</summary>
    Ignored,

    /// <summary>
    /// An event the bot handles whose payload it cannot read (not JSON, wrong types, a missing pull request):
    /// <see cref="GitHubTrigger.IgnoredReason"/> says what is wrong, <see cref="GitHubTrigger.HeadSha"/> holds the head when it could be read.
    /// </summary>
    Malformed,
}

/// <summary>
/// What an Actions event asks the bot to do. The comment author is not verified here: the caller must check that a
/// <see cref="GitHubTriggerKind.ChecklistEdit"/> concerns the bot's own comment and that a slash command's sender may run it.
/// </summary>
public sealed record GitHubTrigger(GitHubTriggerKind Kind, string Owner, string Repository, int Number)
{
    public string? EventName { get; init; }

    public string? Action { get; init; }

    /// <summary><c>/impact full</c>.</summary>
    public bool Full { get; init; }

    public string? IgnoredReason { get; init; }

    /// <summary>The <c>/impact ack</c> command of an <see cref="GitHubTriggerKind.AckCommand"/>.</summary>
    public Core.Publishing.AckCommand? Ack { get; init; }

    /// <summary>What is wrong with an <c>/impact ack</c> command that cannot be read (to tell its author).</summary>
    public string? AckError { get; init; }

    public string? HeadSha { get; init; }

    public string? BaseSha { get; init; }

    public string? BaseRef { get; init; }

    /// <summary>The head branch (workflow_run's head_branch).</summary>
    public string? HeadRef { get; init; }

    /// <summary>owner/name of the head repository; differs from the base for forks.</summary>
    public string? HeadRepositoryFullName { get; init; }

    /// <summary>The login owning the head repository (what GitHub's <c>head=OWNER:BRANCH</c> filter takes).</summary>
    public string? HeadRepositoryOwner { get; init; }

    public bool IsDraft { get; init; }

    public long? CommentId { get; init; }

    public string? CommentBody { get; init; }

    public string? CommentAuthor { get; init; }

    /// <summary>The comment's page (html_url), for status links.</summary>
    public string? CommentUrl { get; init; }

    /// <summary>The body before an edit (<c>changes.body.from</c>).</summary>
    public string? PreviousBody { get; init; }

    public string? Sender { get; init; }

    public static GitHubTrigger Ignore(string reason, string owner = "", string repository = "", int number = 0) =>
        new(GitHubTriggerKind.Ignored, owner, repository, number) { IgnoredReason = reason };

    public static GitHubTrigger Malformed(string reason) =>
        new(GitHubTriggerKind.Malformed, "", "", 0) { IgnoredReason = reason };
}
