using System.Collections.Immutable;
using ImpactBot.Core.Config;
using ImpactBot.Core.Platform;

namespace ImpactBot.Core.Publishing;

/// <summary>
/// Decides whether an account's acknowledgement of an item counts under the repository's <c>acknowledge</c> policy. Owners are
/// compared by login, team owners through the platform's team API, else the <c>teams:</c> map. Every answer from the platform
/// is kept for the run, so each account and team is asked about once.
/// </summary>
public sealed class AcknowledgementRules(IReviewPlatform platform, AcknowledgePolicy policy, ImmutableDictionary<string, ImmutableArray<string>>? teams = null)
{
    private readonly ImmutableDictionary<string, ImmutableArray<string>> teams = teams ?? ImpactBotConfig.Default.Teams;
    private readonly Dictionary<string, AccessLevel> access = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Team, string User), TeamMembership> memberships = [];

    public AcknowledgePolicy Policy => policy;

    /// <summary>The rules of a repository's <c>.impactbot.yml</c>.</summary>
    public static AcknowledgementRules For(IReviewPlatform platform, ImpactBotConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new(platform, config.Acknowledge, config.Teams);
    }

    /// <summary>null when <paramref name="login"/>'s acknowledgement of <paramref name="item"/> counts, else why not.</summary>
    /// <param name="byCommand">
    /// An <c>/impact ack</c> command: under anyone-with-write it needs write access. A tick needs none checked: the platform let
    /// the account edit the comment (GitHub write, GitLab Maintainer). Owners count whatever their access.
    /// </param>
    public async Task<AckRefusal?> CheckAsync(string login, ChecklistItem item, bool byCommand, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(login);
        ArgumentNullException.ThrowIfNull(item);
        login = login.TrimStart('@');
        if (policy == AcknowledgePolicy.AnyoneWithWrite)
        {
            return !byCommand || await AccessAsync(login, cancellationToken).ConfigureAwait(false) >= AccessLevel.Write ? null : AckRefusal.NoWrite;
        }

        var owners = item.Owners.Where(o => o.StartsWith('@')).ToList();
        if (owners.Any(o => string.Equals(o.TrimStart('@'), login, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var maintainersCount = policy == AcknowledgePolicy.OwnersOrMaintainers || owners.Count == 0;
        if (maintainersCount && await AccessAsync(login, cancellationToken).ConfigureAwait(false) >= AccessLevel.Maintain)
        {
            return null;
        }

        var unreadable = false;
        foreach (var owner in owners)
        {
            var listed = teams.TryGetValue(owner, out var members);
            if (listed && members.Contains(login, StringComparer.OrdinalIgnoreCase))
            {
                return null;
            }

            var membership = await MembershipAsync(owner, login, cancellationToken).ConfigureAwait(false);
            if (membership == TeamMembership.Member)
            {
                return null;
            }

            unreadable |= membership == TeamMembership.Unknown && !listed;
        }

        return unreadable ? AckRefusal.TeamUnreadable : maintainersCount ? AckRefusal.NotOwnerOrMaintainer : AckRefusal.NotOwner;
    }

    private async Task<AccessLevel> AccessAsync(string login, CancellationToken cancellationToken)
    {
        if (!access.TryGetValue(login, out var level))
        {
            level = await platform.GetAccessLevelAsync(login, cancellationToken).ConfigureAwait(false);
            access[login] = level;
        }

        return level;
    }

    private async Task<TeamMembership> MembershipAsync(string team, string login, CancellationToken cancellationToken)
    {
        var key = (team.ToLowerInvariant(), login.ToLowerInvariant());
        if (!memberships.TryGetValue(key, out var membership))
        {
            membership = await platform.GetTeamMembershipAsync(team, login, cancellationToken).ConfigureAwait(false);
            memberships[key] = membership;
        }

        return membership;
    }
}
