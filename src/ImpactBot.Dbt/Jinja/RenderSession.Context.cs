using ImpactBot.Core.Files;
using ImpactBot.Sql.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ImpactBot.Dbt.Jinja;

/// <summary>
/// dbt's compile context beyond plain Jinja: the names a model or macro can use (<c>target</c>, <c>run_started_at</c>,
/// <c>modules</c>, <c>adapter</c>, <c>builtins</c>...), package namespaces, and the functions dbt adds.
/// </summary>
internal sealed partial class RenderSession
{
    /// <summary>Functions of dbt's context that <c>builtins</c> and the <c>dbt</c> namespace also reach.</summary>
    private static readonly HashSet<string> ContextFunctions = new(StringComparer.Ordinal)
    {
        "ref", "source", "config", "var", "env_var", "is_incremental", "should_full_refresh", "run_query", "statement",
        "load_result", "store_result", "store_raw_result", "log", "print", "return", "fromjson", "tojson", "fromyaml",
        "toyaml", "zip", "set", "set_strict", "zip_strict", "local_md5", "diff_of_two_dicts", "try_or_compiler_error",
        "doc", "metric", "write", "render", "incremental_validate_on_schema_change", "load_relation",
    };

    private object? ContextValue(string name)
    {
        switch (name)
        {
            case "this":
                return new RelationValue(DbtThis.RelationName(_context.ThisName), _context.ThisName, null, null);
            case "target":
                return Target();
            case "project_name":
                return _context.ProjectName;
            case "execute":
                return true;
            case "flags":
                return new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["FULL_REFRESH"] = false, ["WHICH"] = "compile", ["STORE_FAILURES"] = false, ["EMPTY"] = false, ["USE_COLORS"] = false,
                };
            case "run_started_at":
                return new DateTimeValue(_context.RunStartedAt.UtcDateTime, TimeZoneInfo.Utc);
            case "invocation_id":
                return _context.InvocationId;
            case "dbt_version":
                return "1.9.0";
            case "thread_id":
                return "Thread-1";
            case "adapter":
                return AdapterValue.Instance;
            case "builtins":
                return new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["ref"] = new FunctionValue("ref"), ["source"] = new FunctionValue("source"), ["config"] = new FunctionValue("config"),
                };
            case "schema":
                return _context.TargetSchema;
            case "database":
                return _context.TargetDatabase;
            case "model":
                return new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["name"] = _context.ThisName, ["alias"] = _context.ThisName, ["resource_type"] = "model",
                    ["unique_id"] = $"model.{_context.ProjectName}.{_context.ThisName}", ["package_name"] = _context.ProjectName,
                    ["schema"] = _context.TargetSchema, ["database"] = _context.TargetDatabase, ["config"] = new Dictionary<string, object?>(StringComparer.Ordinal),
                    ["tags"] = new List<object?>(), ["meta"] = new Dictionary<string, object?>(StringComparer.Ordinal),
                };
            case "graph":
                _usesGraph = true;
                return _context.Graph?.Value ?? new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["nodes"] = new Dictionary<string, object?>(StringComparer.Ordinal), ["sources"] = new Dictionary<string, object?>(StringComparer.Ordinal),
                    ["exposures"] = new Dictionary<string, object?>(StringComparer.Ordinal), ["metrics"] = new Dictionary<string, object?>(StringComparer.Ordinal),
                    ["groups"] = new Dictionary<string, object?>(StringComparer.Ordinal), ["semantic_models"] = new Dictionary<string, object?>(StringComparer.Ordinal),
                };
            case "invocation_args_dict" or "dbt_metadata_envs":
                return new Dictionary<string, object?>(StringComparer.Ordinal);
            case "selected_resources":
                return new List<object?>();
            case "dbt":
                return new PackageNamespace("dbt");
        }

        if (name == "is_incremental" && _incrementalRun)
        {
            // The incremental run is asked for by name: a project's own is_incremental (which asks the warehouse) says yes too.
            return new FunctionValue(name);
        }

        if (_context.Macros.Find(name, _package) is { } macro)
        {
            return macro;
        }

        if (_context.Macros.IsNamespace(name))
        {
            return new PackageNamespace(name);
        }

        // Jinja has no `null` literal: macros that write `arg = null` get an undefined value (false, printed empty).
        return name == "null" ? Undefined.Instance : new FunctionValue(name);
    }

    private Dictionary<string, object?> Target() => new(StringComparer.Ordinal)
    {
        ["name"] = _context.TargetName,
        ["target_name"] = _context.TargetName,
        ["profile_name"] = _context.ProjectName,
        ["schema"] = _context.TargetSchema,
        ["dataset"] = _context.TargetSchema,
        ["database"] = _context.TargetDatabase,
        ["project"] = _context.TargetDatabase,
        ["catalog"] = _context.TargetDatabase,
        ["type"] = _context.TargetType,
        ["threads"] = 1L,
        ["user"] = "",
        ["role"] = "",
        ["warehouse"] = "",
    };

    /// <summary><c>pkg.name</c>: the package's macro, else a built-in of that name (<c>dbt.type_string</c>, <c>dbt_utils.star</c>).</summary>
    private object? PackageMember(string package, string name)
    {
        if (package == "dbt")
        {
            return ContextFunctions.Contains(name) ? new FunctionValue(name) : new FunctionValue("dbt." + name);
        }

        if (package == "dbt_utils" && name is "star" or "get_column_values" or "get_relations_by_pattern" or "get_relations_by_prefix")
        {
            return new FunctionValue("dbt_utils." + name);
        }

        return _context.Macros.FindIn(package, name) is { } macro ? macro : new FunctionValue(package + "." + name);
    }

    /// <summary>Constants of <c>modules</c> (<c>modules.re.IGNORECASE</c>); null for anything else.</summary>
    private static object? ModuleConstant(string path) => path switch
    {
        "modules.re.IGNORECASE" or "modules.re.I" => (long)RegexOptions.IgnoreCase,
        "modules.re.MULTILINE" or "modules.re.M" => (long)RegexOptions.Multiline,
        "modules.re.DOTALL" or "modules.re.S" => (long)RegexOptions.Singleline,
        "modules.re.VERBOSE" or "modules.re.X" => (long)RegexOptions.IgnorePatternWhitespace,
        "modules.pytz.utc" or "modules.pytz.UTC" or "modules.datetime.timezone.utc" => new TimeZoneValue(TimeZoneInfo.Utc, "UTC"),
        _ => null,
    };

    /// <summary>dbt context functions and <c>modules</c>; false when <paramref name="name"/> is none of them.</summary>
    private bool TryContextCall(string name, EvaluatedArgs args, int pos, out object? result)
    {
        result = ContextCall(name, args, pos);
        return result != NotContext;
    }

    private static readonly object NotContext = new();

    /// <summary><c>fromyaml</c>: over the YAML budgets is a <c>yaml-budget</c> diagnostic at the call and no value.</summary>
    private object? FromYaml(string yaml, int pos)
    {
        var value = DataFormats.FromYaml(yaml, out var overBudget);
        if (overBudget is not null)
        {
            Report("yaml-budget", $"fromyaml(): {overBudget}", pos, DiagnosticSeverity.Error);
        }

        return value;
    }

    private object? ContextCall(string name, EvaluatedArgs args, int pos)
    {
        var a0 = args.Get(0, "");
        switch (name)
        {
            case "fromjson":
                return args.Get(0, "string") is string json ? DataFormats.FromJson(json) ?? Default(args) : Default(args);
            case "tojson":
                return DataFormats.ToJson(args.Get(0, "value"), JinjaValues.Truth(args.Get(-1, "sort_keys")) == true);
            case "fromyaml":
                return args.Get(0, "value") is string yaml ? FromYaml(yaml, pos) ?? Default(args) : Default(args);
            case "toyaml":
                return DataFormats.ToYaml(args.Get(0, "value"));
            case "zip" or "zip_strict":
                var lists = args.Positional.Select(JinjaValues.Iterate).ToList();
                if (lists.Any(l => l is null))
                {
                    return UnknownResult;
                }

                var count = lists.Count == 0 ? 0 : lists.Min(l => l!.Count);
                return Enumerable.Range(0, count).Select(i => (object?)lists.Select(l => l![i]).ToList()).ToList();
            case "set" or "set_strict":
                var distinct = new List<object?>();
                foreach (var item in JinjaValues.Iterate(a0) ?? [])
                {
                    if (!distinct.Any(d => JinjaValues.Equal(d, item) == true))
                    {
                        distinct.Add(item);
                    }
                }

                return a0 is UnknownValue ? UnknownResult : distinct;
            case "local_md5":
#pragma warning disable CA5351 // dbt's local_md5 is MD5 by definition; templates use it for names, not security.
                return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(JinjaValues.Print(args.Get(0, "value")))));
