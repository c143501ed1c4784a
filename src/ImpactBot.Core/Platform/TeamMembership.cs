namespace ImpactBot.Core.Platform;

/// <summary>Whether a user belongs to a team (GitHub) or group (GitLab), as far as the token can tell.</summary>
public enum TeamMembership
{
    NotMember,
    Member,

    /// <summary>The token may not read the team's members (403): the <c>teams:</c> map decides.</summary>
    Unknown,
}
