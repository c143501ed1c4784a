using System.Security.Cryptography;
using System.Text;

namespace ImpactBot.Core.Graph;

/// <summary>Short stable hashes for cache keys and fingerprints (64 bits of SHA-256, hex).</summary>
public static class ContentHash
{
    public static string Of(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    public static string Of(params ReadOnlySpan<string?> parts) => Of(string.Join('\u001f', parts.ToArray()));
}
