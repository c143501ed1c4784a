using System.Text;
using ImpactBot.Cli.Ci.GitHub;

namespace ImpactBot.Cli.Tests.Ci.GitHub;

public sealed class ActionOutputsTests
{
    [Test]
    public async Task WriteSummaryAsync_ReportOverOneMebibyte_CutOnALineWithinTheLimit()
    {
        var file = Path.GetTempFileName();
        try
        {
            var settings = new GitHubActionsSettings("pull_request", "event.json", new Uri("https://api.github.com"), "t", Path.GetTempPath()) { SummaryFile = file };
            var markdown = string.Concat(Enumerable.Range(0, 40_000).Select(i => $"- [ ] model_{i} — affected ✓\n"));

            await ActionOutputs.WriteSummaryAsync(settings, markdown, CancellationToken.None);

            var written = await File.ReadAllTextAsync(file);
            Assert.Multiple(() =>
            {
                Assert.That(Encoding.UTF8.GetByteCount(markdown), Is.GreaterThan(ActionOutputs.MaxSummaryBytes));
                Assert.That(Encoding.UTF8.GetByteCount(written), Is.LessThanOrEqualTo(ActionOutputs.MaxSummaryBytes));
                Assert.That(written, Does.Contain("1 MiB step-summary limit"));
                Assert.That(written.Split('\n').Where(l => l.StartsWith("- [ ]", StringComparison.Ordinal)), Is.All.EndsWith("affected ✓"));
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task WriteSummaryAsync_SmallReport_AppendedWhole()
    {
        var file = Path.GetTempFileName();
        try
        {
            var settings = new GitHubActionsSettings("pull_request", "event.json", new Uri("https://api.github.com"), "t", Path.GetTempPath()) { SummaryFile = file };

            await ActionOutputs.WriteSummaryAsync(settings, "# report", CancellationToken.None);

            Assert.That(await File.ReadAllTextAsync(file), Is.EqualTo("# report\n"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
