namespace ImpactBot.Core.Config;

/// <summary>"Did you mean" for a mistyped key: the allowed key it most likely meant, or none when nothing is close.</summary>
public static class KeySuggestion
{
    public static string? Closest(string key, IEnumerable<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(allowed);
        var wanted = Normalize(key);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in allowed)
        {
            var distance = Distance(wanted, Normalize(candidate));
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        // Case, '_' for '-' and up to two typos (one for short keys) are likely slips; more is another word.
        return best is not null && bestDistance <= Math.Min(2, Math.Max(1, wanted.Length / 4)) ? best : null;
    }

    /// <summary>The sentence to append to an unknown-key message.</summary>
    public static string Hint(string key, IReadOnlyCollection<string> allowed) =>
        Closest(key, allowed) is { } suggestion
            ? $"did you mean '{suggestion}'? allowed keys: {string.Join(", ", allowed)}"
            : $"allowed keys: {string.Join(", ", allowed)}";

    private static string Normalize(string key) => key.Trim().ToLowerInvariant().Replace('_', '-');

    /// <summary>Levenshtein distance; keys are short, so the quadratic table is a few hundred cells.</summary>
    private static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return a == b ? 0 : int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
