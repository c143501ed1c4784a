namespace ImpactBot.Core.Publishing;

/// <summary>Why an acknowledgement did not count; written into the item's hidden marker as <c>why=</c>.</summary>
public enum AckRefusal
{
    /// <summary><c>acknowledge: owners</c> and the account is not an owner (nor a member of an owning team).</summary>
    NotOwner,

    /// <summary>Neither an owner (nor a member of an owning team) nor a maintainer.</summary>
    NotOwnerOrMaintainer,

    /// <summary>An owning team's members could not be read (403) and <c>teams:</c> does not list the account.</summary>
    TeamUnreadable,

    /// <summary><c>/impact ack</c> needs write (Developer) access.</summary>
    NoWrite,
}
