using System.Collections.Immutable;

namespace ImpactBot.Dbt.Jinja;

/// <summary>Builds the node tree of a template. Syntax errors become <see cref="ErrorNode"/>s; parsing never throws.</summary>
internal sealed class TemplateParser
{
    private static readonly HashSet<string> NamedBlocks =
        ["snapshot", "test", "data_test", "unit_test", "docs", "materialization", "filter", "autoescape", "with"];

    private readonly string _source;
    private readonly List<TemplateSegment> _segments;
    private int _index;

    private TemplateParser(string source, List<TemplateSegment> segments)
    {
        _source = source;
        _segments = segments;
    }

    public static ImmutableArray<TemplateNode> Parse(string source)
    {
        try
        {
            return ParseTemplate(source);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A parser bug must not stop a run: the template becomes one error the caller reports.
            return [new ErrorNode($"template could not be parsed: {ex.Message}", 0)];
        }
    }

    private static ImmutableArray<TemplateNode> ParseTemplate(string source)
    {
        var segments = TemplateLexer.Split(source, out var lexError);
        var parser = new TemplateParser(source, segments);
        var nodes = parser.ParseBody([], out _, out _).ToBuilder();
        if (lexError is not null)
        {
            nodes.Add(new ErrorNode(lexError.Message, lexError.Pos));
        }

        return nodes.ToImmutable();
    }

    /// <summary>Nodes up to one of <paramref name="stops"/>; the stop tag's parser is left positioned after the tag name.</summary>
    private ImmutableArray<TemplateNode> ParseBody(HashSet<string> stops, out string? stop, out ExprParser? stopParser)
    {
        var nodes = ImmutableArray.CreateBuilder<TemplateNode>();
        while (_index < _segments.Count)
        {
            var segment = _segments[_index++];
            if (segment.Kind == SegmentKind.Text)
            {
                nodes.Add(new TextNode(segment.Text, segment.Start));
                continue;
            }

            try
            {
                var parser = new ExprParser(ExprLexer.Tokenize(_source, segment.Start, segment.End));
                if (segment.Kind == SegmentKind.Output)
                {
                    var value = parser.ParseExpression();
                    parser.ExpectEnd();
                    nodes.Add(new OutputNode(value, segment.TagStart));
                    continue;
                }

                var tag = parser.ExpectName();
                if (stops.Contains(tag))
                {
                    stop = tag;
                    stopParser = parser;
                    return nodes.ToImmutable();
                }

                nodes.Add(ParseStatement(tag, parser, segment));
            }
            catch (JinjaSyntaxException ex)
            {
                nodes.Add(new ErrorNode(ex.Message, ex.Pos));
            }
        }

        stop = null;
        stopParser = null;
        return nodes.ToImmutable();
    }

    private TemplateNode ParseStatement(string tag, ExprParser parser, TemplateSegment segment)
    {
        var pos = segment.TagStart;
        switch (tag)
        {
            case "if":
                return ParseIf(parser, segment);
            case "for":
                return ParseFor(parser, pos);
            case "set":
                var targets = ParseTargets(parser);
                if (parser.Accept("="))
                {
                    var value = parser.ParseExpression();
                    parser.ExpectEnd();
                    return new SetNode(targets, value, pos);
                }

                parser.ExpectEnd();
                return new SetBlockNode(targets[0], ParseUntil("endset", pos), pos);
            case "macro":
                return ParseMacro(parser, pos);
            case "do":
                var expr = parser.ParseExpression();
                parser.ExpectEnd();
                return new DoNode(expr, pos);
            case "call":
                if (parser.Current.Is("("))
                {
                    parser.ParseCallArguments();
                }

                var call = parser.ParseExpression();
                return new CallBlockNode(call, ParseUntil("endcall", pos), pos);
            case var block when NamedBlocks.Contains(block):
                var name = parser.AtEnd ? "" : parser.Next().Text;
                return new BlockNode(block, name, ParseUntil("end" + block, pos), pos);
            default:
                throw new JinjaSyntaxException($"unknown tag '{tag}'", pos);
        }
    }

    private ImmutableArray<TemplateNode> ParseUntil(string end, int pos)
    {
        var body = ParseBody([end], out var stop, out _);
        return stop is null ? throw new JinjaSyntaxException($"missing {{% {end} %}}", pos) : body;
    }

    private static ImmutableArray<string> ParseTargets(ExprParser parser)
    {
        var targets = ImmutableArray.CreateBuilder<string>();
        var parenthesised = parser.Accept("(");
        do
        {
            // {% set ns.total = ... %}: an attribute of a namespace() object.
            var name = parser.ExpectName();
            targets.Add(parser.Accept(".") ? $"{name}.{parser.ExpectName()}" : name);
        }
        while (parser.Accept(","));

        if (parenthesised)
        {
            parser.Expect(")");
        }

        return targets.ToImmutable();
    }

    private IfNode ParseIf(ExprParser parser, TemplateSegment segment)
    {
        var branches = ImmutableArray.CreateBuilder<IfBranch>();
        Expr? condition = parser.ParseExpression();
        parser.ExpectEnd();
        while (true)
        {
            var body = ParseBody(["elif", "else", "endif"], out var stop, out var next);
            branches.Add(new IfBranch(condition, body));
            switch (stop)
            {
                case null:
                    throw new JinjaSyntaxException("missing {% endif %}", segment.TagStart);
                case "endif":
                    return new IfNode(branches.ToImmutable(), segment.TagStart);
                case "elif" when condition is not null:
                    condition = next!.ParseExpression();
                    break;
                case "else" when condition is not null:
                    condition = null;
                    break;
                default:
                    throw new JinjaSyntaxException($"unexpected {{% {stop} %}}", _segments[_index - 1].TagStart);
            }

            next!.ExpectEnd();
        }
    }

    private ForNode ParseFor(ExprParser parser, int pos)
    {
        var targets = ParseTargets(parser);
        if (!parser.AcceptName("in"))
        {
            throw new JinjaSyntaxException("expected 'in' in for loop", parser.Current.Pos);
        }

        var iterable = parser.ParseOrExpression();
        var filter = parser.AcceptName("if") ? parser.ParseExpression() : null;
        parser.AcceptName("recursive");
        parser.ExpectEnd();
        var body = ParseBody(["else", "endfor"], out var stop, out _);
        var otherwise = ImmutableArray<TemplateNode>.Empty;
        if (stop == "else")
        {
            otherwise = ParseBody(["endfor"], out stop, out _);
        }

        return stop is null ? throw new JinjaSyntaxException("missing {% endfor %}", pos) : new ForNode(targets, iterable, filter, body, otherwise, pos);
    }

    private MacroNode ParseMacro(ExprParser parser, int pos)
    {
        var name = parser.ExpectName();
        var parameters = ImmutableArray.CreateBuilder<MacroParameter>();
        parser.Expect("(");
        while (!parser.Accept(")"))
        {
            var param = parser.ExpectName();
            parameters.Add(new MacroParameter(param, parser.Accept("=") ? parser.ParseExpression() : null));
            if (!parser.Current.Is(")"))
            {
                parser.Expect(",");
            }
        }

        return new MacroNode(name, parameters.ToImmutable(), ParseUntil("endmacro", pos), pos);
    }
}
