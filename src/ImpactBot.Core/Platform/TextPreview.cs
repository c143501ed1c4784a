using System.Text;

namespace ImpactBot.Core.Platform;

/// <summary>
/// A short, single-line, printable prefix of text someone else wrote (a comment, a command argument), for logs and replies:
/// at most <c>max</c> characters, control characters and line breaks as spaces, cut with an ellipsis.
/// </summary>
public static class TextPreview
{
    public const int DefaultLength = 40;

    public static string Of(string? text, int max = DefaultLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(text.Length, max) + 1);
        foreach (var rune in text.EnumerateRunes())
        {
            if (builder.Length >= max)
            {
                return builder.Append('…').ToString();
            }

            var category = Rune.GetUnicodeCategory(rune);
            var invisible = Rune.IsControl(rune) || category is System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator;
            builder.Append(invisible ? " " : rune.ToString());
        }

        return builder.ToString();
    }
}
