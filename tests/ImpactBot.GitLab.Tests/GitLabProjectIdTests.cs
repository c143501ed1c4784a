namespace ImpactBot.GitLab.Tests;

public sealed class GitLabProjectIdTests
{
    [TestCase("group/sub/project", "group%2Fsub%2Fproject")]
    [TestCase("/group/project/", "group%2Fproject")]
    [TestCase("42", "42")]
    [TestCase("my group/a.b-c_d", "my%20group%2Fa.b-c_d")]
    public void Parse_IdOrPath_EncodesAsOneSegment(string input, string encoded) =>
        Assert.That(GitLabProjectId.Parse(input).Encoded, Is.EqualTo(encoded));

    [Test]
    public void FromId_Number_IsItsDecimalText() =>
        Assert.That(GitLabProjectId.FromId(1234567).ToString(), Is.EqualTo("1234567"));

    [TestCase("")]
    [TestCase("  ")]
    public void Parse_Blank_Throws(string input) =>
        Assert.Throws<ArgumentException>(() => GitLabProjectId.Parse(input));
}
