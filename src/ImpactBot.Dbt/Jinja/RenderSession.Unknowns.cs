using System.Collections.Immutable;
using System.Text;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax;
using ImpactBot.Sql.Text;

namespace ImpactBot.Dbt.Jinja;

/// <summary>
/// Where a value only a warehouse knows reaches the SQL. Asking for it (<c>run_query</c>, <c>load_result</c>) makes
/// nothing partial; printing it, branching or looping on it, or a built-in turning it into a known value does. So a
/// model whose unknowns end as unknowns (a list of relations a stand-in takes the place of) renders exactly what is
/// known, and one whose SQL text rests on a guess says so.
/// </summary>
internal sealed partial class RenderSession
{
    /// <summary>Methods by which a loop body changes a list or dict it did not create.</summary>
    private static readonly HashSet<string> Mutators = new(StringComparer.Ordinal) { "append", "extend", "insert", "update", "pop", "remove", "clear", "setdefault" };

    private static bool ContainsUnknown(object? value) => value switch
    {
        UnknownValue { StandsIn: true } => false,
        UnknownValue => true,
        List<object?> list => list.Exists(ContainsUnknown),
        Dictionary<string, object?> dict => dict.Values.Any(ContainsUnknown),
        _ => false,
    };

    /// <summary>
    /// A condition's truth. An answer only a warehouse has (a query's rows, a relation it finds) counts as there and not
    /// empty, as where the project runs in production, so <c>{% if rows %}</c> takes the branch that uses them; anything
    /// computed from it stays undecided, but for its length compared with 0 or 1 (at least one item).
    /// </summary>
    private bool? Holds(object? value, int pos)
    {
        if (value is UnknownValue { Origin: { } origin })
        {
            NoteAssumed(origin, pos);
            return true;
        }

        return JinjaValues.Truth(value);
    }

    private void NoteAssumed(string origin, int pos) =>
        Note("assumed-answer", $"assumed that '{origin}' answers (rows, a relation), as where the project runs; the branch for no answer is not rendered", pos);

    /// <summary>
    /// A built-in's or filter's result: known although an argument was unknown means the unknown was guessed away
    /// (printed as empty, compared as nothing). <paramref name="passesOn"/>: it only stores or returns its argument.
    /// </summary>
    private object? Decided(object? result, EvaluatedArgs args, bool passesOn)
    {
        if (!passesOn && result is not UnknownValue && (args.Positional.Exists(ContainsUnknown) || args.Named.Values.Any(ContainsUnknown)))
        {
            _partial = true;
        }

        return result;
    }

    /// <summary>
    /// Renders the first branch of an if whose condition needs a warehouse that does not raise an error: a project that
    /// compiles takes none that does (<c>{% if n <= 0 %}{{ exceptions.raise_compiler_error(..) }}{% endif %}</c>, or
    /// a macro called in the branch raising). A branch is rendered once, and again aside only when it raised. When every
    /// other branch raised or is false the condition is decided; else the guess costs nothing when no branch that may be
    /// taken prints anything and the branch taken returns an unknown value (which covers whatever the others would
    /// return): a macro that lists relations from a query's rows, or returns nothing when the query finds none.
    /// </summary>
    private void RenderUndecided(IfNode node, IfBranch taken, StringBuilder sb)
    {
        var raising = new List<IfBranch>();
        IfBranch? chosen = null;
        var (decided, fellThrough) = (false, true);
        for (var i = node.Branches.IndexOf(taken); i < node.Branches.Length && chosen is null; i++)
        {
            var branch = node.Branches[i];
            var truth = branch == taken ? null : branch.Condition is null ? true : JinjaValues.Truth(Eval(branch.Condition));
            if (truth == false)
            {
                continue;
            }

            if (RendersWithoutRaising(branch.Body, sb))
            {
                (chosen, decided) = (branch, truth == true && raising.Count > 0);
            }
            else if (truth == true)
            {
                fellThrough = false;
                break;
            }
            else
            {
                raising.Add(branch);
            }
        }

        if (chosen is null && fellThrough)
        {
            // Every branch that may be taken raised, and none is an else: the project takes none of them.
            Note("undecidable-condition", "cannot decide this condition without a warehouse; its branches raise an error, so none is rendered, as in a project that compiles", taken.Condition!.Pos);
            return;
        }

        if (chosen is null)
        {
            // Every branch raises: the project as written fails to compile; render the first, whose error is reported.
            chosen = taken;
            Render(taken.Body, sb);
        }

        if (decided)
        {
            Note("undecidable-condition", "cannot decide this condition without a warehouse; rendering the only branch that does not raise an error", taken.Condition!.Pos);
            return;
        }

        Report("undecidable-condition", chosen == taken
            ? "cannot decide this condition without a warehouse; rendering its first branch"
            : "cannot decide this condition without a warehouse; rendering the first branch that does not raise an error", taken.Condition!.Pos, partial: false);
        var silent = _frame is not null && node.Branches.Where(b => !raising.Contains(b)).All(b => ChangesValuesOnly(b.Body));
        if (!silent || _frame is not { HasReturned: true, Returned: UnknownValue })
        {
            _partial = true;
        }
        else
        {
            foreach (var other in node.Branches.Where(b => b != chosen && !raising.Contains(b)))
            {
                ForgetChangedIn(other.Body);
                ForgetAssigned(other.Body);
            }
        }
    }

