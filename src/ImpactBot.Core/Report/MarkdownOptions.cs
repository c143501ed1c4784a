namespace ImpactBot.Core.Report;

/// <summary>
/// Platform differences of the markdown report: the comment size limit and how to link a file line
/// (GitHub <c>/blob/sha/path#L10</c>, GitLab <c>/-/blob/sha/path#L10</c>). Without a link builder, files print as code.
/// </summary>
public sealed record MarkdownOptions
{
    public static readonly MarkdownOptions GitHub = new() { MaxLength = 65_536 };

    /// <summary>GitLab's note limit is 1,000,000 characters; stay far below it so the page stays readable.</summary>
    public static readonly MarkdownOptions GitLab = new() { MaxLength = 200_000 };

    public int MaxLength { get; init; } = 65_536;

    public Func<string, int, string?>? FileLink { get; init; }

}
