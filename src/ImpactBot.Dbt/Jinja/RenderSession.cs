using System.Collections.Immutable;
using System.Text;
using ImpactBot.Core.Files;
using ImpactBot.Sql.Text;

namespace ImpactBot.Dbt.Jinja;

/// <summary>The mutable state of one render: scopes, what was recorded, diagnostics. Used once, by <see cref="JinjaRenderer"/>.</summary>
internal sealed partial class RenderSession
{
    private const int MaxMacroDepth = 24;
    private const int MaxSteps = 200_000;
    private const int MaxLoopItems = 10_000;

    private readonly string _path;
    private readonly JinjaContext _context;
    private readonly LineMap _lines;
    private readonly List<FileDiagnostic> _diagnostics = [];
    private readonly List<DbtRef> _refs = [];
    private readonly List<DbtSourceRef> _sources = [];
    private readonly List<StarMacro> _stars = [];
    private readonly List<string> _incrementalPredicates = [];
    private readonly List<JinjaBlock> _blocks = [];
    private readonly SourceMapBuilder _map = new();
    private StringBuilder? _output;
    private DbtMap _config = DbtMap.Empty;
    private List<Dictionary<string, object?>> _scopes = [new(StringComparer.Ordinal)];
    private MacroFrame? _frame;
    private string _package;
    private int _macroDepth;
    private int _callSitePos;
    private int _steps;
    private int _raised;
    private int _standIns;
    private long _built;
    private bool _partial;
    private bool _warehouseValues;
    private bool _usesGraph;
    private readonly SortedSet<string> _columnsAsked = new(StringComparer.OrdinalIgnoreCase);
    private bool _hasIncremental;
    private bool _incrementalRun;

    public RenderSession(string path, string source, JinjaContext context)
    {
        _path = path;
        _context = context;
        _lines = new LineMap(source);
        _package = context.Macros.RootPackage.Length > 0 ? context.Macros.RootPackage : context.ProjectName;
    }

    public JinjaRenderResult Run(ImmutableArray<TemplateNode> nodes)
    {
        var sb = new StringBuilder();
        _output = sb;
        try
        {
            Render(nodes, sb);
        }
        catch (RenderBudgetException ex)
        {
            Report("render-budget", $"{ex.Message}; rendering stopped here and the model's lineage is partial", ex.Pos, DiagnosticSeverity.Error);
            if (sb.Length > RenderBudget.MaxOutputChars)
            {
                sb.Length = RenderBudget.MaxOutputChars;
            }
        }
#pragma warning disable CA1031 // A template the renderer cannot finish costs only this model (a diagnostic, model-level lineage), never the run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Report("render-failed", $"rendering stopped: {ex.Message}", 0, DiagnosticSeverity.Error);
        }

