using System.Globalization;

namespace ImpactBot.Dbt.Jinja;

/// <summary>Expression evaluation. Unknown inputs give <see cref="UnknownValue"/>s, which make conditions undecidable.</summary>
internal sealed partial class RenderSession
{
    private static readonly UnknownValue UnknownResult = new("");

    private object? Eval(Expr expr) => Built(expr, expr switch
    {
        LiteralExpr literal => literal.Value,
        NameExpr name => Lookup(name.Name),
        AttrExpr attr => Attribute(Eval(attr.Target), attr.Name),
        ItemExpr item => Item(Eval(item.Target), Eval(item.Index)),
        CallExpr call => Call(Eval(call.Callee), call.Args, call.Pos),
        FilterExpr filter => ApplyFilter(filter),
        TestExpr test => ApplyTest(test),
        BinaryExpr binary => Binary(binary),
        UnaryExpr unary => Unary(unary),
        ListExpr list => list.Items.Select(Eval).ToList(),
        DictExpr dict => dict.Entries.ToDictionary(e => JinjaValues.Print(Eval(e.Key)), e => Eval(e.Value), StringComparer.Ordinal),
        ConditionalExpr conditional => Conditional(conditional),
        _ => UnknownResult,
    });

    /// <summary>Counts what an operator, filter or call built against the <see cref="RenderBudget"/>.</summary>
    private object? Built(Expr expr, object? value)
    {
        if (expr is not (BinaryExpr or FilterExpr or CallExpr or ListExpr))
        {
            return value;
        }

        var size = value switch
        {
            string s => s.Length,
            UnknownValue u => u.Sql.Length,
            List<object?> list => list.Count > RenderBudget.MaxListItems
                ? throw new RenderBudgetException($"an expression built a list of {list.Count:N0} items (at most {RenderBudget.MaxListItems:N0} are rendered)", expr.Pos)
                : list.Count,
            _ => 0,
        };
        if (size > RenderBudget.MaxValueChars)
        {
            throw new RenderBudgetException($"an expression built a value of {size:N0} characters (at most {RenderBudget.MaxValueChars:N0} are rendered)", expr.Pos);
        }

        _built += size;
        return _built > RenderBudget.MaxBuiltChars
            ? throw new RenderBudgetException($"the template built more than {RenderBudget.MaxBuiltChars:N0} characters of values (a loop that grows a string?)", expr.Pos)
            : value;
    }

