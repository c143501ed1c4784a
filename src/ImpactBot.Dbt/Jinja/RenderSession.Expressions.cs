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
        SliceExpr slice => Slice(slice),
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

        return ContextValue(name);
    }

    private object? Attribute(object? target, string name) => target switch
    {
        PackageNamespace package => PackageMember(package.Package, name),
        FunctionValue f => ModuleConstant(f.Name + "." + name) ?? new FunctionValue(f.Name + "." + name),
        NamespaceValue ns => ns.Attributes.TryGetValue(name, out var attribute) ? attribute : Undefined.Instance,
        Dictionary<string, object?> dict when dict.TryGetValue(name, out var value) => value,
        Dictionary<string, object?> dict => name is "items" or "keys" or "values" or "get" or "update" or "pop" or "setdefault" or "copy"
            ? new BoundMethod(dict, name)
            : Undefined.Instance,
        RelationValue relation => name switch
        {
            "identifier" or "name" or "table" => relation.Identifier,
            "schema" => relation.Source?.SourceName ?? _context.TargetSchema,
            "database" => _context.TargetDatabase,
            "type" => "table",
            "is_table" => true,
            "is_view" or "is_cte" or "is_materialized_view" => false,
            _ => new BoundMethod(relation, name),
        },
        DateTimeValue date => PythonDateTime.Attribute(date, name),
        TimeDeltaValue delta => PythonDateTime.DeltaAttribute(delta, name),
        TimeZoneValue zone => name == "zone" ? zone.Name : new BoundMethod(zone, name),
        ColumnValue column => name switch
        {
            "name" or "column" => column.Name,
            "quoted" => column.Quoted,
            "dtype" => column.Dtype,
            "data_type" => column.DataType,
            "char_size" => column.CharSize,
            "numeric_precision" => column.NumericPrecision,
            "numeric_scale" => column.NumericScale,
            _ => new BoundMethod(column, name),
        },
        UnknownValue unknown => unknown,
        null or Undefined => Undefined.Instance,
        _ => new BoundMethod(target, name),
    };

    private object? Item(object? target, object? index) => (target, index) switch
    {
        (List<object?> list, long i) when i >= -list.Count && i < list.Count => list[(int)(i < 0 ? list.Count + i : i)],
        (Dictionary<string, object?> dict, string key) => dict.TryGetValue(key, out var value) ? value : Undefined.Instance,
        (Dictionary<string, object?> dict, _) when index is not UnknownValue => dict.TryGetValue(JinjaValues.Print(index), out var value) ? value : Undefined.Instance,
        (string s, long i) when i >= -s.Length && i < s.Length => s[(int)(i < 0 ? s.Length + i : i)].ToString(),
        (UnknownValue u, _) => u,
        (_, UnknownValue u) => u,
        (not (List<object?> or Dictionary<string, object?> or string), string key) => Attribute(target, key),
        _ => Undefined.Instance,
    };

    private object? Slice(SliceExpr slice)
    {
        var target = Eval(slice.Target);
        if (new[] { slice.Start, slice.Stop, slice.Step }.Any(e => e is not null && Eval(e) is UnknownValue))
        {
            return UnknownResult;
        }

        long? Bound(Expr? e) => e is null ? null : JinjaValues.Number(Eval(e)) is { } n ? (long)n : null;
        var (start, stop, step) = (Bound(slice.Start), Bound(slice.Stop), Bound(slice.Step) ?? 1);
        List<object?>? items = target switch
        {
            List<object?> list => list,
            string s => [.. s.Select(c => (object?)c.ToString())],
            _ => null,
        };
        if (items is null || step == 0)
        {
            return target is UnknownValue ? target : UnknownResult;
        }

        long Clamp(long? i, long dflt) => i is not { } v ? dflt : Math.Clamp(v < 0 ? v + items.Count : v, step > 0 ? 0 : -1, step > 0 ? items.Count : items.Count - 1);
        var result = new List<object?>();
        for (var i = Clamp(start, step > 0 ? 0 : items.Count - 1); step > 0 ? i < Clamp(stop, items.Count) : i > Clamp(stop, -1); i += step)
        {
            result.Add(items[(int)i]);
        }

        return target is string ? string.Concat(result.Select(JinjaValues.Print)) : result;
    }

    private object? Conditional(ConditionalExpr expr)
    {
        switch (Holds(Eval(expr.Condition), expr.Condition.Pos))
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

    /// <summary>A warehouse answer's item count (at least one) compared with a number: decided where one item settles it.</summary>
    private bool? CompareCount(BinaryExpr expr, object? l, object? r)
    {
        var (count, n, op) = l is UnknownValue u ? (u, (long)r!, expr.Op) : ((UnknownValue)r!, (long)l!, Flip(expr.Op));
        bool? decided = op switch
        {
            "==" when n < 1 => false,
            "!=" when n < 1 => true,
            ">" when n < 1 => true,
            ">=" when n <= 1 => true,
            "<" when n <= 1 => false,
            "<=" when n < 1 => false,
            _ => null,
        };
        if (decided is not null)
        {
            NoteAssumed(count.Origin!, expr.Pos);
        }

        return decided;

        static string Flip(string op) => op switch { "<" => ">", ">" => "<", "<=" => ">=", ">=" => "<=", _ => op };
    }

    private object? Unary(UnaryExpr expr)
    {
        var value = Eval(expr.Operand);
        return expr.Op switch
        {
            "not" => Holds(value, expr.Pos) is { } b ? !b : UnknownResult,
            "-" => value switch { long l => (object)-l, double d => -d, _ => UnknownResult },
            _ => value,
        };
    }

    private object? Binary(BinaryExpr expr)
    {
        if (expr.Op is "and" or "or")
        {
            var left = Eval(expr.Left);
            var truth = Holds(left, expr.Left.Pos);
            if ((expr.Op == "and" && truth == false) || (expr.Op == "or" && truth == true))
            {
                return left;
            }

            var right = Eval(expr.Right);
            if (truth is not null)
            {
                return right;
            }

            var rightTruth = Holds(right, expr.Right.Pos);
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
            var text = Text(l) + Text(r);
            return l is UnknownValue || r is UnknownValue ? new UnknownValue(text) { StandsIn = StandsInText(l) && StandsInText(r) } : text;
        }

        if (expr.Op == "+" && (l, r) is (UnknownValue { } ul, List<object?> rl))
        {
            return new UnknownValue("") { Known = [.. ul.Known, .. rl] };
        }

        if (expr.Op == "+" && (l, r) is (List<object?> ll, UnknownValue { } ur))
        {
            return new UnknownValue("") { Known = [.. ll, .. ur.Known] };
        }

        if ((l, r) is (UnknownValue { IsCount: true }, long) or (long, UnknownValue { IsCount: true }) && CompareCount(expr, l, r) is { } decided)
        {
            return decided;
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
                _ => PythonDateTime.Arithmetic(expr.Op, l, r) ?? Arithmetic(expr.Op, l, r),
            },
            "*" when l is string s && r is long n => (long)s.Length * Math.Clamp(n, 0, 1000) > RenderBudget.MaxValueChars
                ? throw new RenderBudgetException($"'{Shorten(s)}' * {n} would build more than {RenderBudget.MaxValueChars:N0} characters", expr.Pos)
                : string.Concat(Enumerable.Repeat(s, (int)Math.Clamp(n, 0, 1000))),
            "*" when l is List<object?> items && r is long n => Enumerable.Repeat(items, (int)Math.Clamp(n, 0, 1000)).SelectMany(x => x).ToList(),
            "%" when l is string format => PythonFormat.Percent(format, r),
            _ => PythonDateTime.Arithmetic(expr.Op, l, r) ?? Arithmetic(expr.Op, l, r),
        };
    }

    private static string Shorten(string s) => s.Length <= 20 ? s : s[..20] + "…";

    private static object? Compare(string op, object? l, object? r)
    {
        int? order = (l, r) switch
        {
            (string a, string b) => string.CompareOrdinal(a, b),
            (DateTimeValue a, DateTimeValue b) => a.Instant.CompareTo(b.Instant),
            (TimeDeltaValue a, TimeDeltaValue b) => a.Span.CompareTo(b.Span),
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

        return integral && Math.Abs(result) < long.MaxValue ? (object)(long)result : result;
    }
}
