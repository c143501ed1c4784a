using System.Globalization;
using System.Text;

namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>A stable 64-bit FNV-1a hash of canonical text, as 16 hex digits. Not cryptographic: it only detects changes.</summary>
internal static class Fingerprint
{
    public static string Of(StringBuilder text)
    {
        var hash = 14695981039346656037UL;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    public static string Of(string text) => Of(new StringBuilder(text));
}