    private object? Lookup(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].TryGetValue(name, out var value))
            {
                return value;
            }
        }

        return name switch
        {
            "this" => new RelationValue("__this__", _context.ThisName, null, null),
            "target" => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = _context.TargetName,
                ["target_name"] = _context.TargetName,
                ["schema"] = _context.TargetSchema,
                ["database"] = _context.TargetDatabase,
                ["type"] = _context.TargetType,
                ["threads"] = 1L,
            },
            "project_name" => _context.ProjectName,
            "execute" => true,
            "flags" => new Dictionary<string, object?>(StringComparer.Ordinal) { ["FULL_REFRESH"] = false, ["WHICH"] = "run" },
            _ => _context.Macros.Find(name) is { } macro ? macro : new FunctionValue(name),
        };
    }

    private object? Attribute(object? target, string name) => target switch
    {
        FunctionValue f when f.Name == _context.ProjectName && _context.Macros.Find(name) is { } macro => macro,
        FunctionValue f => new FunctionValue(f.Name + "." + name),
        Dictionary<string, object?> dict when dict.TryGetValue(name, out var value) => value,
        Dictionary<string, object?> dict => name is "items" or "keys" or "values" or "get" or "update" or "pop"
            ? new BoundMethod(dict, name)
            : Undefined.Instance,
        RelationValue relation => name switch
        {
            "identifier" or "name" or "table" => relation.Identifier,
            "schema" => relation.Source?.SourceName ?? _context.TargetSchema,
            "database" => _context.TargetDatabase,
            _ => new BoundMethod(relation, name),
        },
        UnknownValue unknown => unknown,
        null or Undefined => Undefined.Instance,
        _ => new BoundMethod(target, name),
    };

    private static object? Item(object? target, object? index) => (target, index) switch
    {
        (List<object?> list, long i) when i >= -list.Count && i < list.Count => list[(int)(i < 0 ? list.Count + i : i)],
        (Dictionary<string, object?> dict, string key) => dict.TryGetValue(key, out var value) ? value : Undefined.Instance,
        (string s, long i) when i >= 0 && i < s.Length => s[(int)i].ToString(),
        (UnknownValue u, _) => u,
        (_, UnknownValue u) => u,
        _ => Undefined.Instance,
    };

    private object? Conditional(ConditionalExpr expr)
    {
        switch (JinjaValues.Truth(Eval(expr.Condition)))
        {
            case true:
                return Eval(expr.Then);
            case false:
                return expr.Else is null ? Undefined.Instance : Eval(expr.Else);
            default:
                Report("undecidable-condition", "cannot decide this condition without a warehouse; using its first value", expr.Condition.Pos);
                return Eval(expr.Then);
        }
    }

    private object? Unary(UnaryExpr expr)
    {
        var value = Eval(expr.Operand);
        return expr.Op switch
        {
            "not" => JinjaValues.Truth(value) is { } b ? !b : UnknownResult,
            "-" => value switch { long l => -l, double d => -d, _ => UnknownResult },
            _ => value,
        };
    }

    private object? Binary(BinaryExpr expr)
    {
        if (expr.Op is "and" or "or")
        {
            var left = Eval(expr.Left);
            var truth = JinjaValues.Truth(left);
            if ((expr.Op == "and" && truth == false) || (expr.Op == "or" && truth == true))
            {
                return left;
            }

            var right = Eval(expr.Right);
            if (truth is not null)
            {
                return right;
            }

            var rightTruth = JinjaValues.Truth(right);
            return (expr.Op, rightTruth) switch
            {
                ("and", false) => false,
                ("or", true) => true,
                _ => UnknownResult,
            };
        }

        var l = Eval(expr.Left);
        var r = Eval(expr.Right);
        if (expr.Op == "~")
        {
            var text = JinjaValues.Print(l) + JinjaValues.Print(r);
            return l is UnknownValue || r is UnknownValue ? new UnknownValue(text) : text;
        }

        if (l is UnknownValue || r is UnknownValue)
        {
            return UnknownResult;
        }

        return expr.Op switch
        {
            "==" => JinjaValues.Equal(l, r),
            "!=" => !JinjaValues.Equal(l, r),
            "<" or ">" or "<=" or ">=" => Compare(expr.Op, l, r),
            "in" => Contains(r, l),
            "+" => (l, r) switch
            {
                (string a, string b) => a + b,
                (List<object?> a, List<object?> b) => new List<object?>([.. a, .. b]),
                _ => Arithmetic(expr.Op, l, r),
            },
            "*" when l is string s && r is long n => (long)s.Length * Math.Clamp(n, 0, 1000) > RenderBudget.MaxValueChars
                ? throw new RenderBudgetException($"'{Shorten(s)}' * {n} would build more than {RenderBudget.MaxValueChars:N0} characters", expr.Pos)
                : string.Concat(Enumerable.Repeat(s, (int)Math.Clamp(n, 0, 1000))),
            _ => Arithmetic(expr.Op, l, r),
        };
    }

    private static string Shorten(string s) => s.Length <= 20 ? s : s[..20] + "…";

    private static object? Compare(string op, object? l, object? r)
    {
        int? order = (l, r) switch
        {
            (string a, string b) => string.CompareOrdinal(a, b),
            _ when JinjaValues.Number(l) is { } a && JinjaValues.Number(r) is { } b => a.CompareTo(b),
            _ => null,
        };
        return order is not { } o ? UnknownResult : op switch
        {
            "<" => o < 0,
            ">" => o > 0,
            "<=" => o <= 0,
            _ => o >= 0,
        };
    }

    private static object? Contains(object? container, object? item) => container switch
    {
        List<object?> list => list.Any(x => JinjaValues.Equal(x, item) == true),
        Dictionary<string, object?> dict => item is string key && dict.ContainsKey(key),
        string s => item is string sub && s.Contains(sub, StringComparison.Ordinal),
        null or Undefined => false,
        _ => UnknownResult,
    };

    private static object? Arithmetic(string op, object? l, object? r)
    {
        if (JinjaValues.Number(l) is not { } a || JinjaValues.Number(r) is not { } b)
        {
            return UnknownResult;
        }

        var integral = l is long or bool && r is long or bool;
        double result;
        switch (op)
        {
            case "+": result = a + b; break;
            case "-": result = a - b; break;
            case "*": result = a * b; break;
            case "/": return b == 0 ? UnknownResult : a / b;
            case "//": return b == 0 ? UnknownResult : integral ? (object)(long)Math.Floor(a / b) : Math.Floor(a / b);
            case "%": return b == 0 ? UnknownResult : integral ? (object)(long)(((a % b) + b) % b) : a % b;
            case "**": result = Math.Pow(a, b); break;
            default: return UnknownResult;
        }

        return integral && Math.Abs(result) < long.MaxValue ? (long)result : result;
    }

    private object? ApplyTest(TestExpr test)
    {
        var value = Eval(test.Target);
        if (value is UnknownValue)
        {
            return UnknownResult;
        }

        bool? result = test.Name switch
        {
            "defined" => value is not Undefined and not FunctionValue,
            "undefined" => value is Undefined or FunctionValue,
            "none" => value is null,
            "string" => value is string,
            "number" => value is long or double,
            "integer" => value is long,
            "mapping" => value is Dictionary<string, object?>,
            "iterable" or "sequence" => value is List<object?> or string or Dictionary<string, object?>,
            "true" => value is true,
            "false" => value is false,
            "boolean" => value is bool,
            "eq" or "equalto" or "==" => test.Args.Positional.Length == 1 ? JinjaValues.Equal(value, Eval(test.Args.Positional[0])) : null,
            _ => null,
        };
        return result is { } b ? b != test.Negated : UnknownResult;
    }

    private object? ApplyFilter(FilterExpr filter)
    {
        var value = Eval(filter.Target);
        var args = filter.Args.Positional.Select(Eval).ToList();
        object? Arg(int i) => i < args.Count ? args[i] : Undefined.Instance;
        if (value is UnknownValue && filter.Name is not ("default" or "d"))
        {
            return value;
        }

        switch (filter.Name)
        {
            case "upper": return JinjaValues.Print(value).ToUpperInvariant();
            case "lower": return JinjaValues.Print(value).ToLowerInvariant();
            case "trim": return JinjaValues.Print(value).Trim();
            case "string": return JinjaValues.Print(value);
            case "capitalize": return JinjaValues.Print(value) is { Length: > 0 } c ? char.ToUpperInvariant(c[0]) + c[1..].ToLowerInvariant() : "";
            case "replace": return JinjaValues.Print(value).Replace(JinjaValues.Print(Arg(0)), JinjaValues.Print(Arg(1)), StringComparison.Ordinal);
            case "default" or "d":
                return value is Undefined or FunctionValue || (JinjaValues.Truth(Arg(1)) == true && JinjaValues.Truth(value) == false) ? Arg(0) : value;
            case "join":
                var items = JinjaValues.Iterate(value);
                return items is null ? UnknownResult : string.Join(Arg(0) is Undefined ? "" : JinjaValues.Print(Arg(0)), items.Select(JinjaValues.Print));
            case "length" or "count":
                return value switch { string s => (long)s.Length, List<object?> list => (long)list.Count, Dictionary<string, object?> d => (long)d.Count, _ => 0L };
            case "list": return JinjaValues.Iterate(value) is { } list2 ? new List<object?>(list2) : UnknownResult;
            case "first": return value is List<object?> { Count: > 0 } f ? f[0] : Undefined.Instance;
            case "last": return value is List<object?> { Count: > 0 } l ? l[^1] : Undefined.Instance;
            case "int": return JinjaValues.Number(value) is { } n ? (long)n : long.TryParse(JinjaValues.Print(value), CultureInfo.InvariantCulture, out var i) ? i : 0L;
            case "float": return JinjaValues.Number(value) ?? (double.TryParse(JinjaValues.Print(value), CultureInfo.InvariantCulture, out var d2) ? d2 : 0d);
            case "as_text" or "as_native" or "as_bool" or "as_number" or "safe" or "e" or "escape": return value;
            default:
                Report("unknown-filter", $"filter '{filter.Name}' is not supported; its input is used unchanged", filter.Pos);
                return value;
        }
    }
}
