using ImpactBot.Core.Files;

namespace ImpactBot.Dbt.Analysis;

/// <summary>Finds the first line of a file that mentions a column as a whole word, for "referenced at file:line" links.</summary>
internal sealed class ColumnLocator(IFileSource files)
{
    private readonly Dictionary<string, string[]?> _lines = new(StringComparer.Ordinal);

    public int Find(string path, string column)
    {
        if (!_lines.TryGetValue(path, out var lines))
        {
            lines = files.ReadText(path)?.Split('\n');
            _lines[path] = lines;
        }

        if (lines is null)
        {
            return 0;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (ContainsWord(lines[i], column))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static bool ContainsWord(string line, string word)
    {
        for (var at = line.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = line.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = at == 0 || !IsWordChar(line[at - 1]);
            var after = at + word.Length >= line.Length || !IsWordChar(line[at + word.Length]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
