using System.Text;

namespace ImpactBot.Core.Files;

/// <summary>
/// File bytes as text the way File.ReadAllText reads them: UTF-8 with a leading byte order mark dropped, and UTF-16 or
/// UTF-32 when a byte order mark says so. Editors of SSDT projects and Windows tools write those marks; left in, the SQL
/// lexer would see an unexpected character, and UTF-16 read as UTF-8 is noise.
/// </summary>
public static class Utf8Text
{
    private static readonly Encoding[] Marked =
    [
        new UTF32Encoding(bigEndian: false, byteOrderMark: true),
        new UTF32Encoding(bigEndian: true, byteOrderMark: true),
        new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
        new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
    ];

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            return Encoding.UTF8.GetString(bytes[Encoding.UTF8.Preamble.Length..]);
        }

        return MarkedEncoding(bytes) is { } encoding
            ? encoding.GetString(bytes[encoding.Preamble.Length..])
            : Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The UTF-16 or UTF-32 encoding whose byte order mark starts the bytes (their NULs do not make them binary).</summary>
    public static Encoding? MarkedEncoding(ReadOnlySpan<byte> bytes)
    {
        foreach (var encoding in Marked)
        {
            if (bytes.StartsWith(encoding.Preamble))
            {
                return encoding;
            }
        }

        return null;
    }

    /// <summary>Text that could not be decoded holds U+FFFD; its 1-based line, or 0 when the text decoded cleanly.</summary>
    public static int FirstUndecodableLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf('\uFFFD', StringComparison.Ordinal);
        return at < 0 ? 0 : text.AsSpan(0, at).Count('\n') + 1;
    }
}
