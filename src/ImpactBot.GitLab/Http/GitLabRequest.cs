using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ImpactBot.GitLab.Http;

/// <summary>One call, replayable: the body is kept as bytes so every attempt sends a fresh message.</summary>
internal sealed record GitLabRequest(HttpMethod Method, string RelativeUrl, GitLabRetryMode RetryMode = GitLabRetryMode.Transient)
{
    /// <summary>Overrides <see cref="RelativeUrl"/> for pages reached through a Link header.</summary>
    public Uri? AbsoluteUrl { get; init; }

    public byte[]? JsonBody { get; init; }

    public static GitLabRequest Json<T>(HttpMethod method, string relativeUrl, T body, JsonTypeInfo<T> type, GitLabRetryMode mode = GitLabRetryMode.Transient) =>
        new(method, relativeUrl, mode) { JsonBody = JsonSerializer.SerializeToUtf8Bytes(body, type) };

    public HttpRequestMessage ToMessage(Uri apiBase)
    {
        var message = new HttpRequestMessage(Method, Resolve(apiBase));
        if (JsonBody is not null)
        {
            message.Content = new ByteArrayContent(JsonBody);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        return message;
    }

    public Uri Resolve(Uri apiBase) => AbsoluteUrl ?? new Uri(apiBase.AbsoluteUri.TrimEnd('/') + "/" + RelativeUrl.TrimStart('/'));
}
