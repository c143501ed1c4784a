using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ImpactBot.Core.Files;
using ImpactBot.Sql.Text;

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
        var positional = arguments.Positional.Select(Eval).ToList();
        if (arguments.Spread is { } spread)
        {
            positional.AddRange(JinjaValues.Iterate(Eval(spread)) ?? []);
        }

        var named = arguments.Named.ToDictionary(n => n.Key, n => Eval(n.Value), StringComparer.Ordinal);
        if (arguments.SpreadNamed is { } spreadNamed && Eval(spreadNamed) is Dictionary<string, object?> extra)
        {
            foreach (var (key, value) in extra)
            {
                named.TryAdd(key, value);
            }
        }

        return Call(callee, new EvaluatedArgs(positional, named), pos);
    }

    private object? Call(object? callee, EvaluatedArgs args, int pos, CallerValue? caller = null) => callee switch
    {
        MacroValue macro => CallMacro(macro, args, pos, caller),
        BoundMethod method => Decided(CallMethod(method, args, pos), args, Mutators.Contains(method.Name)),
        FunctionValue function => Decided(CallBuiltin(function.Name, args, pos), args, function.Name is "return" or "do" or "log" or "print"),
        CallerValue body => RenderCaller(body),
        UnknownValue unknown => unknown,
        _ => Unknown(JinjaValues.Print(callee), args, pos),
    };

    private string RenderCaller(CallerValue caller)
    {
        var sb = new StringBuilder();
        var frame = _frame;
        _frame = new MacroFrame();
        try
        {
            Render(caller.Body, sb);
        }
        finally
        {
            _frame = frame;
        }

        return sb.ToString();
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
                    return Relation(source.RelationName, tableName, null, source);
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
                    var varValue = JinjaValues.FromDbtValue(projectVar);
                    return varValue is string text && (text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal))
                        ? RenderVarText(text, pos)
                        : varValue;
                }

                if (args.Get(1, "default") is var varDefault and not Undefined)
                {
                    return varDefault;
                }

                Report("missing-var", $"var '{varName}' has no value in dbt_project.yml and no default", pos);
                return UnknownResult;
            case "is_incremental":
                _hasIncremental = true;
                return _incrementalRun;
            case "env_var":
                return args.Get(1, "default") is var envDefault and not Undefined ? envDefault : UnsetEnvVar(JinjaValues.Print(args.Get(0, "var")), pos);
            case "log" or "print" or "do" or "debug":
                return "";
            case "return":
                if (_frame is not null)
                {
                    _frame.Returned = args.Get(0, "value");
                    _frame.HasReturned = true;
                }

                return "";
            case "namespace":
                var attributes = args.Get(0, "value") is Dictionary<string, object?> initial ? new Dictionary<string, object?>(initial, StringComparer.Ordinal) : new(StringComparer.Ordinal);
                foreach (var (key, value) in args.Named)
                {
                    attributes[key] = value;
                }

                return new NamespaceValue(attributes);
            case "range":
                return Range(args);
            case "dict":
                return Dict(args);
            case "list":
                return JinjaValues.Iterate(args.Get(0, "value")) is { } items ? new List<object?>(items) : UnknownResult;
            case "dbt_utils.star" or "star":
                return Star(args, pos) is { } star ? star : Unknown(name, args, pos);
            case "dbt_utils.get_relations_by_pattern" or "dbt_utils.get_relations_by_prefix":
                return RelationsLike(name, args, pos) is { } relations ? relations : CallDbtUtilsMacro(name, args, pos);
            case "dbt_utils.get_column_values":
                return SeedColumnValues(args) is (true, var values) ? values : CallDbtUtilsMacro(name, args, pos);
            default:
                return TryContextCall(name, args, pos, out var result) ? result
                    : CrossDatabaseMacros.Expand(name, args.Positional, args.Named, _context.TargetType)
                    ?? (BuiltinFallback(name, pos) is { } builtin ? CallMacro(builtin, args, pos, null) : Unknown(name, args, pos));
        }
    }

    /// <summary>A <c>dbt_utils.</c> call the project's files cannot answer: the installed macro, else ImpactBot's built-in copy.</summary>
    private object? CallDbtUtilsMacro(string name, EvaluatedArgs args, int pos) =>
        (_context.Macros.FindIn("dbt_utils", name["dbt_utils.".Length..]) ?? BuiltinFallback(name, pos)) is { } macro
            ? CallMacro(macro, args, pos, null)
            : Unknown(name, args, pos);

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
        return Relation(reference.RelationName, reference.Name, reference, null);
    }

    private string? Star(EvaluatedArgs args, int pos)
    {
        if (args.Get(0, "from") is not RelationValue { Ref: not null } and not RelationValue { Source: not null })
        {
            return null;
        }

        var relation = (RelationValue)args.Get(0, "from")!;
        var alias = args.Get(2, "relation_alias") is string a && a.Length > 0 ? a : null;
        var except = JinjaValues.Strings(args.Get(1, "except"));
        AskIfUnknownSeed(relation);
        if (_context.RelationColumns.TryGetValue(relation.Sql, out var known))
        {
            // The columns are known (catalog.json): list them as dbt_utils.star does against the warehouse.
            var prefix = JinjaValues.Print(args.Get(3, "prefix"));
            var suffix = JinjaValues.Print(args.Get(4, "suffix"));
            var quote = args.Get(5, "quote_identifiers") is Undefined || JinjaValues.Truth(args.Get(5, "quote_identifiers")) != false;
            var listed = known.Select(c => c.Name)
                .Where(c => !except.Contains(c, StringComparer.OrdinalIgnoreCase))
                .Select(c => (alias is null ? "" : alias + ".") + (quote ? Quote(c) : c) + (prefix.Length + suffix.Length > 0 ? " as " + Quote(prefix + c + suffix) : ""))
                .ToList();
            // Nothing left: dbt_utils prints a comment where the columns go (at compile time a `*` with it, only to keep
            // SQLFluff happy; read as lineage it would be every column excluded), so what follows stays valid SQL.
            return listed.Count == 0 ? "/* no columns returned from star() macro */" : string.Join(",\n  ", listed);
        }

        if (args.Get(3, "prefix") is string { Length: > 0 } || args.Get(4, "suffix") is string { Length: > 0 })
        {
            // Renamed columns need their names: render again once the relation's columns are known.
            _columnsAsked.Add(relation.Sql);
        }

        _stars.Add(new StarMacro(relation.Ref, relation.Source, except, alias, Line(pos)));
        var star = alias is null ? "*" : alias + ".*";

        // The columns left out stay out however many the relation has: `* exclude (..)`, which the SQL reader takes in every dialect.
        return except.IsEmpty ? star : $"{star} exclude ({string.Join(", ", except.Select(c => PlainIdentifier(c) ? c : Quote(c)))})";
    }

    /// <summary>
    /// <c>dbt_utils.get_column_values(table, column, order_by, max_records, default, where)</c> over a seed, answered
    /// from its CSV as the query over the seeded table would (see <see cref="SeedTables.ColumnValues"/>); no values give
    /// the default, as the macro returns it. Null when the query needs the warehouse: the package's macro runs it.
    /// </summary>
    private (bool Answered, object? Values) SeedColumnValues(EvaluatedArgs args)
    {
        if (_context.Seeds is not { } seeds || args.Get(0, "table") is not RelationValue { Ref: not null } table || args.Get(1, "column") is not string column
            || args.Get(3, "max_records") is not (null or Undefined or long) || args.Get(5, "where") is not (null or Undefined or string))
        {
            return (false, null);
        }

        AskIfUnknownSeed(table);
        var orderBy = args.Get(2, "order_by") is string order ? order : "count(*) desc";
        var values = seeds.ColumnValues(table.Sql, column, args.Get(5, "where") as string, orderBy, args.Get(3, "max_records") as long?);
        return values is null ? (false, null)
            : (true, values.Count > 0 ? values : args.Get(4, "default") is var fallback and not Undefined ? fallback : null);
    }

    /// <summary>Python's <c>dict(mapping_or_pairs, **named)</c>: a copy of the mapping (or pairs), then the named arguments.</summary>
    private static object? Dict(EvaluatedArgs args)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        switch (args.Positional.FirstOrDefault())
        {
            case null when args.Positional.Count == 0:
                break;
            case Dictionary<string, object?> mapping:
                foreach (var (key, value) in mapping)
                {
                    result[key] = value;
                }

                break;
            case List<object?> pairs when pairs.All(p => p is List<object?> { Count: 2 }):
                foreach (var pair in pairs.Cast<List<object?>>())
                {
                    result[JinjaValues.Print(pair[0])] = pair[1];
                }

                break;
            default:
                return UnknownResult;
        }

        foreach (var (key, value) in args.Named)
        {
            result[key] = value;
        }

        return result;
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

    /// <summary>
    /// An env var with no default: the render does not read the environment (a commit always renders the same SQL), so
    /// the variable's name stands in for its value. Printed, it is as good as any value (a database name, a salt in a
    /// string literal); a condition over it is undecidable and makes the model partial, as any unknown value does.
    /// </summary>
    private UnknownValue UnsetEnvVar(string variable, int pos)
    {
        NoteOnce(
            "env-var-unset",
            $"env_var('{variable}') has no default; its name stands in for its value (ImpactBot does not read the environment when rendering)",
            _macroDepth > 0 ? _callSitePos : pos);
        return new UnknownValue(variable) { StandsIn = true };
    }

    private static bool IsIdentifierPath(string text) =>
        text.Length > 0 && !char.IsDigit(text[0]) && text.All(c => char.IsLetterOrDigit(c) || c is '_' or '.');

    private object? CallMacro(MacroValue macro, EvaluatedArgs args, int pos, CallerValue? caller)
    {
        if (_macroDepth >= MaxMacroDepth)
        {
            Report("macro-recursion", $"macro '{macro.Node.Name}' nests too deeply to expand", pos);
            return UnknownResult;
        }

        var savedScopes = _scopes;
        var savedFrame = _frame;
        var savedPackage = _package;
        if (_macroDepth == 0)
        {
            _callSitePos = pos;
        }

        _macroDepth++;
        _scopes = [savedScopes[0], new Dictionary<string, object?>(StringComparer.Ordinal)];
        _frame = new MacroFrame();
        _package = macro.Package.Length > 0 ? macro.Package : _package;
        if (macro.IsBuiltin && savedPackage != macro.Package)
        {
            // One note per macro the model calls, not per helper the built-in calls in turn.
            BuiltinUsed(macro);
        }

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
            if (caller is not null)
            {
                _scopes[^1]["caller"] = caller;
            }

            var sb = new StringBuilder();
            Render(macro.Node.Body, sb);
            if (_frame.HasReturned && _frame.Returned is UnknownValue { Origin: not null } unknown && macro.Package.Length > 0 && savedPackage != macro.Package)
            {
                // What needs the warehouse is the package macro the model called, not the query it runs inside.
                return unknown with { Origin = macro.Package + "." + macro.Node.Name };
            }

            return _frame.HasReturned ? _frame.Returned : sb.ToString();
        }
        finally
        {
            _macroDepth--;
            _scopes = savedScopes;
            _frame = savedFrame;
            _package = savedPackage;
        }
    }

    /// <summary>
    /// dbt renders a var's string value with the model's context when var() is called (dbt_project.yml's vars are left
    /// as written when the project loads): <c>"{{ '2021-04-16' if target.name == 'prod' else ... }}"</c>.
    /// </summary>
    private string RenderVarText(string text, int pos)
    {
        var nodes = TemplateParser.Parse(text);
        var savedScopes = _scopes;
        if (_macroDepth == 0)
        {
            _callSitePos = pos;
        }

        _macroDepth++;
        _scopes = [savedScopes[0], new Dictionary<string, object?>(StringComparer.Ordinal)];
        try
        {
            var sb = new StringBuilder();
            Render(nodes, sb);
            return sb.ToString();
        }
        finally
        {
            _macroDepth--;
            _scopes = savedScopes;
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
            case (Dictionary<string, object?> d, "setdefault"):
                return a0 is string setKey ? d.TryGetValue(setKey, out var existing) ? existing : d[setKey] = args.Get(1, "default") is var sd and not Undefined ? sd : null : UnknownResult;
            case (Dictionary<string, object?> d, "copy"):
                return new Dictionary<string, object?>(d, StringComparer.Ordinal);
            case (List<object?> list, _) when ListMethod(list, method.Name, args) is { } listResult:
                return listResult;
            case (AdapterValue, _):
                return Adapter(method.Name, args, pos);
            case (ColumnValue column, _):
                return ColumnMethod(column, method.Name, args, pos);
            case (RelationValue relation, "get"):
                return RelationItem(relation, JinjaValues.Print(args.Get(0, "key")), args.Get(1, "default"));
            case (RelationValue relation, _):
                return method.Name == "render" ? relation.Text : relation;
            case (DateTimeValue date, _):
                return PythonDateTime.Method(date, method.Name, args.Positional, args.Named) ?? Unknown(method.Name, args, pos);
            case (TimeDeltaValue delta, "total_seconds"):
                return delta.Span.TotalSeconds;
            case (RegexValue regex, _):
                return RegexCall(regex.Regex, method.Name, args.Positional, args.Named) ?? Unknown(method.Name, args, pos);
            case (RegexMatchValue match, _):
                return MatchMethod(match, method.Name, args.Positional) ?? Unknown(method.Name, args, pos);
            case (string s, "format"):
                return PythonFormat.Format(s, args.Positional, args.Named);
            case (string s, _):
                return StringMethod(s, method.Name, args) ?? Unknown(method.Name, args, pos);
            default:
                return Unknown(method.Name, args, pos);
        }
    }

    /// <summary>
    /// A relation read as the mapping dbt's relations are (<c>relation.get('metadata')</c>, as dbt_utils' <c>_is_relation</c>
    /// checks): its <c>metadata.type</c> names the adapter's relation class.
    /// </summary>
    private object? RelationItem(RelationValue relation, string key, object? fallback) => key switch
    {
        "metadata" => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["type"] = (_context.TargetType.Length == 0 ? "Base" : char.ToUpperInvariant(_context.TargetType[0]) + _context.TargetType[1..]) + "Relation",
        },
        "path" => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["database"] = Attribute(relation, "database"),
            ["schema"] = Attribute(relation, "schema"),
            ["identifier"] = relation.Identifier,
        },
        "type" => "table",
        _ => fallback is Undefined ? null : fallback,
    };

    private static object? StringMethod(string s, string name, EvaluatedArgs args)
    {
        var a0 = args.Get(0, "");
        return name switch
        {
            "upper" => s.ToUpperInvariant(),
            "lower" => s.ToLowerInvariant(),
            "strip" => a0 is string chars ? s.Trim(chars.ToCharArray()) : s.Trim(),
            "lstrip" => a0 is string lc ? s.TrimStart(lc.ToCharArray()) : s.TrimStart(),
            "rstrip" => a0 is string rc ? s.TrimEnd(rc.ToCharArray()) : s.TrimEnd(),
            "title" => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(s),
            "replace" => s.Replace(JinjaValues.Print(a0), JinjaValues.Print(args.Get(1, "")), StringComparison.Ordinal),
            "startswith" => a0 is string p && s.StartsWith(p, StringComparison.Ordinal),
            "endswith" => a0 is string e && s.EndsWith(e, StringComparison.Ordinal),
            "split" => (a0 is string sep ? s.Split(sep) : s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Select(x => (object?)x).ToList(),
            "join" => JinjaValues.Iterate(a0) is { } items ? string.Join(s, items.Select(JinjaValues.Print)) : null,
            "rsplit" => (a0 is string rsep ? s.Split(rsep) : s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Select(x => (object?)x).ToList(),
            "splitlines" => s.Split('\n').Select(x => (object?)x.TrimEnd('\r')).ToList(),
            "count" => a0 is string sub && sub.Length > 0 ? (long)((s.Length - s.Replace(sub, "", StringComparison.Ordinal).Length) / sub.Length) : 0L,
            "find" => a0 is string f ? (long)s.IndexOf(f, StringComparison.Ordinal) : -1L,
            "index" => a0 is string ix ? (long)s.IndexOf(ix, StringComparison.Ordinal) : -1L,
            "isdigit" or "isnumeric" or "isdecimal" => s.Length > 0 && s.All(char.IsDigit),
            "isalpha" => s.Length > 0 && s.All(char.IsLetter),
            "isalnum" => s.Length > 0 && s.All(char.IsLetterOrDigit),
            "isupper" => s.Any(char.IsLetter) && !s.Any(char.IsLower),
            "islower" => s.Any(char.IsLetter) && !s.Any(char.IsUpper),
            "capitalize" => s.Length > 0 ? char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant() : s,
            "casefold" => s.ToLowerInvariant(),
            "swapcase" => new string(s.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray()),
            "zfill" => JinjaValues.Number(a0) is { } width ? s.PadLeft((int)width, '0') : s,
            "ljust" => JinjaValues.Number(a0) is { } lw ? s.PadRight((int)lw) : s,
            "rjust" => JinjaValues.Number(a0) is { } rw ? s.PadLeft((int)rw) : s,
            "center" => s,
            "removeprefix" => a0 is string pre && s.StartsWith(pre, StringComparison.Ordinal) ? s[pre.Length..] : s,
            "removesuffix" => a0 is string suf && s.EndsWith(suf, StringComparison.Ordinal) ? s[..^suf.Length] : s,
            "partition" => a0 is string ps && s.IndexOf(ps, StringComparison.Ordinal) is var at and >= 0
                ? new List<object?> { s[..at], ps, s[(at + ps.Length)..] }
                : new List<object?> { s, "", "" },
            "encode" or "decode" => s,
            _ => null,
        };
    }

    private static object? ListMethod(List<object?> list, string name, EvaluatedArgs args)
    {
        var a0 = args.Get(0, "");
        switch (name)
        {
            case "index":
                return (long)list.FindIndex(x => JinjaValues.Equal(x, a0) == true);
            case "count":
                return (long)list.Count(x => JinjaValues.Equal(x, a0) == true);
            case "insert" when JinjaValues.Number(a0) is { } at:
                list.Insert(Math.Clamp((int)at, 0, list.Count), args.Get(1, ""));
                return "";
            case "pop" when list.Count > 0:
                var index = JinjaValues.Number(a0) is { } i ? (int)(i < 0 ? list.Count + i : i) : list.Count - 1;
                var popped = list[index];
                list.RemoveAt(index);
                return popped;
            case "remove":
                list.Remove(list.FirstOrDefault(x => JinjaValues.Equal(x, a0) == true));
                return "";
            case "reverse":
                list.Reverse();
                return "";
            case "sort":
                list.Sort((x, y) => SortOrder(x, y, caseSensitive: true));
                return "";
            case "copy":
                return new List<object?>(list);
            default:
                return null;
        }
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
