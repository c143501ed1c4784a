using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace ImpactBot.Core.Publishing;

/// <summary>
/// <c>/impact ack ID [ID …]</c> or <c>/impact ack all</c> on the first line of a comment: acknowledges checklist items by the
/// short id each item shows (any unambiguous prefix of its id, at least 4 characters), or every item the author may acknowledge.
/// </summary>
public sealed partial record AckCommand(ImmutableArray<string> Ids, bool All)
{
    public const int MinIdLength = 4;

    /// <summary>null when the comment is not an <c>/impact ack</c> command; else the command or what is wrong with it.</summary>
    public static (AckCommand? Command, string? Error)? Parse(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        var end = body.IndexOf('\n', StringComparison.Ordinal);
        var match = Line().Match((end < 0 ? body : body[..end]).Trim());
        if (!match.Success)
        {
            return null;
        }

        var words = match.Groups["args"].Value.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('`')).Where(w => w.Length > 0).ToList();
        if (words.Count == 1 && words[0].Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return (new AckCommand([], All: true), null);
        }

        if (words.Count == 0)
        {
            return (null, "`/impact ack` needs the ids shown on the items (`/impact ack 5750cd0 ccd7b9e`) or `all`");
        }

        if (words.FirstOrDefault(w => w.Length < MinIdLength || w.Length > 64 || !w.All(char.IsAsciiHexDigit)) is { } bad)
        {
            return (null, $"`{Platform.TextPreview.Of(bad.Replace("`", "", StringComparison.Ordinal), 20)}` is not an item id; use the ids shown on the items (at least {MinIdLength} hex characters) or `all`");
        }

        return (new AckCommand([.. words.Select(w => w.ToLowerInvariant()).Distinct()], All: false), null);
    }

    [GeneratedRegex(@"^/impact\s+ack\b(?<args>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Line();
}
