using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ImpactBot.Dbt.Jinja;

/// <summary>Calls: dbt built-ins, project macros, methods of values, and placeholders for everything unknown.</summary>
internal sealed partial class RenderSession
{
    private sealed record EvaluatedArgs(List<object?> Positional, Dictionary<string, object?> Named)
    {
        public object? Get(int index, string name) =>
            Named.TryGetValue(name, out var v) ? v : index >= 0 && index < Positional.Count ? Positional[index] : Undefined.Instance;
    }

    private object? Call(object? callee, Arguments arguments, int pos)
    {
        var args = new EvaluatedArgs(
            arguments.Positional.Select(Eval).ToList(),
            arguments.Named.ToDictionary(n => n.Key, n => Eval(n.Value), StringComparer.Ordinal));
        return callee switch
        {
            MacroValue macro => CallMacro(macro, args, pos),
            BoundMethod method => CallMethod(method, args, pos),
            FunctionValue function => CallBuiltin(function.Name, args, pos),
            UnknownValue unknown => unknown,
            _ => Unknown(JinjaValues.Print(callee), args, pos),
        };
    }

    private object? CallBuiltin(string name, EvaluatedArgs args, int pos)
    {
        switch (name)
        {
            case "ref":
                return Ref(args, pos);
            case "source":
                if (args.Get(0, "source_name") is string sourceName && args.Get(1, "table_name") is string tableName)
                {
                    var source = new DbtSourceRef(sourceName, tableName, Line(pos));
                    AddOnce(_sources, source, s => (s.SourceName, s.TableName));
                    return new RelationValue(source.RelationName, tableName, null, source);
                }

                return Unknown(name, args, pos);
            case "config":
                foreach (var (key, value) in args.Named)
                {
                    _config = _config.Merge(new DbtMap([new(key, JinjaValues.ToDbtValue(value))]));
                }

                return "";
            case "config.get" or "config.require":
                return args.Get(0, "name") is string configKey && _config[configKey] is { } configured
                    ? JinjaValues.FromDbtValue(configured)
                    : args.Get(1, "default") is var fallback and not Undefined ? fallback : null;
            case "var":
                var varName = JinjaValues.Print(args.Get(0, "name"));
                if (_context.Vars[varName] is { } projectVar)
                {
                    return JinjaValues.FromDbtValue(projectVar);
                }

                if (args.Get(1, "default") is var varDefault and not Undefined)
                {
                    return varDefault;
                }

                Report("missing-var", $"var '{varName}' has no value in dbt_project.yml and no default", pos);
                return UnknownResult;
            case "is_incremental":
                _hasIncremental = true;
                return false;
            case "env_var":
                return args.Get(1, "default") is var envDefault and not Undefined ? envDefault : Unknown(name, args, pos);
            case "log" or "print" or "exceptions.warn" or "do" or "debug":
                return "";
            case "exceptions.raise_compiler_error":
                Report("compiler-error", "the template reaches raise_compiler_error: " + JinjaValues.Print(args.Get(0, "msg")), pos);
                return "";
            case "return":
                if (_frame is not null)
                {
                    _frame.Returned = args.Get(0, "value");
                    _frame.HasReturned = true;
                }

                return "";
            case "range":
                return Range(args);
            case "dict":
                return new Dictionary<string, object?>(args.Named, StringComparer.Ordinal);
            case "list":
                return JinjaValues.Iterate(args.Get(0, "value")) is { } items ? new List<object?>(items) : UnknownResult;
            case "dbt_utils.star" or "star":
                return Star(args, pos) is { } star ? star : Unknown(name, args, pos);
            default:
                return CrossDatabaseMacros.Expand(name, args.Positional, _context.TargetType) is { } sql ? sql : Unknown(name, args, pos);
        }
    }

    private RelationValue? Ref(EvaluatedArgs args, int pos)
    {
        var strings = args.Positional.OfType<string>().ToList();
        if (strings.Count == 0 || strings.Count != args.Positional.Count)
        {
            Report("dynamic-ref", "ref() with arguments the renderer cannot know", pos);
            return null;
        }

        var version = args.Get(-1, "v") is var v and not Undefined ? v : args.Get(-1, "version");
        var reference = new DbtRef(
            strings[^1],
            strings.Count > 1 ? strings[0] : null,
            version is Undefined or null ? null : JinjaValues.Print(version),
            Line(pos));
        AddOnce(_refs, reference, r => (r.Package, r.Name, r.Version));
        return new RelationValue(reference.RelationName, reference.Name, reference, null);
    }

    private string? Star(EvaluatedArgs args, int pos)
    {
        if (args.Get(0, "from") is not RelationValue { Ref: not null } and not RelationValue { Source: not null })
        {
            return null;
        }

        var relation = (RelationValue)args.Get(0, "from")!;
        var alias = args.Get(2, "relation_alias") is string a && a.Length > 0 ? a : null;
        _stars.Add(new StarMacro(relation.Ref, relation.Source, JinjaValues.Strings(args.Get(1, "except")), alias, Line(pos)));
        return alias is null ? "*" : alias + ".*";
    }

    private static List<object?> Range(EvaluatedArgs args)
    {
        var numbers = args.Positional.Select(a => JinjaValues.Number(a) is { } n ? (long)n : 0L).ToList();
        var (start, stop, step) = numbers.Count switch
        {
            1 => (0L, numbers[0], 1L),
            2 => (numbers[0], numbers[1], 1L),
            >= 3 => (numbers[0], numbers[1], numbers[2] == 0 ? 1L : numbers[2]),
            _ => (0L, 0L, 1L),
        };
        var result = new List<object?>();
        for (var i = start; (step > 0 ? i < stop : i > stop) && result.Count < MaxLoopItems; i += step)
        {
            result.Add(i);
        }

        return result;
    }

