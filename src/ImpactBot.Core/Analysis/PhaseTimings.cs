using System.Diagnostics;

namespace ImpactBot.Core.Analysis;

/// <summary>Wall time per phase of one run, in the order the phases ran (<c>--timings</c>: where a large project's time goes).</summary>
public sealed class PhaseTimings
{
    private readonly List<(string Phase, TimeSpan Elapsed)> _phases;
    private readonly string _prefix;

    public PhaseTimings()
        : this([], "")
    {
    }

    private PhaseTimings(List<(string Phase, TimeSpan Elapsed)> phases, string prefix)
    {
        _phases = phases;
        _prefix = prefix;
    }

    /// <summary>The same record, with phase names prefixed (e.g. "head: read project").</summary>
    public PhaseTimings For(string prefix) => new(_phases, _prefix + prefix + ": ");

    public IReadOnlyList<(string Phase, TimeSpan Elapsed)> Phases => _phases;

    public T Measure<T>(string phase, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var clock = Stopwatch.StartNew();
        var result = work();
        _phases.Add((_prefix + phase, clock.Elapsed));
        return result;
    }

    public async Task<T> MeasureAsync<T>(string phase, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var clock = Stopwatch.StartNew();
        var result = await work().ConfigureAwait(false);
        _phases.Add((_prefix + phase, clock.Elapsed));
        return result;
    }

    /// <summary>One line per phase, milliseconds right-aligned, and the total.</summary>
    public string Format()
    {
        var width = _phases.Count == 0 ? 5 : Math.Max(5, _phases.Max(p => p.Phase.Length));
        var lines = _phases.Select(p => $"{p.Phase.PadRight(width)} {p.Elapsed.TotalMilliseconds,7:F0} ms");
        var total = _phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Elapsed);
        return string.Join(Environment.NewLine, lines.Append($"{"total".PadRight(width)} {total.TotalMilliseconds,7:F0} ms")) + Environment.NewLine;
    }
}
