namespace ImpactBot.Core.Threading;

/// <summary>
/// Maps a list on every core, results in input order. Plain <see cref="Parallel.For(int, int, Action{int})"/> rather than
/// PLINQ: a short run pays to compile each PLINQ operator (some 300 methods), and ordered results need none of them.
/// </summary>
public static class ParallelMap
{
    public static TOut[] Map<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(map);
        var results = new TOut[items.Count];
        Parallel.For(0, items.Count, i => results[i] = map(items[i]));
        return results;
    }
}
