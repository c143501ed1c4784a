namespace ImpactBot.GitHub.Tests;

public sealed class GitHubConnectionOptionsTests
{
    [TestCase("https://api.github.com", "https://api.github.com/", "https://api.github.com/graphql")]
    [TestCase("https://ghe.example.com/api/v3", "https://ghe.example.com/api/v3/", "https://ghe.example.com/api/graphql")]
    [TestCase("https://ghe.example.com/api/v3/", "https://ghe.example.com/api/v3/", "https://ghe.example.com/api/graphql")]
    [TestCase("https://ghe.example.com", "https://ghe.example.com/api/v3/", "https://ghe.example.com/api/graphql")]
    public void Resolve_ApiUrl_GivesRestAndGraphQlEndpoints(string apiUrl, string rest, string graphQl)
    {
        var options = new GitHubConnectionOptions(new Uri(apiUrl), "t");

        Assert.That((options.ResolveRestUrl().ToString(), options.ResolveGraphQlUrl().ToString()), Is.EqualTo((rest, graphQl)));
    }

    [Test]
    public void ToString_Options_HidesToken() =>
        Assert.That(new GitHubConnectionOptions(new Uri("https://api.github.com"), "ghp_secret").ToString(), Does.Not.Contain("ghp_secret"));
}