    /// <summary>
    /// A placeholder for a macro the renderer cannot run: <c>__macro__name(args)</c>, keeping identifier-like string
    /// arguments as column references so column lineage still flows through the call.
    /// </summary>
    private UnknownValue Unknown(string name, EvaluatedArgs args, int pos)
    {
        Report("unknown-macro", $"'{name}' is not a macro the renderer can expand; a placeholder stands in for it", pos);
        var columns = args.Positional.Concat(args.Named.Values)
            .SelectMany(a => a is List<object?> list ? list : [a])
            .OfType<string>()
            .Where(IsIdentifierPath);
        return new UnknownValue($"__macro__{name.Replace(".", "__", StringComparison.Ordinal)}({string.Join(", ", columns)})");
    }

    private static bool IsIdentifierPath(string text) =>
        text.Length > 0 && !char.IsDigit(text[0]) && text.All(c => char.IsLetterOrDigit(c) || c is '_' or '.');

    private object? CallMacro(MacroValue macro, EvaluatedArgs args, int pos)
    {
        if (_macroDepth >= MaxMacroDepth)
        {
            Report("macro-recursion", $"macro '{macro.Node.Name}' nests too deeply to expand", pos);
            return UnknownResult;
        }

        var savedScopes = _scopes;
        var savedFrame = _frame;
        if (_macroDepth == 0)
        {
            _callSitePos = pos;
        }

        _macroDepth++;
        _scopes = [savedScopes[0], new Dictionary<string, object?>(StringComparer.Ordinal)];
        _frame = new MacroFrame();
        try
        {
            var parameters = macro.Node.Parameters;
            for (var i = 0; i < parameters.Length; i++)
            {
                var p = parameters[i];
                var value = args.Get(i, p.Name);
                _scopes[^1][p.Name] = value is Undefined && p.Default is not null ? Eval(p.Default) : value;
            }

            _scopes[^1]["varargs"] = args.Positional.Skip(parameters.Length).ToList();
            _scopes[^1]["kwargs"] = args.Named.Where(n => !parameters.Any(p => p.Name == n.Key)).ToDictionary(StringComparer.Ordinal);
            var sb = new StringBuilder();
            Render(macro.Node.Body, sb);
            return _frame.HasReturned ? _frame.Returned : sb.ToString();
        }
        finally
        {
            _macroDepth--;
            _scopes = savedScopes;
            _frame = savedFrame;
        }
    }

    private object? CallMethod(BoundMethod method, EvaluatedArgs args, int pos)
    {
        var a0 = args.Get(0, "");
        switch (method.Target, method.Name)
        {
            case (Dictionary<string, object?> d, "items"):
                return d.Select(e => (object?)new List<object?> { e.Key, e.Value }).ToList();
            case (Dictionary<string, object?> d, "keys"):
                return d.Keys.Select(k => (object?)k).ToList();
            case (Dictionary<string, object?> d, "values"):
                return d.Values.ToList();
            case (Dictionary<string, object?> d, "get"):
                return a0 is string key && d.TryGetValue(key, out var found) ? found : args.Get(1, "default") is var dflt and not Undefined ? dflt : null;
            case (Dictionary<string, object?> d, "update"):
                if (a0 is Dictionary<string, object?> other)
                {
                    foreach (var (k, v) in other)
                    {
                        d[k] = v;
                    }
                }

                return "";
            case (Dictionary<string, object?> d, "pop"):
                return a0 is string popKey && d.Remove(popKey, out var popped) ? popped : args.Get(1, "default");
            case (List<object?> list, "append"):
                if (list.Count >= RenderBudget.MaxListItems)
                {
                    throw new RenderBudgetException($"appending to a list past {RenderBudget.MaxListItems:N0} items", pos);
                }

                list.Add(a0);
                return "";
            case (List<object?> list, "extend"):
                var added = JinjaValues.Iterate(a0) ?? [];
                if ((long)list.Count + added.Count > RenderBudget.MaxListItems)
                {
                    throw new RenderBudgetException($"extending a list past {RenderBudget.MaxListItems:N0} items", pos);
                }

                list.AddRange(added);
                return "";
            case (string s, _):
                return StringMethod(s, method.Name, args) ?? Unknown(method.Name, args, pos);
            default:
                return Unknown(method.Name, args, pos);
        }
    }

    private static object? StringMethod(string s, string name, EvaluatedArgs args)
    {
        var a0 = args.Get(0, "");
        return name switch
        {
            "upper" => s.ToUpperInvariant(),
            "lower" => s.ToLowerInvariant(),
            "strip" => a0 is string chars ? s.Trim(chars.ToCharArray()) : s.Trim(),
            "lstrip" => s.TrimStart(),
            "rstrip" => s.TrimEnd(),
            "title" => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(s),
            "replace" => s.Replace(JinjaValues.Print(a0), JinjaValues.Print(args.Get(1, "")), StringComparison.Ordinal),
            "startswith" => a0 is string p && s.StartsWith(p, StringComparison.Ordinal),
            "endswith" => a0 is string e && s.EndsWith(e, StringComparison.Ordinal),
            "split" => (a0 is string sep ? s.Split(sep) : s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Select(x => (object?)x).ToList(),
            "join" => JinjaValues.Iterate(a0) is { } items ? string.Join(s, items.Select(JinjaValues.Print)) : null,
            "format" => null,
            _ => null,
        };
    }

    private static void AddOnce<T, TKey>(List<T> list, T item, Func<T, TKey> key)
    {
        var k = key(item);
        if (!list.Any(x => EqualityComparer<TKey>.Default.Equals(key(x), k)))
        {
            list.Add(item);
        }
    }
}
