using System.Text;
using System.Text.RegularExpressions;
using ImpactBot.Dbt.Jinja;
using ImpactBot.Core.Files;
using ImpactBot.Sql.Text;

namespace ImpactBot.Dbt;

/// <summary>
/// Reads a dbt Python model (<c>def model(dbt, session)</c>) as data, without running it. Its <c>dbt.ref(...)</c>,
/// <c>dbt.source(...)</c> and <c>dbt.config(...)</c> calls have Jinja's call syntax for literal arguments, so they are
/// cut out of the code, each in its place on its line, and evaluated by the Jinja renderer: the same rules for versions,
/// packages and dynamic arguments as in SQL models. Everything else (strings, comments, the Python code) is blanked.
/// </summary>
internal static partial class PythonModelReader
{
    private static readonly string[] Calls = ["ref", "source", "config"];

    public static bool IsPythonFile(string path) => path.EndsWith(".py", StringComparison.OrdinalIgnoreCase);

    public static PythonModelCode Read(string code, string path, JinjaContext context)
    {
        var receiver = ModelFunction().Match(code) is { Success: true } m ? m.Groups[1].Value : "dbt";
        var render = JinjaRenderer.Render(Template(code, receiver), path, context);
        var diagnostics = render.Diagnostics.Add(new FileDiagnostic(
            "python-model",
            "Python model: its lineage is model-level only (upstreams from dbt.ref/dbt.source, columns from YAML)",
            path,
            LineOf(code, code.IndexOf("def model", StringComparison.Ordinal)),
            1,
            DiagnosticSeverity.Info));
        return new PythonModelCode(render.Refs, render.Sources, render.Config, render.IsComplete, diagnostics);
    }

    /// <summary>A Jinja template holding only the calls on the receiver, as <c>{{ ref(...) }}</c>, on their lines.</summary>
    private static string Template(string code, string receiver)
    {
        var template = new StringBuilder(code.Length + 64);
        var i = 0;
        while (i < code.Length)
        {
            var c = code[i];
            if (c is '#')
            {
                i = EndOfLine(code, i);
                continue;
            }

            if (c is '\'' or '"')
            {
                var end = SkipString(code, i);
                Blank(code, i, end, template);
                i = end;
                continue;
            }

            if (IsNameStart(c) && (i == 0 || !IsNamePart(code[i - 1]) && code[i - 1] != '.'))
            {
                var end = i;
                while (end < code.Length && IsNamePart(code[end]))
                {
                    end++;
                }

                if (code.AsSpan(i, end - i).SequenceEqual(receiver) && Call(code, end) is var (name, open, close))
                {
                    template.Append("{{").Append(' ', Math.Max(open - name.Length - i - 2, 0));
                    AppendCall(code, open - name.Length, close + 1, template);
                    template.Append("}}");
                    i = close + 1;
                    continue;
                }

                template.Append(' ', end - i);
                i = end;
                continue;
            }

            template.Append(c == '\n' ? '\n' : ' ');
            i++;
        }

        return template.ToString();
    }

    /// <summary>After the receiver: <c>.ref(</c> (or source, config) up to its closing parenthesis.</summary>
    private static (string Name, int Open, int Close)? Call(string code, int at)
    {
        if (at >= code.Length || code[at] != '.')
        {
            return null;
        }

        foreach (var name in Calls)
        {
            var open = at + 1 + name.Length;
            if (open < code.Length && code[open] == '(' && code.AsSpan(at + 1, name.Length).SequenceEqual(name))
            {
                return Close(code, open) is { } close ? (name, open, close) : null;
            }
        }

        return null;
    }

    private static int? Close(string code, int open)
    {
        var depth = 0;
        for (var i = open; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    if (--depth == 0)
                    {
                        return code[i] == ')' ? i : null;
                    }

                    break;
                case '\'' or '"':
                    i = SkipString(code, i) - 1;
                    break;
                case '#':
                    i = EndOfLine(code, i) - 1;
                    break;
            }
        }

        return null;
    }

    /// <summary>The offset just past the string literal starting at <paramref name="start"/> (single, double or triple quoted).</summary>
    private static int SkipString(string code, int start)
    {
        var quote = code[start];
        var triple = start + 2 < code.Length && code[start + 1] == quote && code[start + 2] == quote;
        var i = start + (triple ? 3 : 1);
        while (i < code.Length)
        {
            var c = code[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }

            if (c == quote && (!triple || i + 2 < code.Length && code[i + 1] == quote && code[i + 2] == quote))
            {
                return i + (triple ? 3 : 1);
            }

            if (c == '\n' && !triple)
            {
                return i;
            }

            i++;
        }

        return code.Length;
    }

    /// <summary>
    /// The call's text as is, but for comments between its arguments, which Jinja would not read, and closing braces of
    /// nested dicts, spaced so they do not end the tag.
    /// </summary>
    private static void AppendCall(string code, int start, int end, StringBuilder template)
    {
        var i = start;
        while (i < end)
        {
            if (code[i] is '\'' or '"')
            {
                var stringEnd = SkipString(code, i);
                template.Append(code, i, stringEnd - i);
                i = stringEnd;
            }
            else if (code[i] == '#')
            {
                var lineEnd = EndOfLine(code, i);
                template.Append(' ', lineEnd - i);
                i = lineEnd;
            }
            else
            {
                if (code[i] == '}' && template[^1] == '}')
                {
                    template.Append(' ');
                }

                template.Append(code[i++]);
            }
        }
    }

    private static int EndOfLine(string code, int from) => code.IndexOf('\n', from) is var end and >= 0 ? end : code.Length;

    private static void Blank(string code, int start, int end, StringBuilder template)
    {
        for (var i = start; i < end; i++)
        {
            template.Append(code[i] == '\n' ? '\n' : ' ');
        }
    }

    private static int LineOf(string code, int offset) => offset < 0 ? 1 : code.AsSpan(0, offset).Count('\n') + 1;

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c == '_';

    [GeneratedRegex(@"^def\s+model\s*\(\s*([A-Za-z_]\w*)", RegexOptions.Multiline)]
    private static partial Regex ModelFunction();
}
