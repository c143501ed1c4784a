using System.Collections.Immutable;
using System.Globalization;

namespace ImpactBot.Core.Files;

/// <summary>
/// One stretch of generated text starting at (<see cref="Line"/>, <see cref="Column"/>). A verbatim run is a copy of the
/// file from (<see cref="SourceLine"/>, <see cref="SourceColumn"/>) on; any other run (an expression's value, a macro's
/// expansion) stands for the tag at that position as a whole.
/// </summary>
public readonly record struct SourceMapRun(int Line, int Column, int SourceLine, int SourceColumn, bool Verbatim);

/// <summary>
/// Maps 1-based line:column positions in generated text (rendered dbt SQL) back to the file it was generated from, so a
/// problem found in the rendered SQL points at the line the user wrote. Runs are in generated-text order.
/// </summary>
public sealed record SourceMap(ImmutableArray<SourceMapRun> Runs)
{
    /// <summary>The generated text is the file itself.</summary>
    public static readonly SourceMap Identity = new(ImmutableArray<SourceMapRun>.Empty);

    public bool IsIdentity => Runs.IsEmpty;

    /// <summary>A short text that changes whenever the mapping does (cache keys of reused analyses carry file positions).</summary>
    public string Fingerprint => string.Join(
        ';', Runs.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Line},{r.Column},{r.SourceLine},{r.SourceColumn},{(r.Verbatim ? 1 : 0)}")));

    public (int Line, int Column) ToSource(int line, int column)
    {
        if (Runs.IsEmpty || line <= 0)
        {
            return (line, column);
        }

        var run = Runs[Find(line, column)];
        if (!run.Verbatim)
        {
            return (run.SourceLine, run.SourceColumn);
        }

        return line == run.Line
            ? (run.SourceLine, run.SourceColumn + Math.Max(column - run.Column, 0))
            : (run.SourceLine + line - run.Line, column);
    }

    /// <summary>The last run starting at or before the position (the first run when the position precedes them all).</summary>
    private int Find(int line, int column)
    {
        int lo = 0, hi = Runs.Length - 1, found = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var run = Runs[mid];
            if (run.Line < line || run.Line == line && run.Column <= column)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }
}