        StaticReferences.Collect(nodes, _lines, _refs, _sources);
        var sql = WarehouseValuesPrinted(sb.ToString());
        return new JinjaRenderResult(
            sql,
            [.. _refs.OrderBy(r => r.Line)],
            [.. _sources.OrderBy(s => s.Line)],
            _config,
            [.. _stars],
            _hasIncremental,
            [.. _incrementalPredicates],
            [.. _blocks],
            !_partial,
            [.. _diagnostics])
        {
            SourceMap = _map.Build(sql, _lines),
            UsesGraph = _usesGraph,
            ColumnsAsked = [.. _columnsAsked],
        };
    }

    private void Render(ImmutableArray<TemplateNode> nodes, StringBuilder sb)
    {
        foreach (var node in nodes)
        {
            if (_frame is { HasReturned: true })
            {
                return;
            }

            if (++_steps > MaxSteps)
            {
                if (_steps == MaxSteps + 1)
                {
                    Report("render-budget", "the template does too much work to render; output is cut short", node.Pos, DiagnosticSeverity.Error);
                }

                return;
            }

            RenderNode(node, sb);
            if (sb.Length > RenderBudget.MaxOutputChars)
            {
                throw new RenderBudgetException($"the rendered text passed {RenderBudget.MaxOutputChars:N0} characters", node.Pos);
            }
        }
    }

    private void RenderNode(TemplateNode node, StringBuilder sb)
    {
        switch (node)
        {
            case TextNode text:
                Mark(sb, text.Pos, verbatim: true);
                sb.Append(text.Text);
                break;
            case OutputNode output:
                var value = Eval(output.Value);
                if (value is FunctionValue undefined && output.Value is NameExpr name && undefined.Name == name.Name && !ContextFunctions.Contains(name.Name))
                {
                    // A name nothing defines prints as empty text in dbt (Jinja's default Undefined), so the SQL is dbt's.
                    Note("undefined-name", $"'{name.Name}' is not defined: it renders as empty text, as in dbt", output.Pos);
                }
                else if (value is FunctionValue f)
                {
                    Report("undefined-name", $"'{f.Name}' is not defined", output.Pos);
                }
                else if (value is UnknownValue { Origin: not null, Sql.Length: 0 })
                {
                    // A warehouse's answer: what it prints is decided once the whole SQL is known (see WarehouseValuesPrinted).
                    Mark(sb, output.Pos, verbatim: false);
                    sb.Append(Text(value));
                }
                else
                {
                    Mark(sb, output.Pos, verbatim: false);
                    sb.Append(JinjaValues.Print(value));
                    _partial |= ContainsUnknown(value);
                }

                break;
            case IfNode ifNode:
                RenderIf(ifNode, sb);
                break;
            case ForNode forNode:
                RenderFor(forNode, sb);
                break;
            case SetNode set:
                Assign(set.Targets, Eval(set.Value));
                break;
            case SetBlockNode setBlock:
                var body = new StringBuilder();
                Render(setBlock.Body, body);
                _scopes[^1][setBlock.Target] = body.ToString();
                break;
            case MacroNode macro:
                _scopes[^1][macro.Name] = new MacroValue(macro, _path, _package);
                break;
            case DoNode doNode:
                Eval(doNode.Value);
                break;
            case CallBlockNode call:
                RenderCallBlock(call, sb);
                break;
            case BlockNode block:
                RenderBlock(block, sb);
                break;
            case ErrorNode error:
                Report("jinja-syntax", error.Message, error.Pos, DiagnosticSeverity.Error);
                break;
        }
    }

    /// <summary>A <c>{% call m() %}body{% endcall %}</c>: the macro renders the body where it calls <c>caller()</c>.</summary>
    private void RenderCallBlock(CallBlockNode call, StringBuilder sb)
    {
        if (call.Call is not CallExpr expr)
        {
            Eval(call.Call);
            return;
        }

        var callee = Eval(expr.Callee);
        var result = callee is MacroValue macro
            ? CallMacro(macro, new EvaluatedArgs([.. expr.Args.Positional.Select(Eval)], expr.Args.Named.ToDictionary(n => n.Key, n => Eval(n.Value), StringComparer.Ordinal)), expr.Pos, new CallerValue(call.Body))
            : Eval(call.Call);
        if (result is string { Length: > 0 } text)
        {
            Mark(sb, call.Pos, verbatim: false);
            sb.Append(text);
        }
    }

    private void RenderIf(IfNode node, StringBuilder sb)
    {
        foreach (var branch in node.Branches)
        {
            if (branch.Condition is null)
            {
                Render(branch.Body, sb);
                return;
            }

            if (_macroDepth == 0 && !_incrementalRun && MentionsIsIncremental(branch.Condition))
            {
                _hasIncremental = true;
                if (IncrementalRunBody(branch) is { } predicate)
                {
                    _incrementalPredicates.Add(predicate);
                }
            }

            switch (Holds(Eval(branch.Condition), branch.Condition.Pos))
            {
                case true:
                    Render(branch.Body, sb);
                    return;
                case null:
                    RenderUndecided(node, branch, sb);
                    return;
            }
        }
    }

    /// <summary>
    /// What the branch renders to on an incremental run (<c>is_incremental()</c> true, also where the project overrides
    /// it), when that run takes it; null when it does not. Rendered aside: refs, diagnostics and config it meets are
    /// left out, so the model's own render stays that of a first build.
    /// </summary>
    private string? IncrementalRunBody(IfBranch branch)
    {
        var checkpoint = Save();
        _incrementalRun = true;
        try
        {
            return WithScope(() =>
            {
                if (JinjaValues.Truth(Eval(branch.Condition!)) != true)
                {
                    return null;
                }

                var sb = new StringBuilder();
                Render(branch.Body, sb);
                return sb.ToString().Trim();
            });
        }
        finally
        {
            _incrementalRun = false;
            Restore(checkpoint);
        }
    }

    private Checkpoint Save() => new(_diagnostics.Count, _refs.Count, _sources.Count, _stars.Count, _blocks.Count, _incrementalPredicates.Count, _raised, _partial, _config);

    /// <summary>Drops what a render aside recorded since <paramref name="checkpoint"/>.</summary>
    private void Restore(Checkpoint checkpoint)
    {
        _diagnostics.RemoveRange(checkpoint.Diagnostics, _diagnostics.Count - checkpoint.Diagnostics);
        _refs.RemoveRange(checkpoint.Refs, _refs.Count - checkpoint.Refs);
        _sources.RemoveRange(checkpoint.Sources, _sources.Count - checkpoint.Sources);
        _stars.RemoveRange(checkpoint.Stars, _stars.Count - checkpoint.Stars);
        _blocks.RemoveRange(checkpoint.Blocks, _blocks.Count - checkpoint.Blocks);
        _incrementalPredicates.RemoveRange(checkpoint.Predicates, _incrementalPredicates.Count - checkpoint.Predicates);
        (_raised, _partial, _config) = (checkpoint.Raised, checkpoint.Partial, checkpoint.Config);
    }

    private static bool MentionsIsIncremental(Expr condition) =>
        condition.Descendants().Any(e => e is CallExpr { Callee: NameExpr { Name: "is_incremental" } });

    private void RenderFor(ForNode node, StringBuilder sb)
    {
        var iterable = Eval(node.Iterable);
        if (JinjaValues.Iterate(iterable) is { } items)
        {
            RenderItems(node, items, null, sb);
        }
        else
        {
            RenderUnknownFor(node, iterable, sb);
        }
    }

    /// <summary>The loop's body for each item the filter keeps; <paramref name="standIn"/>, when given, is always kept.</summary>
    private void RenderItems(ForNode node, List<object?> items, UnknownValue? standIn, StringBuilder sb)
    {
        items = [.. items.Take(MaxLoopItems)];
        if (node.Filter is not null)
        {
            items = [.. items.Where(item => ReferenceEquals(item, standIn) || WithScope(() =>
            {
                Assign(node.Targets, item);
                return JinjaValues.Truth(Eval(node.Filter)) == true;
            }))];
        }

        if (items.Count == 0)
        {
            Render(node.Else, sb);
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var index = i;
            WithScope(() =>
            {
                _scopes[^1]["loop"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["index"] = (long)index + 1,
                    ["index0"] = (long)index,
                    ["revindex"] = (long)(items.Count - index),
                    ["revindex0"] = (long)(items.Count - index - 1),
                    ["first"] = index == 0,
                    ["last"] = index == items.Count - 1,
                    ["length"] = (long)items.Count,
                };
                Assign(node.Targets, items[index]);
                Render(node.Body, sb);
                return true;
            });
        }
    }

    private void RenderBlock(BlockNode block, StringBuilder sb)
    {
        switch (block.Kind)
        {
            case "snapshot":
                var start = sb.Length;
                Render(block.Body, sb);
                var end = sb.Length;
                while (start < end && char.IsWhiteSpace(sb[start]))
                {
                    start++;
                }

                while (end > start && char.IsWhiteSpace(sb[end - 1]))
                {
                    end--;
                }

                var body = sb.ToString(start, end - start);
                var map = ReferenceEquals(sb, _output) ? _map.Build(body, _lines, start) : SourceMap.Identity;
                _blocks.Add(new JinjaBlock(block.Kind, block.Name, body, Line(block.Pos)) { SourceMap = map });
                break;
            case "test" or "data_test" or "unit_test" or "docs" or "materialization":
                _blocks.Add(new JinjaBlock(block.Kind, block.Name, "", Line(block.Pos)));
                break;
            default:
                Render(block.Body, sb);
                break;
        }
    }

    private T WithScope<T>(Func<T> action)
    {
        _scopes.Add(new Dictionary<string, object?>(StringComparer.Ordinal));
        try
        {
            return action();
        }
        finally
        {
            _scopes.RemoveAt(_scopes.Count - 1);
        }
    }

    private void Assign(ImmutableArray<string> targets, object? value)
    {
        if (targets.Length == 1 && targets[0].IndexOf('.', StringComparison.Ordinal) is > 0 and var dot)
        {
            // Jinja only lets a set reach into a namespace(), the one mutable object meant to outlive a loop's scope.
            if (Lookup(targets[0][..dot]) is NamespaceValue ns)
            {
                ns.Attributes[targets[0][(dot + 1)..]] = value;
            }

            return;
        }

        if (targets.Length == 1)
        {
            _scopes[^1][targets[0]] = value;
            return;
        }

        // Unpacking a value only a warehouse knows gives parts it alone knows.
        var items = value as List<object?>;
        for (var i = 0; i < targets.Length; i++)
        {
            _scopes[^1][targets[i]] = value is UnknownValue ? value : items is not null && i < items.Count ? items[i] : Undefined.Instance;
        }
    }

    /// <summary>Only the template's own output is mapped: macro bodies and set blocks reach it as values of a tag.</summary>
    private void Mark(StringBuilder sb, int pos, bool verbatim)
    {
        if (ReferenceEquals(sb, _output))
        {
            _map.Add(sb.Length, pos, verbatim);
        }
    }

    private int Line(int pos) => _lines.Locate(_macroDepth > 0 ? _callSitePos : pos).Line;

    /// <summary>A diagnostic; <paramref name="partial"/>: what it reports may make the SQL differ from dbt's.</summary>
    private void Report(string code, string message, int pos, DiagnosticSeverity severity = DiagnosticSeverity.Warning, bool partial = true)
    {
        _partial |= partial;
        Note(code, message, pos, severity);
    }

    /// <summary>A diagnostic about text rendered as dbt renders it: the render stays complete.</summary>
    private void Note(string code, string message, int pos, DiagnosticSeverity severity = DiagnosticSeverity.Info)
    {
        var (line, column) = _lines.Locate(_macroDepth > 0 ? _callSitePos : pos);
        var diagnostic = new FileDiagnostic(code, message, _path, line, column, severity);
        if (!_diagnostics.Contains(diagnostic))
        {
            _diagnostics.Add(diagnostic);
        }
    }

    /// <summary>An info diagnostic given once per model, at the first place it applies to (same code and message).</summary>
    private void NoteOnce(string code, string message, int locatedPos)
    {
        if (_diagnostics.Any(d => d.Code == code && d.Message == message))
        {
            return;
        }

        var (line, column) = _lines.Locate(locatedPos);
        _diagnostics.Add(new FileDiagnostic(code, message, _path, line, column, DiagnosticSeverity.Info));
    }

    private sealed class MacroFrame
    {
        public bool HasReturned { get; set; }

        public object? Returned { get; set; }
    }

    /// <summary>How far the render's records reached, so a render aside can be dropped.</summary>
    private readonly record struct Checkpoint(int Diagnostics, int Refs, int Sources, int Stars, int Blocks, int Predicates, int Raised, bool Partial, DbtMap Config);
}
