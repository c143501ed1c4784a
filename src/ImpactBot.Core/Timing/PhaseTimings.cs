using System.Diagnostics;

namespace ImpactBot.Core.Timing;

/// <summary>
/// Wall time per phase of one run, in the order the phases started (<c>--timings</c>: where a large project's time
/// goes). A phase measured inside another is named "outer: inner" through <see cref="For"/> and is not counted twice.
/// </summary>
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

    public IReadOnlyList<(string Phase, TimeSpan Elapsed)> Phases => _phases;

    /// <summary>The same record, with phase names prefixed (e.g. "head: read project").</summary>
    public PhaseTimings For(string prefix) => new(_phases, _prefix + prefix + ": ");

    public T Measure<T>(string phase, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (slot, clock) = Start(phase);
        var result = work();
        _phases[slot] = (_phases[slot].Phase, clock.Elapsed);
        return result;
    }

    public void Measure(string phase, Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (slot, clock) = Start(phase);
        work();
        _phases[slot] = (_phases[slot].Phase, clock.Elapsed);
    }

    public async Task<T> MeasureAsync<T>(string phase, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (slot, clock) = Start(phase);
        var result = await work().ConfigureAwait(false);
        _phases[slot] = (_phases[slot].Phase, clock.Elapsed);
        return result;
    }

    /// <summary>One line per phase (nested ones indented), milliseconds right-aligned, and the total of the outer ones.</summary>
    public string Format()
    {
        var names = _phases.Select(p => p.Phase).ToHashSet(StringComparer.Ordinal);
        int Depth(string phase) => names.Count(n => phase.StartsWith(n + ": ", StringComparison.Ordinal));
        var rows = _phases.Select(p => (Text: new string(' ', 2 * Depth(p.Phase)) + p.Phase, p.Elapsed, Outer: Depth(p.Phase) == 0)).ToList();
        var width = rows.Count == 0 ? 5 : Math.Max(5, rows.Max(r => r.Text.Length));
        var total = rows.Where(r => r.Outer).Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Elapsed);
        var lines = rows.Select(r => $"{r.Text.PadRight(width)} {r.Elapsed.TotalMilliseconds,7:F0} ms")
            .Append($"{"total".PadRight(width)} {total.TotalMilliseconds,7:F0} ms");
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private (int Slot, Stopwatch Clock) Start(string phase)
    {
        // The slot is taken when the phase starts, so an outer phase is listed before the phases inside it.
        _phases.Add((_prefix + phase, TimeSpan.Zero));
        return (_phases.Count - 1, Stopwatch.StartNew());
    }
}
