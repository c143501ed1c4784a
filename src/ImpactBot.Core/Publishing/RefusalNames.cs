namespace ImpactBot.Core.Publishing;

/// <summary>The names of <see cref="AckRefusal"/> in hidden markers, and the reason shown in the comment.</summary>
public static class RefusalNames
{
    public static string Name(AckRefusal refusal) => refusal switch
    {
        AckRefusal.NotOwner => "owner",
        AckRefusal.NotOwnerOrMaintainer => "owner-maint",
        AckRefusal.TeamUnreadable => "team",
        _ => "write",
    };

    public static bool TryParse(string text, out AckRefusal refusal)
    {
        foreach (var value in Enum.GetValues<AckRefusal>())
        {
            if (Name(value) == text)
            {
                refusal = value;
                return true;
            }
        }

        refusal = default;
        return false;
    }

    /// <summary>What to tell the person, e.g. "not an owner of `@acme/crm`; ask a member or a maintainer".</summary>
    public static string Reason(AckRefusal refusal, IReadOnlyCollection<string> owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        var handles = owners.Where(o => o.StartsWith('@')).ToList();
        var named = string.Join(", ", handles.Take(3).Select(h => $"`{h}`")) + (handles.Count > 3 ? ", …" : "");
        var ask = handles.Any(h => h.Contains('/', StringComparison.Ordinal)) ? "a member" : "an owner";
        return refusal switch
        {
            AckRefusal.NoWrite => "`/impact ack` needs write (Developer) access",
            _ when handles.Count == 0 => "the item has no owners, so only a maintainer may acknowledge it",
            AckRefusal.NotOwner => $"not an owner of {named}; ask {ask}",
            AckRefusal.NotOwnerOrMaintainer => $"not an owner of {named}; ask {ask} or a maintainer",
            _ => $"the members of {named} cannot be read with this token and `teams:` in .impactbot.yml does not list them",
        };
    }
}
