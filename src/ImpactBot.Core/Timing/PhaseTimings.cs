using System.Diagnostics;

namespace ImpactBot.Core.Timing;

/// <summary>
/// Wall time per phase of one run, in the order the phases started (<c>--timings</c>: where a large project's time
/// goes), with the memory allocated meanwhile (in a short run, touching fresh memory is a large part of the time). A
/// phase measured inside another is named "outer: inner" through <see cref="For"/> and is not counted twice.
/// </summary>
public sealed class PhaseTimings
{
    private readonly List<(string Phase, TimeSpan Elapsed)> _phases;
    private readonly List<long> _allocated;
    private readonly string _prefix;

    public PhaseTimings()
        : this([], [], "")
    {
    }

    private PhaseTimings(List<(string Phase, TimeSpan Elapsed)> phases, List<long> allocated, string prefix)
    {
        _phases = phases;
        _allocated = allocated;
        _prefix = prefix;
    }

    public IReadOnlyList<(string Phase, TimeSpan Elapsed)> Phases => _phases;

    /// <summary>The same record, with phase names prefixed (e.g. "head: read project").</summary>
    public PhaseTimings For(string prefix) => new(_phases, _allocated, _prefix + prefix + ": ");

    public T Measure<T>(string phase, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (slot, clock) = Start(phase);
        var result = work();
        Stop(slot, clock);
        return result;
    }

    public void Measure(string phase, Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (slot, clock) = Start(phase);
        work();
        Stop(slot, clock);
    }

    public async Task<T> MeasureAsync<T>(string phase, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (slot, clock) = Start(phase);
        var result = await work().ConfigureAwait(false);
        Stop(slot, clock);
        return result;
    }

    /// <summary>One line per phase (nested ones indented), milliseconds right-aligned, and the total of the outer ones.</summary>
    public string Format()
    {
        var names = _phases.Select(p => p.Phase).ToHashSet(StringComparer.Ordinal);
        int Depth(string phase) => names.Count(n => phase.StartsWith(n + ": ", StringComparison.Ordinal));
        var rows = _phases.Select((p, i) => (Text: new string(' ', 2 * Depth(p.Phase)) + p.Phase, p.Elapsed, Allocated: _allocated[i], Outer: Depth(p.Phase) == 0)).ToList();
        var width = rows.Count == 0 ? 5 : Math.Max(5, rows.Max(r => r.Text.Length));
        var total = rows.Where(r => r.Outer).Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Elapsed);
        var allocated = rows.Where(r => r.Outer).Sum(r => r.Allocated);
        var lines = rows.Select(r => $"{r.Text.PadRight(width)} {r.Elapsed.TotalMilliseconds,7:F0} ms {Megabytes(r.Allocated),7:F1} MB")
            .Append($"{"total".PadRight(width)} {total.TotalMilliseconds,7:F0} ms {Megabytes(allocated),7:F1} MB")
            .Append($"garbage collections: gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}");
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);

    private (int Slot, Stopwatch Clock) Start(string phase)
    {
        // The slot is taken when the phase starts, so an outer phase is listed before the phases inside it.
        _phases.Add((_prefix + phase, TimeSpan.Zero));
        _allocated.Add(GC.GetTotalAllocatedBytes());
        return (_phases.Count - 1, Stopwatch.StartNew());
    }

    private void Stop(int slot, Stopwatch clock)
    {
        _phases[slot] = (_phases[slot].Phase, clock.Elapsed);
        _allocated[slot] = GC.GetTotalAllocatedBytes() - _allocated[slot];
    }
}
