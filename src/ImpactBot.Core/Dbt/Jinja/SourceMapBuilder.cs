using System.Collections.Immutable;
using ImpactBot.Core.Files;

namespace ImpactBot.Core.Dbt.Jinja;

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

    public SourceMap Build(string output, LineMap source)
    {
        if (_runs.Count == 0 || _runs is [{ Output: 0, Source: 0, Verbatim: true }])
        {
            return SourceMap.Identity;
        }

        var lines = new LineMap(output);
        var runs = ImmutableArray.CreateBuilder<SourceMapRun>(_runs.Count);
        foreach (var (outputOffset, sourceOffset, verbatim) in _runs)
        {
            var (line, column) = lines.Locate(outputOffset);
            var (sourceLine, sourceColumn) = source.Locate(sourceOffset);
            runs.Add(new SourceMapRun(line, column, sourceLine, sourceColumn, verbatim));
        }

        return new SourceMap(runs.MoveToImmutable());
    }
}
