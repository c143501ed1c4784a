using System.Text;

namespace ImpactBot.Core.Files;

/// <summary>
/// File bytes as text the way File.ReadAllText reads them: UTF-8 with a leading byte order mark dropped. Editors of SSDT
/// projects and Windows tools write that mark; left in, the SQL lexer would see it as an unexpected character.
/// </summary>
public static class Utf8Text
{
    public static string Decode(ReadOnlySpan<byte> bytes) =>
        Encoding.UTF8.GetString(bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes);
}
