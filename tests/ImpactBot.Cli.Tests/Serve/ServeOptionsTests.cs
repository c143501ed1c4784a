using ImpactBot.Cli.Serve;
using ImpactBot.Core.Config;

namespace ImpactBot.Cli.Tests.Serve;

public sealed class ServeOptionsTests
{
    [Test]
    public void FromEnvironment_GitLabOnly_ReadsSettingsAndDefaults()
    {
        var options = ServeOptions.FromEnvironment(
            new Dictionary<string, string>
            {
                ["IMPACTBOT_GITLAB_URL"] = "https://gitlab.example.com/api/v4",
                ["IMPACTBOT_GITLAB_TOKEN"] = "glpat-secret",
                ["IMPACTBOT_GITLAB_WEBHOOK_SECRET"] = "hook-secret",
                ["IMPACTBOT_FAIL_ON"] = "values",
            },
            urls: null);

        Assert.That((options.Urls, options.GitLabEnabled, options.GitHubEnabled, options.FailOn, options.StatusName), Is.EqualTo((ServeOptions.DefaultUrls, true, false, FailOn.Values, "impactbot")));
        Assert.That(options.ToString(), Does.Not.Contain("glpat-secret").And.Not.Contain("hook-secret"));
    }

    [Test]
    public void FromEnvironment_NoFailOn_LeavesItToTheRepositoryConfig()
    {
        var options = ServeOptions.FromEnvironment(
            new Dictionary<string, string> { ["IMPACTBOT_GITHUB_TOKEN"] = "ghp_secret", ["IMPACTBOT_GITHUB_WEBHOOK_SECRET"] = "hook-secret" },
            urls: null);

        Assert.That(options.FailOn, Is.Null);
        Assert.That(options.ToString(), Does.Contain("FailOn = (.impactbot.yml)"));
    }

    [Test]
    public void FromEnvironment_GitLabWithoutSecret_ThrowsUsage()
    {
        var env = new Dictionary<string, string> { ["IMPACTBOT_GITLAB_URL"] = "https://gitlab.example.com/api/v4", ["IMPACTBOT_GITLAB_TOKEN"] = "t" };

        Assert.That(() => ServeOptions.FromEnvironment(env, "http://127.0.0.1:9000"), Throws.TypeOf<UsageException>().With.Message.Contains("IMPACTBOT_GITLAB_WEBHOOK_SECRET"));
    }

    [Test]
    public void FromEnvironment_NothingConfigured_ThrowsUsage() =>
        Assert.That(() => ServeOptions.FromEnvironment(new Dictionary<string, string>(), null), Throws.TypeOf<UsageException>());
}