    /// <summary>
    /// Renders the body; when it raised an error (<c>exceptions.raise_compiler_error</c>, here or in a macro it calls),
    /// undoes what it rendered and recorded, and the names it set in this scope, and answers false. What it changed
    /// in a list or namespace it did not create stays changed.
    /// </summary>
    private bool RendersWithoutRaising(ImmutableArray<TemplateNode> body, StringBuilder sb)
    {
        var checkpoint = Save();
        var (length, runs) = (sb.Length, _map.Count);
        var (scope, returned) = (new Dictionary<string, object?>(_scopes[^1], _scopes[^1].Comparer), _frame?.Returned);
        Render(body, sb);
        if (_raised == checkpoint.Raised)
        {
            return true;
        }

        Restore(checkpoint);
        sb.Length = length;
        _map.Truncate(runs);
        _scopes[^1].Clear();
        foreach (var (name, value) in scope)
        {
            _scopes[^1][name] = value;
        }

        if (_frame is not null)
        {
            (_frame.HasReturned, _frame.Returned) = (false, returned);
        }

        return false;
    }

    /// <summary>
    /// A loop over what only a warehouse lists. Its body renders for the items known (relations a model adds to the list)
    /// and once more for a stand-in of the rest, <c>__warehouse_rows__model</c>. That render is kept when the stand-in
    /// lands where lineage does not depend on it: in a string (a list of values) or in the relation a FROM or JOIN reads
    /// (a union over tables the warehouse lists reads as one relation of unknown columns, which readers infer). Where it
    /// would name a column or an alias, the body is left out and the model is partial.
    /// </summary>
    private void RenderUnknownFor(ForNode node, object? iterable, StringBuilder sb)
    {
        var what = iterable is UnknownValue { Origin: { } origin } ? $" (the result of '{origin}', which needs a warehouse)" : "";
        if (!OnlyChangesValues(node) && !Returns(node.Body))
        {
            // One word, so the SQL reader sees where it lands: a model name's other characters become underscores.
            var name = _context.ThisName.Length > 0 ? string.Concat(_context.ThisName.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')) : "items";
            var marker = "__warehouse_rows__" + name + (++_standIns > 1 ? "_" + _standIns : "");
            var standIn = new UnknownValue(marker) { StandsIn = true };
            var checkpoint = Save();
            var body = new StringBuilder();
            RenderItems(node, [.. iterable is UnknownValue { Known: var known } ? known : [], standIn], standIn, body);
            var text = body.ToString();
            if (SqlTokenText.OnlyInStringsOrRelations(text, SqlDialectFacts, marker))
            {
                Report("unknown-iterable", $"cannot know what this loop iterates over{what}; its body is rendered once more for the items only a warehouse lists, as {marker}", node.Pos, DiagnosticSeverity.Info, partial: false);
                Mark(sb, node.Pos, verbatim: false);
                sb.Append(text);
                ForgetChangedIn(node.Body);
                return;
            }

            Restore(checkpoint);
        }

        // A body that only changes values (collects a query's rows into a list) loses nothing: they become unknown.
        Report("unknown-iterable", $"cannot know what this loop iterates over{what}; its body is left out", node.Pos, partial: !OnlyChangesValues(node));
        ForgetChangedIn(node.Body);
    }

    /// <summary>The dialect the rendered SQL is read in, as far as the target says (its lexical rules: strings, comments).</summary>
    private DialectFacts SqlDialectFacts => DialectFacts.FromName(_context.TargetType) ?? DialectFacts.For(SqlDialect.Postgres);

    /// <summary>What a warehouse's answer prints as until the whole SQL is known.</summary>
    private const string WarehouseValue = "__warehouse_value__";

    /// <summary>A value as text, a warehouse's answer as <see cref="WarehouseValue"/> (checked once the whole SQL is known).</summary>
    private string Text(object? value)
    {
        if (value is not UnknownValue { Origin: not null, Sql.Length: 0 })
        {
            return JinjaValues.Print(value);
        }

        _warehouseValues = true;
        return WarehouseValue;
    }

    /// <summary>Whether a value's text keeps lineage as it is, once <see cref="WarehouseValuesPrinted"/> has checked where answers land.</summary>
    private static bool StandsInText(object? value) => !ContainsUnknown(value) || value is UnknownValue { Origin: not null, Sql.Length: 0 };

    /// <summary>
    /// A warehouse's answer printed inside SQL strings only (<c>timestamp '{{ latest }}'</c>, <c>in ('{{ ids }}')</c>)
    /// leaves lineage as it is, so it stays there as a stand-in; printed anywhere else it could be a column's name, so it
    /// prints as nothing, as before, and the model is partial.
    /// </summary>
    private string WarehouseValuesPrinted(string sql)
    {
        if (!_warehouseValues || SqlTokenText.OnlyInStrings(sql, SqlDialectFacts, WarehouseValue))
        {
            return sql;
        }

        // Spaces of the same length keep the positions the source map recorded.
        _partial = true;
        return sql.Replace(WarehouseValue, new string(' ', WarehouseValue.Length), StringComparison.Ordinal);
    }

    /// <summary>A loop body whose only effects are the values it changes: leaving it out loses nothing once they are unknown.</summary>
    private static bool OnlyChangesValues(ForNode loop) => ChangesValuesOnly(loop.Body) && !Returns(loop.Body);

    /// <summary>A body that prints nothing and returns only through <c>return()</c>: its effects are the values it sets.</summary>
    private static bool ChangesValuesOnly(ImmutableArray<TemplateNode> body) => body.All(node => node switch
    {
        TextNode text => string.IsNullOrWhiteSpace(text.Text),
        OutputNode { Value: CallExpr { Callee: NameExpr { Name: "return" } } } => true,
        SetNode or DoNode or MacroNode => true,
        IfNode ifNode => ifNode.Branches.All(b => ChangesValuesOnly(b.Body)),
        ForNode inner => ChangesValuesOnly(inner.Body) && ChangesValuesOnly(inner.Else) && !Returns(inner.Body),
        _ => false,
    });

    /// <summary>Whether a loop body may return from the macro: leaving the loop out would then change what it returns.</summary>
    private static bool Returns(ImmutableArray<TemplateNode> body) => body.Any(node => node switch
    {
        OutputNode { Value: CallExpr { Callee: NameExpr { Name: "return" } } } => true,
        IfNode ifNode => ifNode.Branches.Any(b => Returns(b.Body)),
        ForNode inner => Returns(inner.Body) || Returns(inner.Else),
        _ => false,
    });

    /// <summary>
    /// A loop left out changes nothing, but the values its body would have changed (<c>{% do xs.append(..) %}</c>,
    /// <c>{% set ns.x = .. %}</c>) are unknown, not what they were before it: what reads them afterwards is undecided,
    /// not decided on an empty list.
    /// </summary>
    private void ForgetChangedIn(ImmutableArray<TemplateNode> body)
    {
        foreach (var node in body)
        {
            switch (node)
            {
                case DoNode { Value: CallExpr { Callee: AttrExpr { Target: NameExpr target, Name: var method } } } when Mutators.Contains(method):
                    Forget(target.Name);
                    break;
                case SetNode set when set.Targets.Length == 1 && set.Targets[0].IndexOf('.', StringComparison.Ordinal) is > 0 and var dot
                    && Lookup(set.Targets[0][..dot]) is NamespaceValue ns:
                    ns.Attributes[set.Targets[0][(dot + 1)..]] = UnknownResult;
                    break;
                case IfNode ifNode:
                    foreach (var branch in ifNode.Branches)
                    {
                        ForgetChangedIn(branch.Body);
                    }

                    break;
                case ForNode inner:
                    ForgetChangedIn(inner.Body);
                    ForgetChangedIn(inner.Else);
                    break;
            }
        }
    }

    /// <summary>The names a branch not taken would set in this scope (an if has none of its own) are unknown too.</summary>
    private void ForgetAssigned(ImmutableArray<TemplateNode> body)
    {
        foreach (var node in body)
        {
            switch (node)
            {
                case SetNode set:
                    foreach (var target in set.Targets.Where(t => !t.Contains('.', StringComparison.Ordinal)))
                    {
                        _scopes[^1][target] = UnknownResult;
                    }

                    break;
                case IfNode ifNode:
                    foreach (var branch in ifNode.Branches)
                    {
                        ForgetAssigned(branch.Body);
                    }

                    break;
            }
        }
    }

    private void Forget(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].ContainsKey(name))
            {
                _scopes[i][name] = UnknownResult;
                return;
            }
        }
    }
}
