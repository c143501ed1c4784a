using ImpactBot.GitLab.Http;

namespace ImpactBot.GitLab.Tests.Http;

public sealed class PageLinksTests
{
    private static readonly Uri Current = new("https://gitlab.example.com/api/v4/projects/group%2Fproject/merge_requests/7/notes?sort=asc&per_page=100&page=1");

    [Test]
    public void Next_XNextPage_ReplacesThePageKeepingTheEncodedPath()
    {
        using var response = new HttpResponseMessage();
        response.Headers.Add("x-next-page", "2");

        var next = PageLinks.Next(response, Current);

        Assert.That(next?.AbsoluteUri, Is.EqualTo("https://gitlab.example.com/api/v4/projects/group%2Fproject/merge_requests/7/notes?sort=asc&per_page=100&page=2"));
    }

    [Test]
    public void Next_EmptyXNextPage_IsTheLastPageEvenWithALinkHeader()
    {
        using var response = new HttpResponseMessage();
        response.Headers.Add("x-next-page", "");
        response.Headers.Add("Link", "<https://gitlab.example.com/api/v4/x?page=1>; rel=\"first\"");

        Assert.That(PageLinks.Next(response, Current), Is.Null);
    }

    [Test]
    public void Next_LinkHeaderOnly_ReturnsRelNext()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Link",
            "<https://gitlab.example.com/api/v4/n?page=1>; rel=\"prev\", <https://gitlab.example.com/api/v4/n?cursor=abc&page=3>; rel=\"next\", <https://gitlab.example.com/api/v4/n?page=9>; rel=\"last\"");

        Assert.That(PageLinks.Next(response, Current), Is.EqualTo(new Uri("https://gitlab.example.com/api/v4/n?cursor=abc&page=3")));
    }

    [Test]
    public void Next_NoHeaders_IsNull()
    {
        using var response = new HttpResponseMessage();

        Assert.That(PageLinks.Next(response, Current), Is.Null);
    }

    [Test]
    public void Next_LinkToAnotherHost_IsRebasedOntoTheApiHost()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Link", "<http://gitlab-internal:8080/api/v4/n?page=2>; rel=\"next\"");

        var next = PageLinks.Next(response, Current, new Uri("https://gitlab.example.com/api/v4"));

        Assert.That(next, Is.EqualTo(new Uri("https://gitlab.example.com/api/v4/n?page=2")));
    }
}
