using ImpactBot.GitLab.Errors;

namespace ImpactBot.GitLab.Tests.Errors;

public sealed class GitLabErrorBodyTests
{
    [TestCase("""{"message":"404 Project Not Found"}""", "404 Project Not Found")]
    [TestCase("""{"message":{"note":["is too long (maximum is 1000000 characters)"]}}""", "note is too long (maximum is 1000000 characters)")]
    [TestCase("""{"message":{"name":["can't be blank"],"base":["x","y"]}}""", "name can't be blank; base x, y")]
    [TestCase("""{"message":["first","second"]}""", "first, second")]
    [TestCase("""{"error":"insufficient_scope","error_description":"The request requires higher privileges."}""", "insufficient_scope: The request requires higher privileges.")]
    [TestCase("""{"error":"state does not have a valid value"}""", "state does not have a valid value")]
    [TestCase("Retry later\n", "Retry later")]
    public void ReadMessage_Body_ReturnsGitLabsText(string body, string expected) =>
        Assert.That(GitLabErrorBody.ReadMessage(body), Is.EqualTo(expected));

    [TestCase("")]
    [TestCase(null)]
    [TestCase("<html><body><h1>502 Bad Gateway</h1></body></html>")]
    [TestCase("""{"unrelated":true}""")]
    public void ReadMessage_NoMessage_ReturnsNull(string? body) =>
        Assert.That(GitLabErrorBody.ReadMessage(body), Is.Null);

    [Test]
    public void ReadMessage_HugeText_IsShortened() =>
        Assert.That(GitLabErrorBody.ReadMessage(new string('x', 5000)), Has.Length.EqualTo(503));
}
