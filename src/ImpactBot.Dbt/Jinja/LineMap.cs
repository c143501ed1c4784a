namespace ImpactBot.Dbt.Jinja;

/// <summary>Maps offsets in a text to 1-based line and column.</summary>
internal sealed class LineMap
{
    private readonly List<int> _starts = [0];

    public LineMap(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _starts.Add(i + 1);
            }
        }
    }

    public (int Line, int Column) Locate(int pos)
    {
        var index = _starts.BinarySearch(pos);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, pos - _starts[Math.Max(line, 0)] + 1);
    }
}
