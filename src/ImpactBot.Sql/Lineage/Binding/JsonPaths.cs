using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>
/// Path text of struct and JSON access, kept on edges as an attribute of the physical column. JSON/variant paths are relative
/// to the column (<c>payload-&gt;&gt;'email'</c> is <c>email</c>); struct paths start at the column (<c>customer.address.city</c>).
/// </summary>
internal static class JsonPaths
{
    public static bool IsJsonOperator(string op) => op is "->" or "->>" or "#>" or "#>>";

    /// <summary>Appends a relative segment: <c>name</c> joins with a dot, <c>[0]</c> directly.</summary>
    public static string AppendRelative(string? path, string segment)
    {
        if (string.IsNullOrEmpty(path))
        {
            return segment;
        }

        return segment.StartsWith('[') || segment.StartsWith('#') ? path + segment : path + "." + segment;
    }

    /// <summary>The segments of the right side of a JSON operator: <c>'a'</c> → a, <c>0</c> → [0], <c>'{a,0}'</c> → a, [0].</summary>
    public static IEnumerable<string> FromOperator(string op, Expr right)
    {
        if (right is not Literal literal)
        {
            yield return "[*]";
            yield break;
        }

        var text = Unquote(literal.Text);
        if (op is "#>" or "#>>")
        {
            foreach (var part in text.Trim('{', '}').Split(','))
            {
                yield return Segment(part.Trim().Trim('"'));
            }

            yield break;
        }

        yield return literal.Kind == LiteralKind.Number ? "[" + text + "]" : Segment(text);
    }

    /// <summary>Snowflake <c>col:a.b[0]."Q"</c> segments as the parser kept them, normalised to <c>a.b[0].Q</c> pieces.</summary>
    public static IEnumerable<string> FromVariant(IEnumerable<string> segments)
    {
        foreach (var raw in segments)
        {
            foreach (var piece in raw.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                var p = piece.Trim().TrimStart(':');
                if (p.Length == 0)
                {
                    continue;
                }

                var bracket = p.IndexOf('[', StringComparison.Ordinal);
                if (bracket > 0)
                {
                    yield return p[..bracket].Trim('"');
                    yield return p[bracket..];
                }
                else
                {
                    yield return p.StartsWith('[') ? p : p.Trim('"');
                }
            }
        }
    }

    public static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '\'' && text[^1] == '\'' ? text[1..^1].Replace("''", "'", StringComparison.Ordinal) : text;

    private static string Segment(string text) => text.Length > 0 && text.All(char.IsAsciiDigit) ? "[" + text + "]" : text;
}
