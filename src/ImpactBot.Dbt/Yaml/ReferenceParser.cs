using ImpactBot.Dbt.Jinja;

namespace ImpactBot.Dbt.Yaml;

/// <summary>Reads <c>ref('x')</c>, <c>source('s','t')</c> and <c>metric('m')</c> written as YAML strings.</summary>
internal static class ReferenceParser
{
    public readonly record struct Reference(DbtRef? Ref, DbtSourceRef? Source, string? Metric);

    public static Reference Parse(string? text, int line)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        var t = text.Trim();
        if (t.StartsWith("{{", StringComparison.Ordinal) && t.EndsWith("}}", StringComparison.Ordinal))
        {
            t = t[2..^2];
        }

        try
        {
            var parser = new ExprParser(ExprLexer.Tokenize(t, 0, t.Length));
            if (parser.ParseExpression() is not CallExpr { Callee: NameExpr { Name: var name } } call || !parser.AtEnd)
            {
                return default;
            }

            var args = call.Args.Positional.Select(a => (a as LiteralExpr)?.Value as string).ToList();
            if (args.Count == 0 || args.Any(a => a is null))
            {
                return default;
            }

            var version = call.Args.Named.FirstOrDefault(n => n.Key is "v" or "version").Value is LiteralExpr { Value: { } v }
                ? JinjaValues.Print(v)
                : null;
            return name switch
            {
                "ref" when args.Count <= 2 => new Reference(new DbtRef(args[^1]!, args.Count == 2 ? args[0] : null, version, line), null, null),
                "source" when args.Count == 2 => new Reference(null, new DbtSourceRef(args[0]!, args[1]!, line), null),
                "metric" => new Reference(null, null, args[^1]),
                _ => default,
            };
        }
        catch (JinjaSyntaxException)
        {
            return default;
        }
    }
}
