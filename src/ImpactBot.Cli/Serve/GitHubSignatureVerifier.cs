using System.Security.Cryptography;
using System.Text;

namespace ImpactBot.Cli.Serve;

/// <summary>Checks X-Hub-Signature-256 ("sha256=" + hex HMAC-SHA256 of the raw body with the webhook secret) in constant time.</summary>
internal sealed class GitHubSignatureVerifier(string secret)
{
    public const string HeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    private readonly byte[] key = Encoding.UTF8.GetBytes(secret);

    public bool Verify(ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, body), given);
    }

    /// <summary>The header value GitHub would send for <paramref name="body"/>.</summary>
    public string Sign(ReadOnlySpan<byte> body) => Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(key, body));

    public override string ToString() => $"{HeaderName}: ***";
}
