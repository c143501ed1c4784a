namespace ImpactBot.GitLab.Tests;

public sealed class GitLabCredentialsTests
{
    [Test]
    public void ToString_PrivateToken_HidesTheToken() =>
        Assert.That(GitLabCredentials.PrivateToken("glpat-secret").ToString(), Is.EqualTo("PRIVATE-TOKEN: ***"));

    [Test]
    public void ToString_JobToken_HidesTheToken() =>
        Assert.That(GitLabCredentials.JobToken("glcbt-secret").ToString(), Is.EqualTo("JOB-TOKEN: ***"));

    [Test]
    public void Options_Printed_DoNotShowTheToken()
    {
        var options = new GitLabClientOptions(new Uri("https://gitlab.example.com/api/v4"), GitLabCredentials.PrivateToken("glpat-secret"));

        Assert.That(options.ToString(), Does.Not.Contain("glpat-secret"));
    }
}
