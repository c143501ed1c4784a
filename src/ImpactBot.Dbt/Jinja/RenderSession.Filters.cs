using System.Globalization;

namespace ImpactBot.Dbt.Jinja;

/// <summary>Jinja tests (<c>x is defined</c>) and filters (<c>x | map(attribute='name')</c>).</summary>
internal sealed partial class RenderSession
{
    /// <summary>
    /// ImpactBot's own test, for its built-in package macros: the value is one only a warehouse knows (a query's result,
    /// the relations a pattern matches), so the macro can say what stands for it instead of guessing.
    /// </summary>
    private const string WarehouseOnlyTest = "impactbot_warehouse_only";

    /// <summary>ImpactBot's own filter, for its built-in package macros: the items a list only partly known holds for certain.</summary>
    private const string KnownItemsFilter = "impactbot_known_items";

    private object? ApplyTest(TestExpr test)
    {
        var value = Eval(test.Target);
        if (test.Name == WarehouseOnlyTest)
        {
            return value is UnknownValue != test.Negated;
        }

        var args = test.Args.Positional.Select(Eval).ToList();
        if (value is UnknownValue { StandsIn: true } or UnknownValue { Origin: not null } && test.Name is "none" or "defined" or "undefined")
        {
            // A stand-in (an unset env_var's name, a warehouse row) or a warehouse's answer is there where the project
            // runs: never none.
            if (value is UnknownValue { Origin: { } origin })
            {
                NoteAssumed(origin, test.Pos);
            }

            return (test.Name == "defined") != test.Negated;
        }

        if (value is UnknownValue || args.Any(a => a is UnknownValue))
        {
            return UnknownResult;
        }

        var result = Test(test.Name, value, args);
        return result is { } b ? b != test.Negated : UnknownResult;
    }

    private static bool? Test(string name, object? value, List<object?> args)
    {
        var a0 = args.Count > 0 ? args[0] : Undefined.Instance;
        return name switch
        {
            "defined" => value is not Undefined and not FunctionValue,
            "undefined" => value is Undefined or FunctionValue,
            "none" => value is null,
            "string" => value is string,
            "number" => value is long or double,
            "integer" => value is long,
            "float" => value is double,
            "mapping" => value is Dictionary<string, object?> or RelationValue,
            "iterable" or "sequence" => value is List<object?> or string or Dictionary<string, object?>,
            "callable" => value is MacroValue or FunctionValue or BoundMethod or CallerValue,
            "true" => value is true,
            "false" => value is false,
            "boolean" => value is bool,
            "lower" => value is string s && !s.Any(char.IsUpper),
            "upper" => value is string u && !u.Any(char.IsLower),
            "odd" => value is long o && o % 2 != 0,
            "even" => value is long e && e % 2 == 0,
            "divisibleby" => value is long d && a0 is long by && by != 0 && d % by == 0,
            "eq" or "equalto" or "==" or "sameas" => JinjaValues.Equal(value, a0),
            "ne" or "!=" => JinjaValues.Equal(value, a0) is { } eq ? !eq : null,
            "in" => Contains(a0, value) as bool?,
            "lt" or "lessthan" or "<" => Compare("<", value, a0) as bool?,
            "gt" or "greaterthan" or ">" => Compare(">", value, a0) as bool?,
            "le" or "<=" => Compare("<=", value, a0) as bool?,
            "ge" or ">=" => Compare(">=", value, a0) as bool?,
            _ => null,
        };
    }

    private object? ApplyFilter(FilterExpr filter)
    {
        var value = Eval(filter.Target);
        var args = filter.Args.Positional.Select(Eval).ToList();
        var named = filter.Args.Named.ToDictionary(n => n.Key, n => Eval(n.Value), StringComparer.Ordinal);
        return Decided(Filter(filter, value, args, named), new EvaluatedArgs(args, named), passesOn: false);
    }

    private object? Filter(FilterExpr filter, object? value, List<object?> args, Dictionary<string, object?> named)
    {
        object? Arg(int i, string key = "") => named.TryGetValue(key, out var v) ? v : i < args.Count ? args[i] : Undefined.Instance;
        if (filter.Name == KnownItemsFilter)
        {
            return value is UnknownValue unknown ? new List<object?>(unknown.Known) : JinjaValues.Iterate(value) ?? new List<object?>();
        }

        if (value is UnknownValue { Origin: not null } answer && filter.Name is "length" or "count")
        {
            return new UnknownValue("") { Origin = answer.Origin, IsCount = true };
        }

        if (value is UnknownValue { Known.IsEmpty: false } partly && filter.Name is "list" or "select" or "reject" or "selectattr" or "rejectattr" or "unique")
        {
            // The items known for certain go through the filter; the rest stays the warehouse's.
            var known = JinjaValues.Iterate(Filter(filter, new List<object?>(partly.Known), args, named)) ?? [];
            return partly with { Known = [.. known] };
        }

