namespace ImpactBot.GitHub.Errors;

/// <summary>What a call was doing and which token permission it needs; both go into error messages.</summary>
internal sealed record GitHubOperation(string Description, string Permission)
{
    public static readonly GitHubOperation CurrentUser = new("read the authenticated user", "(none: a user or app token)");
    public static readonly GitHubOperation ListComments = new("list the pull request's comments", "pull-requests: read");
    public static readonly GitHubOperation CreateComment = new("create a comment", "pull-requests: write");
    public static readonly GitHubOperation UpdateComment = new("update a comment", "pull-requests: write");
    public static readonly GitHubOperation DeleteComment = new("delete a comment", "pull-requests: write");
    public static readonly GitHubOperation HideComment = new("hide (minimize) a comment", "pull-requests: write");
    public static readonly GitHubOperation AddReaction = new("react to a comment", "pull-requests: write");
    public static readonly GitHubOperation ReadPermission = new("read a user's repository permission", "metadata: read");
    public static readonly GitHubOperation ReadTeamMembership = new("read a team's membership", "members: read (organization; a GitHub App or a token with read:org)");
    public static readonly GitHubOperation CreateCheckRun = new("create a check run", "checks: write");
    public static readonly GitHubOperation CreateStatus = new("create a commit status", "statuses: write");
    public static readonly GitHubOperation ReadPullRequest = new("read the pull request", "pull-requests: read");
    public static readonly GitHubOperation ReadFile = new("read a repository file", "contents: read");
}
