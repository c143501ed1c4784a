using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Sql.Tests.Lineage;

/// <summary>Compares lineage edges as text: <c>table.column kind [inferred] [candidate] [path=p]</c>, names normalised per dialect.</summary>
internal static class EdgeText
{
    /// <summary>Normalises a dotted name: quoted parts keep their case when <paramref name="caseSensitive"/>, others fold.</summary>
    public static string Name(string dotted, DialectFacts dialect, bool caseSensitive)
    {
        var parts = SplitDotted(dotted);
        return string.Join('.', parts.Select(p => Part(p.Text, p.Quoted, dialect, caseSensitive)));
    }

    public static string Part(string text, bool quoted, DialectFacts dialect, bool caseSensitive) =>
        caseSensitive ? dialect.ColumnKey(text, quoted) : text.ToLowerInvariant();

    public static string Of(ColumnSource source, DialectFacts dialect, bool caseSensitive)
    {
        var text = Name(source.Table, dialect, caseSensitive) + "." + Name(source.Column, dialect, caseSensitive) + " " + source.Kind.ToName();
        if (source.Inferred)
        {
            text += " inferred";
        }

        if (source.Candidate)
        {
            text += " candidate";
        }

        if (source.Path is { } path)
        {
            text += " path=" + path;
        }

        return text;
    }

    public static List<(string Text, bool Quoted)> SplitDotted(string name)
    {
        var parts = new List<(string, bool)>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        var inQuote = false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (inQuote)
            {
                if (c == '"' && i + 1 < name.Length && name[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuote = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                inQuote = true;
                quoted = true;
            }
            else if (c == '.')
            {
                parts.Add((current.ToString(), quoted));
                current.Clear();
                quoted = false;
            }
            else
            {
                current.Append(c);
            }
        }

        parts.Add((current.ToString(), quoted));
        return parts;
    }
}