        if (value is UnknownValue && filter.Name is not ("default" or "d"))
        {
            return value;
        }

        var items = JinjaValues.Iterate(value);
        switch (filter.Name)
        {
            case "upper": return JinjaValues.Print(value).ToUpperInvariant();
            case "lower": return JinjaValues.Print(value).ToLowerInvariant();
            case "trim" or "strip": return Arg(0, "chars") is string chars ? JinjaValues.Print(value).Trim(chars.ToCharArray()) : JinjaValues.Print(value).Trim();
            case "string": return JinjaValues.Print(value);
            case "capitalize": return JinjaValues.Print(value) is { Length: > 0 } c ? char.ToUpperInvariant(c[0]) + c[1..].ToLowerInvariant() : "";
            case "title": return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(JinjaValues.Print(value).ToLowerInvariant());
            case "replace": return JinjaValues.Print(value).Replace(JinjaValues.Print(Arg(0, "old")), JinjaValues.Print(Arg(1, "new")), StringComparison.Ordinal);
            case "default" or "d":
                return value is Undefined or FunctionValue || (JinjaValues.Truth(Arg(1, "boolean")) == true && JinjaValues.Truth(value) == false) ? Arg(0, "default_value") : value;
            case "join":
                if (items is null)
                {
                    return UnknownResult;
                }

                var joined = Arg(1, "attribute") is string attr ? items.Select(i => Attribute(i, attr)) : items;
                return JinjaValues.Print(Arg(0, "d")) is var sep && joined.Any(i => i is UnknownValue)
                    ? new UnknownValue(string.Join(sep, joined.Select(JinjaValues.Print)))
                    : string.Join(sep, joined.Select(JinjaValues.Print));
            case "length" or "count":
                return value switch { string s => (long)s.Length, List<object?> list => (long)list.Count, Dictionary<string, object?> d => (long)d.Count, _ => 0L };
            case "list": return items is not null ? new List<object?>(items) : UnknownResult;
            case "first": return items is { Count: > 0 } ? items[0] : Undefined.Instance;
            case "last": return items is { Count: > 0 } ? items[^1] : Undefined.Instance;
            case "reverse": return value is string r ? new string(r.Reverse().ToArray()) : items is not null ? Enumerable.Reverse(items).ToList() : UnknownResult;
            case "int": return JinjaValues.Number(value) is { } n ? (long)n : long.TryParse(JinjaValues.Print(value), CultureInfo.InvariantCulture, out var i) ? i : 0L;
            case "float": return JinjaValues.Number(value) ?? (double.TryParse(JinjaValues.Print(value), CultureInfo.InvariantCulture, out var d2) ? d2 : 0d);
            case "abs": return value switch { long l => Math.Abs(l), double d => Math.Abs(d), _ => value };
            case "round":
                var digits = JinjaValues.Number(Arg(0, "precision")) is { } p ? (int)p : 0;
                return JinjaValues.Number(value) is { } x ? Math.Round(x, digits, MidpointRounding.AwayFromZero) : value;
            case "as_text" or "as_native" or "as_bool" or "as_number" or "safe" or "e" or "escape" or "forceescape" or "striptags" or "urlencode": return value;
            case "tojson": return DataFormats.ToJson(value, JinjaValues.Truth(Arg(0, "sort_keys")) == true);
            case "fromjson": return value is string json ? DataFormats.FromJson(json) : null;
            case "toyaml": return DataFormats.ToYaml(value);
            case "fromyaml": return value is string yaml ? FromYaml(yaml, filter.Pos) : null;
            case "items": return value is Dictionary<string, object?> dict ? dict.Select(e => (object?)new List<object?> { e.Key, e.Value }).ToList() : UnknownResult;
            case "dictsort": return value is Dictionary<string, object?> sorted ? sorted.OrderBy(e => e.Key, StringComparer.OrdinalIgnoreCase).Select(e => (object?)new List<object?> { e.Key, e.Value }).ToList() : UnknownResult;
            case "format": return PythonFormat.Percent(JinjaValues.Print(value), args.Count == 1 ? args[0] : args);
            case "indent": return Indent(JinjaValues.Print(value), JinjaValues.Number(Arg(0, "width")) is { } w ? (int)w : 4, JinjaValues.Truth(Arg(1, "first")) == true);
            case "wordcount": return (long)JinjaValues.Print(value).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            case "center": return JinjaValues.Print(value);
            case "truncate":
                var text = JinjaValues.Print(value);
                var length = JinjaValues.Number(Arg(0, "length")) is { } len ? (int)len : 255;
                return text.Length <= length ? text : text[..Math.Max(0, length - 3)] + "...";
            case "attr": return Attribute(value, JinjaValues.Print(Arg(0, "name")));
            case "batch" when items is not null && JinjaValues.Number(Arg(0, "linecount")) is { } size && size >= 1:
                return items.Chunk((int)size).Select(c => (object?)c.ToList()).ToList();
            case "map" or "select" or "reject" or "selectattr" or "rejectattr" or "sort" or "unique" or "sum" or "min" or "max" or "groupby":
                return items is null ? UnknownResult : Sequence(filter.Name, items, args, named, filter.Pos);
            default:
                Report("unknown-filter", $"filter '{filter.Name}' is not supported; its input is used unchanged", filter.Pos);
                return value;
        }
    }

