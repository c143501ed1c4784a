using System.Text.RegularExpressions;
using ImpactBot.Core.Changes;
using ImpactBot.Core.Config;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Publishing;
using ImpactBot.Core.Report;
using static ImpactBot.Core.Tests.Report.ReportFixtures;

namespace ImpactBot.Core.Tests.Report;

/// <summary>The comment stays readable and postable however large the change: bounded first screen, nothing dropped.</summary>
public sealed partial class MarkdownBoundsTests
{
    /// <summary>Lines before the collapsed rest of the checklist (header, changes, owners, shown items): about 1,200 px on GitHub.</summary>
    private const int FirstScreenLineBudget = 75;

    [TestCase(10, 5)]
    [TestCase(148, 0)]
    [TestCase(400, 31)]
    public void Render_ManyItems_FirstScreenHasAtMost25ItemsAndFitsTheLineBudget(int values, int stale)
    {
        var body = MarkdownReportRenderer.Render(Large(values, stale, "@owner"), MarkdownOptions.GitHub);

        var firstScreen = FirstScreen(body);
        Assert.That(Boxes(OutsideDetails(body)), Is.LessThanOrEqualTo(25));
        Assert.That(firstScreen.Split('\n').Length, Is.LessThanOrEqualTo(FirstScreenLineBudget), firstScreen);
        Assert.That(firstScreen, Does.Contain("### What changed").And.Contain("### Who must act").And.Contain("int_broken"));
    }

    [TestCase(40)]
    [TestCase(148)]
    public void Render_EveryItemIsATickableBox_ShownOrCollapsed(int values)
    {
        var report = Large(values, 31, "@owner");

        var body = MarkdownReportRenderer.Render(report, MarkdownOptions.GitHub);

        Assert.That(Checklist.Parse(body).Select(i => i.Id), Is.EquivalentTo(ReviewPlan.Build(report).Items.Select(i => i.Id)));
    }

