using ImpactBot.Core.Timing;

namespace ImpactBot.Core.Tests.Timing;

public sealed class PhaseTimingsTests
{
    [Test]
    public void Measure_PrefixedViews_RecordInOneListInOrder()
    {
        var timings = new PhaseTimings();

        var value = timings.Measure("git", () => 42);
        timings.For("head").Measure("read project", () => "x");
        timings.For("head").For("dbt").Measure("yaml", () => 0);

        Assert.That(value, Is.EqualTo(42));
        Assert.That(timings.Phases.Select(p => p.Phase), Is.EqualTo(new[] { "git", "head: read project", "head: dbt: yaml" }));
    }

    [Test]
    public async Task MeasureAsync_RecordsTheAwaitedWork()
    {
        var timings = new PhaseTimings();

        var value = await timings.MeasureAsync("wait", async () =>
        {
            await Task.Delay(20);
            return "done";
        });

        Assert.That(value, Is.EqualTo("done"));
        Assert.That(timings.Phases.Single().Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(15)));
    }

    [Test]
    public void Format_NestedPhase_IndentedAfterItsOuterPhaseAndCountedOnce()
    {
        var timings = new PhaseTimings();
        timings.Measure("read project", () =>
        {
            timings.For("read project").Measure("yaml", () => 0);
            return 0;
        });

        var lines = timings.Format().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines[0], Does.StartWith("read project "));
        Assert.That(lines[1], Does.StartWith("  read project: yaml "));
        var outer = timings.Phases[0].Elapsed;
        Assert.That(lines[2], Does.StartWith("total"));
        Assert.That(double.Parse(lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(Math.Round(outer.TotalMilliseconds)).Within(1));
    }

    [Test]
    public void Format_AlignsPhasesAndEndsWithTotal()
    {
        var timings = new PhaseTimings();
        timings.Measure("a", () => 1);
        timings.Measure("longer phase", () => 2);

        var lines = timings.Format().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines[..3].Select(l => l.IndexOf(" ms", StringComparison.Ordinal)).Distinct().Count(), Is.EqualTo(1), "milliseconds are right-aligned");
        Assert.That(lines[2], Does.StartWith("total"));
        Assert.That(lines[3], Does.StartWith("garbage collections: gen0 "));
    }

    [Test]
    public void Format_ShowsMemoryAllocatedDuringEachPhase()
    {
        var timings = new PhaseTimings();
        var kept = timings.Measure("allocate", () => new byte[8 * 1024 * 1024]);

        var line = timings.Format().Split(Environment.NewLine)[0];

        var megabytes = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^2], System.Globalization.CultureInfo.CurrentCulture);
        Assert.That(megabytes, Is.GreaterThanOrEqualTo(8.0).And.LessThan(9.0));
        Assert.That(kept, Has.Length.EqualTo(8 * 1024 * 1024));
    }
}
