using System.Collections.Immutable;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt.Jinja;

/// <summary>
/// Records, while a template renders, where each piece of the output came from (as offsets), then turns that into a
/// <see cref="SourceMap"/> of line:column runs. Consecutive copies of adjacent template text fold into one run.
/// </summary>
internal sealed class SourceMapBuilder
{
    private readonly List<(int Output, int Source, bool Verbatim)> _runs = [];

    /// <summary>Output from <paramref name="outputOffset"/> on comes from <paramref name="sourceOffset"/> of the template.</summary>
    public void Add(int outputOffset, int sourceOffset, bool verbatim)
    {
        // A piece that rendered to nothing (a config() call, an empty loop) is replaced by what follows it.
        if (_runs.Count > 0 && _runs[^1].Output == outputOffset)
        {
            _runs.RemoveAt(_runs.Count - 1);
        }

        if (verbatim && _runs.Count > 0 && _runs[^1] is { Verbatim: true } last && outputOffset - last.Output == sourceOffset - last.Source)
        {
            return;
        }

        _runs.Add((outputOffset, sourceOffset, verbatim));
    }

    /// <summary>How many runs are recorded: a point <see cref="Truncate"/> can go back to.</summary>
    public int Count => _runs.Count;

    /// <summary>Forgets the runs recorded after <paramref name="count"/> (output rendered aside and dropped).</summary>
    public void Truncate(int count) => _runs.RemoveRange(count, _runs.Count - count);

    /// <summary>The map of <paramref name="output"/>, the part of the output that starts at <paramref name="from"/>.</summary>
    public SourceMap Build(string output, LineMap source, int from = 0)
    {
        var first = _runs.FindLastIndex(r => r.Output <= from);
        if (first < 0 || _runs.Count == 1 && _runs[0] is { Output: 0, Source: 0, Verbatim: true } && from == 0)
        {
            return SourceMap.Identity;
        }

        var lines = new LineMap(output);
        var runs = ImmutableArray.CreateBuilder<SourceMapRun>();
        for (var i = first; i < _runs.Count && _runs[i].Output < from + Math.Max(output.Length, 1); i++)
        {
            var (outputOffset, sourceOffset, verbatim) = _runs[i];
            if (outputOffset < from)
            {
                // The run covering the start: a copy is cut to where the part begins, anything else stays whole.
                sourceOffset += verbatim ? from - outputOffset : 0;
                outputOffset = from;
            }

            var (line, column) = lines.Locate(outputOffset - from);
            var (sourceLine, sourceColumn) = source.Locate(sourceOffset);
            runs.Add(new SourceMapRun(line, column, sourceLine, sourceColumn, verbatim));
        }

        return new SourceMap(runs.ToImmutable());
    }
}