#pragma warning restore CA5351
            case "diff_of_two_dicts":
                return args.Get(0, "dict_a") is Dictionary<string, object?> a && args.Get(1, "dict_b") is Dictionary<string, object?> b
                    ? a.Where(e => !b.ContainsKey(e.Key)).ToDictionary(StringComparer.Ordinal)
                    : UnknownResult;
            case "try_or_compiler_error":
                return Call(args.Get(1, "func"), new EvaluatedArgs([.. args.Positional.Skip(2)], args.Named.Where(n => n.Key is not ("message_if_exception" or "func")).ToDictionary(StringComparer.Ordinal)), pos);
            case "statement" or "store_result" or "store_raw_result" or "write" or "doc":
                return "";
            case "render":
                return a0;
            case "should_full_refresh":
                return false;
            case "incremental_validate_on_schema_change":
                return args.Get(0, "on_schema_change") is string s && s is "ignore" or "append_new_columns" or "sync_all_columns" or "fail" ? s : args.Get(1, "default") is string d ? d : "ignore";
            case "load_result" or "run_query":
                return NeedsWarehouse(name, pos);
            case "load_relation":
                return Relation(name, args, pos);
            case "metric":
                return new RelationValue("__metric__." + JinjaValues.Print(a0), JinjaValues.Print(a0), null, null);
            case "api.Relation.create":
                var parts = new[] { args.Get(0, "database"), args.Get(1, "schema"), args.Get(2, "identifier") }
                    .Where(p => p is string { Length: > 0 }).Select(JinjaValues.Print).ToList();
                return parts.Count == 0 ? UnknownResult : new RelationValue(string.Join(".", parts), parts[^1], null, null);
            case "api.Column.translate_type":
                return TranslateType(JinjaValues.Print(args.Get(0, "dtype")));
            case "exceptions.warn" or "exceptions.warn_snapshot_timestamp_data_types":
                return "";
            case "exceptions.raise_compiler_error" or "exceptions.raise_not_implemented" or "exceptions.raise_fail_fast_error" or "exceptions.column_type_missing"
                or "exceptions.raise_contract_error" or "exceptions.relation_wrong_type" or "exceptions.raise_database_error" or "exceptions.raise_dependency_error":
                _raised++;
                Report("compiler-error", $"the template reaches {name[11..]}: {JinjaValues.Print(args.Get(0, "msg"))}", pos);
                return "";
        }

        return name.StartsWith("modules.", StringComparison.Ordinal) ? Module(name[8..], args, pos) : NotContext;
    }

    /// <summary>
    /// dbt's <c>Column.translate_type</c>: the adapter's Column class's <c>TYPE_LABELS</c> entry for the upper-cased type
    /// (each adapter replaces the base table), else the type as given.
    /// </summary>
    private string TranslateType(string dtype)
    {
        var upper = dtype.ToUpperInvariant();
        string? label = _context.TargetType switch
        {
            "bigquery" => upper switch { "TEXT" => "STRING", "FLOAT" => "FLOAT64", "INTEGER" => "INT64", _ => null },
            "sqlserver" or "synapse" or "fabric" => upper switch { "STRING" => "VARCHAR(MAX)", "TIMESTAMP" => "DATETIME", "FLOAT" => "FLOAT", "INTEGER" => "INT", _ => null },
            "spark" or "databricks" => upper switch { "LONG" => "BIGINT", _ => null },
            _ => upper switch { "STRING" => "TEXT", "TIMESTAMP" => "TIMESTAMP", "FLOAT" => "FLOAT", "INTEGER" => "INT", "BOOLEAN" => "BOOLEAN", _ => null },
        };
        return label ?? dtype;
    }

    private static object? Default(EvaluatedArgs args) => args.Get(1, "default") is var d and not Undefined ? d : null;

    private object? Module(string name, EvaluatedArgs args, int pos)
    {
        if (name.StartsWith("datetime.", StringComparison.Ordinal))
        {
            var now = new DateTimeValue(_context.RunStartedAt.UtcDateTime, TimeZoneInfo.Utc);
            return PythonDateTime.Call(name, args.Positional, args.Named, now) ?? Unknown("modules." + name, args, pos);
        }

        switch (name)
        {
            case "pytz.timezone":
                var zoneName = JinjaValues.Print(args.Get(0, "zone"));
                return PythonDateTime.FindZone(zoneName) is { } zone ? new TimeZoneValue(zone, zoneName) : Unknown("modules.pytz.timezone", args, pos);
            case "re.compile":
                return ToRegex(args.Get(0, "pattern"), args.Get(1, "flags")) is { } compiled ? new RegexValue(compiled) : UnknownResult;
            case "re.match" or "re.search" or "re.fullmatch" or "re.sub" or "re.findall" or "re.split" or "re.escape":
                if (name == "re.escape")
                {
                    return Regex.Escape(JinjaValues.Print(args.Get(0, "pattern")));
                }

                var flags = args.Get(name == "re.sub" ? 4 : name == "re.split" ? 3 : 2, "flags");
                return ToRegex(args.Get(0, "pattern"), flags) is { } regex ? RegexCall(regex, name[3..], args.Positional.Skip(1).ToList(), args.Named) : UnknownResult;
            case "itertools.product":
                var pools = args.Positional.Select(JinjaValues.Iterate).ToList();
                if (pools.Any(p => p is null))
                {
                    return UnknownResult;
                }

                IEnumerable<List<object?>> product = [[]];
                foreach (var pool in pools)
                {
                    product = product.SelectMany(prefix => pool!.Select(item => new List<object?>(prefix) { item }));
                }

                return product.Take(MaxLoopItems).Select(p => (object?)p).ToList();
            case "itertools.chain":
                var chained = args.Positional.Select(JinjaValues.Iterate).ToList();
                return chained.Any(c => c is null) ? UnknownResult : chained.SelectMany(c => c!).ToList();
            case "itertools.combinations":
                return JinjaValues.Iterate(args.Get(0, "iterable")) is { } pool2 && JinjaValues.Number(args.Get(1, "r")) is { } r
                    ? Combinations(pool2, (int)r).Take(MaxLoopItems).Select(c => (object?)c).ToList()
                    : UnknownResult;
            default:
                return Unknown("modules." + name, args, pos);
        }
    }

    private static IEnumerable<List<object?>> Combinations(List<object?> pool, int r, int start = 0)
    {
        if (r == 0)
        {
            yield return [];
            yield break;
        }

        for (var i = start; i <= pool.Count - r; i++)
        {
            foreach (var rest in Combinations(pool, r - 1, i + 1))
            {
                yield return [pool[i], .. rest];
            }
        }
    }

    private static Regex? ToRegex(object? pattern, object? flags)
    {
        if (pattern is RegexValue compiled)
        {
            return compiled.Regex;
        }

        if (pattern is not string text)
        {
            return null;
        }

        try
        {
            return new Regex(text, (JinjaValues.Number(flags) is { } f ? (RegexOptions)(long)f : RegexOptions.None) | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static object? RegexCall(Regex regex, string method, List<object?> args, Dictionary<string, object?> named)
    {
        object? Arg(int i, string key) => named.TryGetValue(key, out var v) ? v : i < args.Count ? args[i] : null;
        try
        {
            switch (method)
            {
                case "match" or "search" or "fullmatch":
                    if (Arg(0, "string") is not string text)
                    {
                        return UnknownResult;
                    }

                    var match = regex.Match(text);
                    var ok = match.Success && (method == "search" || match.Index == 0) && (method != "fullmatch" || match.Length == text.Length);
                    return ok ? new RegexMatchValue(match) : null;
                case "sub":
                    if (Arg(1, "string") is not string input)
                    {
                        return UnknownResult;
                    }

                    var replacement = Regex.Replace(JinjaValues.Print(Arg(0, "repl")), @"\\(\d+)", "$$$1");
                    var max = JinjaValues.Number(Arg(2, "count")) is { } c && c > 0 ? (int)c : -1;
                    return regex.Replace(input, replacement, max);
                case "findall":
                    return Arg(0, "string") is string all
                        ? regex.Matches(all).Select(m => (object?)(m.Groups.Count switch
                        {
                            1 => m.Value,
                            2 => m.Groups[1].Value,
                            _ => m.Groups.Values.Skip(1).Select(g => (object?)g.Value).ToList(),
                        })).ToList()
                        : UnknownResult;
                case "split":
                    return Arg(0, "string") is string split ? regex.Split(split).Select(s => (object?)s).ToList() : UnknownResult;
                default:
                    return null;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return UnknownResult;
        }
    }

    private static object? MatchMethod(RegexMatchValue match, string name, List<object?> args) => name switch
    {
        "group" when args.Count <= 1 => Group(match.Match, args.Count == 0 ? 0L : args[0]),
        "group" => args.Select(a => Group(match.Match, a)).ToList(),
        "groups" => match.Match.Groups.Values.Skip(1).Select(g => g.Success ? (object?)g.Value : null).ToList(),
        "groupdict" => match.Match.Groups.Values.Skip(1).Where(g => !int.TryParse(g.Name, out _)).ToDictionary(g => g.Name, g => g.Success ? (object?)g.Value : null, StringComparer.Ordinal),
        "start" => (long)match.Match.Index,
        "end" => (long)(match.Match.Index + match.Match.Length),
        "span" => new List<object?> { (long)match.Match.Index, (long)(match.Match.Index + match.Match.Length) },
        _ => null,
    };

    private static object? Group(Match match, object? key) => key switch
    {
        long i when i < match.Groups.Count => match.Groups[(int)i].Success ? match.Groups[(int)i].Value : null,
        string name when match.Groups[name].Success => match.Groups[name].Value,
        _ => null,
    };

    /// <summary>
    /// A value that only a warehouse knows: it stays unknown, so what depends on it is left out or guessed, with one
    /// diagnostic. The render is partial only where the unknown reaches the SQL (see RenderSession.Unknowns.cs).
    /// </summary>
    private UnknownValue NeedsWarehouse(string what, int pos)
    {
        Report("needs-warehouse", $"'{what}' needs a warehouse; what depends on its result cannot be rendered exactly", pos, partial: false);
        return UnknownResult with { Origin = what };
    }
}