    [TestCase(400)]
    public void Render_TooManyForABoxEach_CollapsedItemsAreGroupedPerCauseAndSeverity_NoneDropped(int values)
    {
        var report = Large(values, 31, "@owner");

        var body = MarkdownReportRenderer.Render(report, MarkdownOptions.GitHub);

        var covered = Checklist.Parse(body).Sum(i => GroupCount().Match(i.Text) is { Success: true } m ? int.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) : 1);
        Assert.That(covered, Is.EqualTo(ReviewPlan.Build(report).Items.Count()));
    }

    [TestCase(3000)]
    [TestCase(20000)]
    public void Render_HugeChange_StaysUnderTheLimitWithRoomForTicks_AndStillGatesEverything(int values)
    {
        var report = Large(values, 500, "@owner");
        var options = MarkdownOptions.GitHub;

        var body = MarkdownReportRenderer.Render(report, options);
        var items = Checklist.Parse(body);
        var ticked = AcknowledgementLog.Write(Checklist.ApplyCommand(body, new string('m', 39), Checklist.ViaGitHubComment(12345678901), items.ToDictionary(i => i.Id, _ => (AckRefusal?)null)));

        Assert.That(ticked.Length, Is.LessThanOrEqualTo(options.MaxLength), "a comment with every box ticked must still be accepted");
        var open = StatusEvaluator.Evaluate(body, new StatusPolicy(FailOn.Values));
        Assert.That(open.Blocking.Length, Is.EqualTo(items.Length), "every box blocks until ticked");
        Assert.That(StatusEvaluator.Evaluate(ticked, new StatusPolicy(FailOn.Values)).State, Is.EqualTo(Platform.StatusState.Success));
        Assert.That(items.Count(i => i.Severity == Severity.Values), Is.GreaterThan(0), "collapsed values items are grouped, not dropped");
    }

    [Test]
    public void Status_BodyCutShort_MissingDeclaredItemsStillBlock()
    {
        var body = MarkdownReportRenderer.Render(Large(10, 3, "@owner"), MarkdownOptions.GitHub);
        var cut = string.Join('\n', body.Split('\n').Where(l => !l.Contains("int_broken", StringComparison.Ordinal) || !l.StartsWith("- [ ]", StringComparison.Ordinal)));

        var decision = StatusEvaluator.Evaluate(cut.Replace("- [ ]", "- [x]", StringComparison.Ordinal), new StatusPolicy());

        Assert.That(decision.State, Is.EqualTo(Platform.StatusState.Failure));
        Assert.That(decision.Blocking.Single().Text, Is.EqualTo("an item missing from the comment"));
    }

    [Test]
    public void Render_OwnerMentionedOnceInTheWholeComment()
    {
        var body = MarkdownReportRenderer.Render(Large(30, 10, "@owner", "owner@example.com"), MarkdownOptions.GitHub);

        var visible = HiddenComment().Replace(body, "");
        Assert.That(Regex.Count(visible, "(?<![`\\w])@owner\\b"), Is.EqualTo(1));
        Assert.That(visible, Does.Contain("`owner@example.com`"), "an email is printed as code, not as a mention");
    }

    [Test]
    public void Render_ItemWithFollowUpsAndFoldedAssets_FollowUpsComeBeforeTheFoldedBlock()
    {
        // An HTML block runs to the next blank line: a sub-item written after the folded <details> shows as raw text on GitHub.
        var report = Large(0, 2) with
        {
            Impacts = [.. Large(0, 2).Impacts.Select(i => i.Asset == "int_broken" ? i with { FollowUps = ["publish a new version"] } : i)],
        };

        var body = MarkdownReportRenderer.Render(report, MarkdownOptions.GitHub);

        var lines = body.Split('\n');
        var followUp = Array.FindIndex(lines, l => l == "  - ⚠️ publish a new version");
        var folded = Array.FindIndex(lines, l => l.StartsWith("  <details><summary>⤷", StringComparison.Ordinal));
        Assert.That(followUp, Is.GreaterThan(0), body);
        Assert.That(folded, Is.EqualTo(followUp + 1), body);
    }

    [Test]
    public void Render_LinkBase_LinksFilesAndLines()
    {
        var report = Large(1, 0) with
        {
            Impacts = [Affected("orders", Severity.Breaking, "stg.email") with { References = [new ColumnReference("email", "models/orders.sql", 12)] }],
        };

        var body = MarkdownReportRenderer.Render(report, MarkdownOptions.GitHub with { FileLink = MarkdownOptions.LinkBase("https://example.com/blob/main/") });

        Assert.That(body, Does.Contain("[`models/orders.sql:12`](https://example.com/blob/main/models/orders.sql#L12)"));
    }

    private static string FirstScreen(string body)
    {
        var rest = body.IndexOf("more item", StringComparison.Ordinal);
        var end = rest < 0 ? body.Length : body.LastIndexOf("<details>", rest, StringComparison.Ordinal);
        return body[..end];
    }

    [Test]
    public void Render_TooManyCausesForABoxEach_CollapsedItemsAreGroupedPerSeverity_FitWithTicks_NoneDropped()
    {
        // A macro every model calls: hundreds of changed models, each with its own readers (spellbook dex: 289 causes).
        var changes = Enumerable.Range(0, 600).Select(i => ColumnChange($"model_with_a_long_descriptive_name_{i:D4}", "amount", ColumnChangeKind.Expression)).ToArray();
        var impacts = changes.SelectMany(c => Enumerable.Range(0, 3).Select(k => Affected($"{c.Asset}_reader_{k}", k == 0 ? Severity.Breaking : Severity.Values, $"{c.Asset}.amount", owners: "@owner")));
        var report = ReportOf(impacts, changes);
        var options = MarkdownOptions.GitHub;

        var body = MarkdownReportRenderer.Render(report, options);

        var items = Checklist.Parse(body);
        var ticked = AcknowledgementLog.Write(Checklist.ApplyCommand(body, new string('m', 39), Checklist.ViaGitHubComment(12345678901), items.ToDictionary(i => i.Id, _ => (AckRefusal?)null)));
        Assert.That(ticked.Length, Is.LessThanOrEqualTo(options.MaxLength), "a comment with every box ticked must still be accepted");
        var covered = items.Sum(i => GroupCount().Match(i.Text) is { Success: true } m ? int.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) : 1);
        Assert.That(covered, Is.EqualTo(ReviewPlan.Build(report).Items.Count()));
        Assert.That(body, Does.Match(@"values items under \d+ causes, acknowledged together").And.Contain("more changed assets, listed in the JSON report"));
    }

    private static string OutsideDetails(string body)
    {
        // Innermost blocks first: the collapsed rest holds folded lists of its own.
        for (var previous = ""; previous != body;)
        {
            previous = body;
            body = DetailsBlock().Replace(body, "");
        }

        return body;
    }

    private static int Boxes(string text) => Regex.Count(text, @"^- \[[ x]\]", RegexOptions.Multiline);

    [GeneratedRegex(@"<details>(?:(?!<details>).)*?</details>", RegexOptions.Singleline)]
    private static partial Regex DetailsBlock();

    [GeneratedRegex(@"^\S+ ([0-9,]+) \w+ items? under ")]
    private static partial Regex GroupCount();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HiddenComment();
}