    private object? Sequence(string name, List<object?> items, List<object?> args, Dictionary<string, object?> named, int pos)
    {
        var attribute = named.GetValueOrDefault("attribute") as string;
        object? Key(object? item) => attribute is null ? item : attribute.Split('.').Aggregate(item, Attribute);
        switch (name)
        {
            case "map":
                if (attribute is not null)
                {
                    return items.Select(i => Key(i) is Undefined && named.TryGetValue("default", out var dflt) ? dflt : Key(i)).ToList();
                }

                if (args.Count > 0 && args[0] is string mapped)
                {
                    return items.Select(i => ApplyNamedFilter(mapped, i, args.Skip(1).ToList(), pos)).ToList();
                }

                return UnknownResult;
            case "select" or "reject":
                return FilterBy(items, i => i, args, name == "reject");
            case "selectattr" or "rejectattr":
                return args.Count > 0 && args[0] is string path
                    ? FilterBy(items, i => path.Split('.').Aggregate(i, Attribute), args.Skip(1).ToList(), name == "rejectattr")
                    : UnknownResult;
            case "sort":
                var reverse = named.TryGetValue("reverse", out var rev) ? JinjaValues.Truth(rev) == true : args.Count > 0 && JinjaValues.Truth(args[0]) == true;
                var caseSensitive = named.TryGetValue("case_sensitive", out var cs) && JinjaValues.Truth(cs) == true;
                var sorted = items.OrderBy(Key, Comparer<object?>.Create((a, b) => SortOrder(a, b, caseSensitive))).ToList();
                return reverse ? Enumerable.Reverse(sorted).ToList() : sorted;
            case "unique":
                var unique = new List<object?>();
                foreach (var item in items.Where(item => !unique.Any(u => JinjaValues.Equal(Key(u), Key(item)) == true)))
                {
                    unique.Add(item);
                }

                return unique;
            case "sum":
                var start = named.GetValueOrDefault("start") ?? (args.Count > 1 ? args[1] : 0L);
                return items.Select(Key).Aggregate(start, (acc, x) => Arithmetic("+", acc, x));
            case "min" or "max":
                if (items.Count == 0)
                {
                    return Undefined.Instance;
                }

                var ordered = items.OrderBy(Key, Comparer<object?>.Create((a, b) => SortOrder(a, b, false))).ToList();
                return name == "min" ? ordered[0] : ordered[^1];
            default:
                return items.GroupBy(i => JinjaValues.Print(Key(i)))
                    .Select(g => (object?)new Dictionary<string, object?>(StringComparer.Ordinal) { ["grouper"] = Key(g.First()), ["list"] = g.ToList() })
                    .ToList();
        }
    }

    private static object? FilterBy(List<object?> items, Func<object?, object?> subject, List<object?> args, bool negate)
    {
        var kept = new List<object?>();
        foreach (var item in items)
        {
            var value = subject(item);
            bool? pass = args.Count == 0 ? JinjaValues.Truth(value) : args[0] is string test ? Test(test, value, args.Skip(1).ToList()) : null;
            if (pass is null)
            {
                return UnknownResult;
            }

            if (pass.Value != negate)
            {
                kept.Add(item);
            }
        }

        return kept;
    }

    private object? ApplyNamedFilter(string name, object? value, List<object?> args, int pos)
    {
        var filter = new FilterExpr(new LiteralExpr(value, pos), name, new Arguments([.. args.Select(a => (Expr)new LiteralExpr(a, pos))], []), pos);
        return ApplyFilter(filter);
    }

    private static int SortOrder(object? a, object? b, bool caseSensitive) => (a, b) switch
    {
        (string x, string y) => caseSensitive ? string.CompareOrdinal(x, y) : string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
        _ when JinjaValues.Number(a) is { } x && JinjaValues.Number(b) is { } y => x.CompareTo(y),
        _ => string.CompareOrdinal(JinjaValues.Print(a), JinjaValues.Print(b)),
    };

    private static string Indent(string text, int width, bool first)
    {
        var pad = new string(' ', width);
        var lines = text.Split('\n');
        return string.Join("\n", lines.Select((l, i) => (i == 0 && !first) || l.Length == 0 ? l : pad + l));
    }
}
