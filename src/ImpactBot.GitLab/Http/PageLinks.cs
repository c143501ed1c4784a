using System.Globalization;
using System.Text.RegularExpressions;

namespace ImpactBot.GitLab.Http;

/// <summary>
/// Finds the next page of a list: the x-next-page header (offset pagination; empty on the last page), else the
/// Link rel="next" URL (keyset pagination, and instances behind proxies that drop custom headers).
/// </summary>
internal static partial class PageLinks
{
    /// <summary>
    /// The next page, always on the API's own host: a Link naming another host (a proxy's internal name) is rebased, so
    /// the token is never sent elsewhere.
    /// </summary>
    public static Uri? Next(HttpResponseMessage response, Uri current, Uri apiBase)
    {
        var next = Next(response, current);
        return next is null || SameOrigin(next, apiBase)
            ? next
            : new UriBuilder(next) { Scheme = apiBase.Scheme, Host = apiBase.Host, Port = apiBase.Port }.Uri;
    }

    public static Uri? Next(HttpResponseMessage response, Uri current)
    {
        if (response.Headers.TryGetValues("x-next-page", out var values))
        {
            var next = values.FirstOrDefault()?.Trim();
            return int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0
                ? WithPage(current, page)
                : null;
        }

        if (response.Headers.TryGetValues("Link", out var links))
        {
            foreach (var link in links)
            {
                foreach (Match match in NextLink().Matches(link))
                {
                    return Uri.TryCreate(match.Groups["url"].Value, UriKind.Absolute, out var uri) ? uri : null;
                }
            }
        }

        return null;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static Uri WithPage(Uri current, int page)
    {
        var query = current.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(part => !part.StartsWith("page=", StringComparison.Ordinal))
            .Append("page=" + page.ToString(CultureInfo.InvariantCulture));
        return new UriBuilder(current) { Query = string.Join('&', query) }.Uri;
    }

    [GeneratedRegex("""<(?<url>[^>]+)>\s*;[^,]*\brel\s*=\s*"?next"?""", RegexOptions.IgnoreCase)]
    private static partial Regex NextLink();
}
