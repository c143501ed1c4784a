using ImpactBot.Core.Impact;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ImpactBot.Core.Publishing;

/// <summary>
/// The hidden markers of the bot's comment. A report starts with <see cref="Report"/> on its own line, followed by the meta
/// line <c>&lt;!-- impactbot:meta head=SHA run=N committed=ISO-8601 --&gt;</c> (run and committed optional); each checklist
/// line ends with <see cref="ItemMarker"/>. HTML comments are invisible on GitHub and GitLab and never notify anyone.
/// </summary>
public static partial class ReportMarker
{
    public const string Report = "<!-- impactbot:report -->";

    /// <summary>Replaces <see cref="Report"/> in a superseded comment so it is no longer found as the live report.</summary>
    public const string Outdated = "<!-- impactbot:report-outdated -->";

    public static bool IsReport(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.AsSpan().TrimStart().StartsWith(Report, StringComparison.Ordinal);
    }

    public static string MetaLine(ReportMeta meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        RequireToken(meta.HeadSha, nameof(meta));
        var line = new StringBuilder("<!-- impactbot:meta head=").Append(meta.HeadSha);
        if (meta.RunId is { } run)
        {
            RequireToken(run, nameof(meta));
            line.Append(" run=").Append(run);
        }

        if (meta.HeadCommittedAt is { } committed)
        {
            line.Append(" committed=").Append(committed.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        }

        return line.Append(" -->").ToString();
    }

    /// <summary>The meta of a report body, or null when the body carries none (or an unreadable one).</summary>
    public static ReportMeta? ParseMeta(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var match = MetaPattern().Match(body);
        if (!match.Success)
        {
            return null;
        }

        var attributes = ParseAttributes(match.Groups["attrs"].Value);
        if (!attributes.TryGetValue("head", out var head))
        {
            return null;
        }

        DateTimeOffset? committed = attributes.TryGetValue("committed", out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : null;
        return new ReportMeta(head, attributes.GetValueOrDefault("run"), committed);
    }

    /// <summary>The body with the report marker and a fresh meta line in front of <paramref name="content"/>.</summary>
    public static string Compose(string content, ReportMeta meta) => $"{Report}\n{MetaLine(meta)}\n{StripHeader(content)}";

    /// <summary>The body without its leading report marker and meta lines.</summary>
    public static string StripHeader(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var rest = body.TrimStart();
        foreach (var prefix in new[] { Report, "<!-- impactbot:meta " })
        {
            if (rest.StartsWith(prefix, StringComparison.Ordinal))
            {
                var end = rest.IndexOf('\n', StringComparison.Ordinal);
                rest = end < 0 ? "" : rest[(end + 1)..];
            }
        }

        return rest;
    }

    /// <summary>
    /// The hidden tail of a checklist line: <c>&lt;!-- impactbot:item=ID severity=S owners=@a,@b was=OLD by=@c --&gt;</c>. The id must
    /// be stable across runs for the same finding (e.g. <c>model.orders:customer_id</c>) so ticks survive reruns; <c>was</c> is
    /// the id the same finding had in reports of earlier versions, so their ticks carry over once.
    /// </summary>
    public static string ItemMarker(string id, Severity severity, IEnumerable<string>? owners = null, string? acknowledgedBy = null, string? was = null)
    {
        RequireToken(id, nameof(id));
        var marker = new StringBuilder("<!-- impactbot:item=").Append(id)
            .Append(" severity=").Append(severity.ToName());
        if (was is not null)
        {
            RequireToken(was, nameof(was));
            marker.Append(" was=").Append(was);
        }

        var handles = owners?.Select(Handle).ToList() ?? [];
        if (handles.Count > 0)
        {
            handles.ForEach(h => RequireToken(h, nameof(owners)));
            marker.Append(" owners=").AppendJoin(',', handles);
        }

        if (acknowledgedBy is not null)
        {
            RequireToken(acknowledgedBy, nameof(acknowledgedBy));
            marker.Append(" by=").Append(Handle(acknowledgedBy));
        }

        return marker.Append(" -->").ToString();
    }

    /// <summary>
    /// The hidden line that declares how many checklist items of each severity the report has:
    /// <c>&lt;!-- impactbot:items breaking=2 values=40 schema=0 info=1 --&gt;</c>. A body that shows fewer (cut by someone or by a
    /// platform) still gates on the missing ones.
    /// </summary>
    /// <param name="inputErrors">Input errors of the report (duplicate names, unreadable changed files), written as
    /// <c>errors=N</c> when there are any: they fail the check whatever is ticked, also on runs that see only the body.</param>
    public static string ItemsLine(IEnumerable<Severity> items, int inputErrors = 0)
    {
        ArgumentNullException.ThrowIfNull(items);
        var counts = items.CountBy(s => s).ToDictionary();
        var line = new StringBuilder("<!-- impactbot:items");
        foreach (var severity in new[] { Severity.Breaking, Severity.Values, Severity.Schema, Severity.Info })
        {
            line.Append(' ').Append(severity.ToName()).Append('=').Append(counts.GetValueOrDefault(severity).ToString(CultureInfo.InvariantCulture));
        }

        if (inputErrors > 0)
        {
            line.Append(" errors=").Append(inputErrors.ToString(CultureInfo.InvariantCulture));
        }

        return line.Append(" -->").ToString();
    }

    /// <summary>The input errors a body declares in its items line (0 when none or no line).</summary>
    public static int ParseInputErrors(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var match = ItemsPattern().Match(body);
        return match.Success
            && ParseAttributes(match.Groups["attrs"].Value).TryGetValue("errors", out var value)
            && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
    }

    /// <summary>The declared item counts of a body by severity, or null for bodies without them (reports of earlier versions).</summary>
    public static IReadOnlyDictionary<Severity, int>? ParseItemsLine(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var match = ItemsPattern().Match(body);
        if (!match.Success)
        {
            return null;
        }

        var counts = new Dictionary<Severity, int>();
        foreach (var (name, value) in ParseAttributes(match.Groups["attrs"].Value))
        {
            if (Enum.TryParse<Severity>(name, ignoreCase: true, out var severity) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                counts[severity] = count;
            }
        }

        return counts;
    }

    internal static Severity ParseSeverity(string? text) =>
        Enum.TryParse<Severity>(text, ignoreCase: true, out var severity) && Enum.IsDefined(severity)
            ? severity
            : Severity.Info;

    internal static Dictionary<string, string> ParseAttributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                attributes[part[..eq]] = part[(eq + 1)..];
            }
        }

        return attributes;
    }

    /// <summary>Whether a value can go into a hidden marker as it is.</summary>
    public static bool IsToken(string value) => !string.IsNullOrEmpty(value) && TokenPattern().IsMatch(value);

    private static string Handle(string login) => login.StartsWith('@') ? login : "@" + login;

    private static void RequireToken(string value, string parameter)
    {
        if (string.IsNullOrEmpty(value) || !TokenPattern().IsMatch(value))
        {
            throw new ArgumentException($"'{value}' cannot go into a hidden marker: use letters, digits and . _ : / @ + - only.", parameter);
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._:/@+\-]+$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"<!-- impactbot:items (?<attrs>[a-z0-9= ]*?)\s*-->")]
    private static partial Regex ItemsPattern();

    [GeneratedRegex(@"<!-- impactbot:meta (?<attrs>[^>]*?)\s*-->")]
    private static partial Regex MetaPattern();
}
