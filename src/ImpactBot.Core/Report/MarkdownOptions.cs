using ImpactBot.Core.Config;

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

    /// <summary>
    /// Characters kept free per checklist item for what an acknowledgement adds to its marker (<c> by=@login via=ic123</c>
    /// 39-character logins, 10-digit comment ids; a refusal, <c> no=@login:via:why</c>, replaces it or is rarer); the audit block has its own reserve.
    /// </summary>
    public const int TickReserve = 62;

    /// <summary>Whose acknowledgement counts; each item says who may acknowledge it.</summary>
    public AcknowledgePolicy Acknowledge { get; init; } = AcknowledgePolicy.OwnersOrMaintainers;

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
