using System.Collections.Immutable;
using System.Text;
using ImpactBot.Core.Graph;

namespace ImpactBot.Dbt;

/// <summary>
/// The fingerprint of what a model's <c>is_incremental()</c> branches add on an incremental run, so that a change
/// there is a change even though the model's SQL is read as a first build. Comments, spacing and the case of words
/// do not count; string literals and quoted names do.
/// </summary>
internal static class IncrementalFilter
{
    public static string? Fingerprint(ImmutableArray<string> predicates) =>
        predicates.IsEmpty ? null : ContentHash.Of(string.Join("\n", predicates.Select(Normalize)));

    internal static string Normalize(string sql)
    {
        var sb = new StringBuilder(sql.Length);
        var space = false;
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            if (c == '-' && next == '-')
            {
                var end = sql.IndexOf('\n', i);
                i = end < 0 ? sql.Length : end - 1;
                space = true;
            }
            else if (c == '/' && next == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 1;
                space = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                space = true;
            }
            else
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                space = false;
                if (c is '\'' or '"' or '`')
                {
                    var end = i + 1;
                    while (end < sql.Length && sql[end] != c)
                    {
                        end++;
                    }

                    end = Math.Min(end, sql.Length - 1);
                    sb.Append(sql, i, end - i + 1);
                    i = end;
                }
                else
                {
                    sb.Append(char.ToLowerInvariant(c));
                }
            }
        }

        return sb.ToString();
    }
}
