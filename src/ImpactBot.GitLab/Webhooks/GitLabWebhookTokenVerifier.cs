using System.Security.Cryptography;
using System.Text;

namespace ImpactBot.GitLab.Webhooks;

/// <summary>
/// Checks the X-Gitlab-Token header against the webhook's secret token in constant time. Both sides are hashed first,
/// so neither the content nor the length of the secret leaks through timing.
/// </summary>
public sealed class GitLabWebhookTokenVerifier
{
    public const string HeaderName = "X-Gitlab-Token";

    private readonly byte[] expectedHash;

    public GitLabWebhookTokenVerifier(string secretToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretToken);
        expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(secretToken));
    }

    public bool Verify(string? headerValue) =>
        headerValue is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(headerValue)), expectedHash);

    public override string ToString() => $"{HeaderName}: ***";
}
