namespace ImpactBot.Core.Report;

/// <summary>
/// Platform differences of the markdown report: the comment size limit and how to link a file line
/// (GitHub <c>/blob/sha/path#L10</c>, GitLab <c>/-/blob/sha/path#L10</c>). Without a link builder, files print as code.
/// </summary>
public sealed record MarkdownOptions
{
    /// <summary>GitHub refuses comment bodies over 65,536 characters; the report aims well below that.</summary>
    public static readonly MarkdownOptions GitHub = new() { MaxLength = 65_536 };

    /// <summary>GitLab's note limit is 1,000,000 characters; stay far below it so the page stays readable.</summary>
    public static readonly MarkdownOptions GitLab = new() { MaxLength = 200_000 };

    public int MaxLength { get; init; } = 65_536;

    public Func<string, int, string?>? FileLink { get; init; }

    /// <summary>Checklist items shown before the rest collapse (the first screen).</summary>
    public int FirstScreenItems { get; init; } = 25;

    /// <summary>Lines of items shown before the rest collapse; with the header, owners and changes about 1,200 px on GitHub.</summary>
    public int FirstScreenItemLines { get; init; } = 40;

    /// <summary>Characters kept free per checklist item for what a tick adds (<c> by=@login</c>, 39-character logins).</summary>
    public const int TickReserve = 45;

    /// <summary>
    /// Links to files under a base URL (<c>--link-base https://github.com/o/r/blob/main</c>): <c>BASE/path#L10</c>.
    /// </summary>
    public static Func<string, int, string?> LinkBase(string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var root = baseUrl.TrimEnd('/');
        return (path, line) => $"{root}/{path.TrimStart('/')}{(line > 0 ? $"#L{line}" : "")}";
    }
}
