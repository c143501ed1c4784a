using System.Collections.Immutable;

namespace ImpactBot.Dbt.Jinja;

/// <summary>
/// Finds every <c>ref()</c>/<c>source()</c> with literal arguments anywhere in a template, including branches that were
/// not rendered and config calls, so a model's dependencies do not depend on which branch the renderer chose.
/// </summary>
internal static class StaticReferences
{
    public static void Collect(ImmutableArray<TemplateNode> nodes, LineMap lines, List<DbtRef> refs, List<DbtSourceRef> sources)
    {
        foreach (var expr in nodes.SelectMany(Expressions).SelectMany(e => e.Descendants()))
        {
            if (expr is not CallExpr { Callee: NameExpr { Name: var name } } call || name is not ("ref" or "source"))
            {
                continue;
            }

            var strings = call.Args.Positional.Select(a => (a as LiteralExpr)?.Value as string).ToList();
            if (strings.Count == 0 || strings.Any(s => s is null))
            {
                continue;
            }

            var line = lines.Locate(call.Pos).Line;
            if (name == "source" && strings.Count == 2)
            {
                if (!sources.Any(s => s.SourceName == strings[0] && s.TableName == strings[1]))
                {
                    sources.Add(new DbtSourceRef(strings[0]!, strings[1]!, line));
                }
            }
            else if (name == "ref" && strings.Count <= 2)
            {
                var version = call.Args.Named.FirstOrDefault(n => n.Key is "v" or "version").Value is LiteralExpr { Value: { } v }
                    ? JinjaValues.Print(v)
                    : null;
                var package = strings.Count == 2 ? strings[0] : null;
                if (!refs.Any(r => r.Name == strings[^1] && r.Package == package && r.Version == version))
                {
                    refs.Add(new DbtRef(strings[^1]!, package, version, line));
                }
            }
        }
    }

    private static IEnumerable<Expr> Expressions(TemplateNode node) => node switch
    {
        OutputNode o => [o.Value],
        IfNode i => i.Branches.SelectMany(b => (b.Condition is null ? [] : new[] { b.Condition }).Concat(b.Body.SelectMany(Expressions))),
        ForNode f => new[] { f.Iterable }.Concat(f.Filter is null ? [] : [f.Filter]).Concat(f.Body.Concat(f.Else).SelectMany(Expressions)),
        SetNode s => [s.Value],
        SetBlockNode sb => sb.Body.SelectMany(Expressions),
        DoNode d => [d.Value],
        CallBlockNode c => c.Body.SelectMany(Expressions).Prepend(c.Call),
        BlockNode b => b.Body.SelectMany(Expressions),
        _ => [],
    };
}
