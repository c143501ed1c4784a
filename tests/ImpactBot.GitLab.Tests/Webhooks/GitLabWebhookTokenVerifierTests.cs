using ImpactBot.GitLab.Webhooks;

namespace ImpactBot.GitLab.Tests.Webhooks;

public sealed class GitLabWebhookTokenVerifierTests
{
    private readonly GitLabWebhookTokenVerifier verifier = new("s3cret-webhook-token");

    [Test]
    public void Verify_SameToken_IsTrue() => Assert.That(verifier.Verify("s3cret-webhook-token"), Is.True);

    [TestCase("s3cret-webhook-tokeN")]
    [TestCase("s3cret-webhook-token ")]
    [TestCase("s3cret")]
    [TestCase("")]
    [TestCase(null)]
    public void Verify_OtherOrMissingToken_IsFalse(string? header) => Assert.That(verifier.Verify(header), Is.False);

    [Test]
    public void ToString_Verifier_HidesTheSecret() => Assert.That(verifier.ToString(), Does.Not.Contain("s3cret"));

    [Test]
    public void Constructor_EmptySecret_Throws() => Assert.Throws<ArgumentException>(() => _ = new GitLabWebhookTokenVerifier(""));
}
