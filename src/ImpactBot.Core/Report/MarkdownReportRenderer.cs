using System.Text;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Publishing;

namespace ImpactBot.Core.Report;

/// <summary>
/// The checklist comment's content (the publisher puts the hidden report marker and meta line in front), laid out for the
/// first screen: what changed, who must act, then one section per root cause with its items ranked (see
/// <see cref="ReviewPlan"/>). The top items are shown; the rest of every section is in one collapsed block, still as
/// tickable items. Every item gates, shown or not; a hidden items line declares their counts so a cut body still gates.
/// Over the size limit (minus room for acknowledgers added by ticks) the diagram, the problem list and then the collapsed
/// items' names give way to counts, per cause and then per severity — an item is never dropped.
/// </summary>
public static class MarkdownReportRenderer
{
    public static string Render(ImpactReport report, MarkdownOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var plan = ReviewPlan.Build(report);
        var shown = FirstScreen(plan, options);
        var layout = new MarkdownLayout(report, plan, shown, options);
        foreach (var level in Enum.GetValues<Detail>())
        {
            var body = layout.Compose(level);
            if (body.Length + (layout.Checkboxes * MarkdownOptions.TickReserve) + AcknowledgementLog.Reserve <= options.MaxLength || level == Detail.Severities)
            {
                return body;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    /// <summary>The items shown before the collapsed rest: the best-ranked across all sections, within the item and line budget.</summary>
    private static HashSet<string> FirstScreen(ReviewPlan plan, MarkdownOptions options)
    {
        var shown = new HashSet<string>(StringComparer.Ordinal);
        var lines = 0;
        var ranked = plan.Sections
            .SelectMany((s, n) => s.Items.Select((item, k) => (item, n, k)))
            .OrderBy(x => x.item.Class)
            .ThenBy(x => x.n)
            .ThenBy(x => x.k);
        foreach (var (item, _, _) in ranked)
        {
            var cost = 1 + (item.Folded.IsEmpty ? 0 : 1) + item.Impact.FollowUps.Length + item.Failures.Length;
            if (shown.Count >= options.FirstScreenItems || lines + cost > options.FirstScreenItemLines)
            {
                break;
            }

            shown.Add(item.Id);
            lines += cost;
        }

        return shown;
    }

    /// <summary>How much of the collapsed part is written out, most first.</summary>
    internal enum Detail
    {
        Full,
        NoDiagram,
        NoProblemList,
        CompactRest,
        Counts,

        /// <summary>So many causes that even a box per cause does not fit: a box per severity, and no list of the changes.</summary>
        Severities,
    }

    internal static string Code(string text) => $"`{text.Replace("`", "'", StringComparison.Ordinal)}`";

    internal static string HtmlCode(string text) => $"<code>{Escape(text).Replace(">", "&gt;", StringComparison.Ordinal)}</code>";

    internal static string Cell(string text) => Escape(text).Replace("|", "\\|", StringComparison.Ordinal);

    internal static string Escape(string text) => text.Replace("\n", " ", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    internal static bool IsHandle(string owner) => owner.Length > 1 && owner[0] == '@' && owner.Skip(1).All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/' or '.');

    /// <summary>A handle mentions (once, in the owners table); an email or name is printed as code and notifies nobody.</summary>
    internal static string Owner(string owner) => IsHandle(owner) ? owner : Code(owner);

    internal static string Short(string sha) => sha.Length > 12 && sha.All(char.IsAsciiHexDigit) ? sha[..7] : sha;

    internal static string Noun(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count:N0} {many}";

    internal static string Kind(AssetType type) => type.ToName().Replace('_', ' ');
}
