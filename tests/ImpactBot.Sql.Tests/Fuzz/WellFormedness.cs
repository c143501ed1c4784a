using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using ImpactBot.Sql.Lineage;
using ImpactBot.Sql.Syntax;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Tests.Fuzz;

/// <summary>Checks that a parse or lineage result is well formed for its input text; returns the problems found.</summary>
internal static class WellFormedness
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static IEnumerable<string> Check(string sql, ParseResult result)
    {
        if (result.Statements.IsDefault || result.Diagnostics.IsDefault)
        {
            yield return "parse result has a default array";
            yield break;
        }

        foreach (var problem in result.Diagnostics.SelectMany(d => Check(sql, d)))
        {
            yield return problem;
        }

        foreach (var problem in result.Statements.SelectMany(s => Nodes(s)).SelectMany(n => CheckNode(sql, n)))
        {
            yield return problem;
        }
    }

    public static IEnumerable<string> Check(string sql, QueryLineage lineage)
    {
        if (lineage.Columns.IsDefault || lineage.Row.IsDefault || lineage.Diagnostics.IsDefault || lineage.Tables.IsDefault)
        {
            yield return "lineage has a default array";
            yield break;
        }

        foreach (var problem in lineage.Diagnostics.SelectMany(d => Check(sql, d)))
        {
            yield return problem;
        }

        foreach (var column in lineage.Columns)
        {
            if (column.Name is null || column.Sources.IsDefault || column.Sources.Any(s => s.Table is null || s.Column is null))
            {
                yield return $"output column '{column.Name}' is not well formed";
            }
        }

        var worst = lineage.Diagnostics.Select(d => d.Severity).DefaultIfEmpty(DiagnosticSeverity.Info).Max();
        if (lineage.Status == LineageStatus.Complete && worst >= DiagnosticSeverity.Warning)
        {
            yield return $"status complete with a {worst} diagnostic";
        }

        if (lineage.Status == LineageStatus.Failed && lineage.Diagnostics.IsEmpty)
        {
            yield return "status failed without a diagnostic";
        }
    }

    private static IEnumerable<string> Check(string sql, Diagnostic diagnostic)
    {
        var span = diagnostic.Span;
        if (string.IsNullOrEmpty(diagnostic.Code) || string.IsNullOrEmpty(diagnostic.Message))
        {
            yield return $"diagnostic without code or message: {diagnostic}";
        }

        if (span.Line < 1 || span.Column < 1 || span.Start < 0 || span.Length < 0 || span.End > sql.Length)
        {
            yield return $"diagnostic {diagnostic.Code} has span {span.Start}+{span.Length} at {span} outside a text of {sql.Length} characters";
        }
    }

    private static IEnumerable<string> CheckNode(string sql, object node)
    {
        var span = node switch
        {
            SqlNode syntax => syntax.Span,
            Identifier identifier => identifier.Span,
            _ => SourceSpan.None,
        };
        if (span != SourceSpan.None && (span.Start < 0 || span.Length < 0 || span.End > sql.Length || span.Line < 1 || span.Column < 1))
        {
            yield return $"{node.GetType().Name} has span {span.Start}+{span.Length} at {span} outside a text of {sql.Length} characters";
        }
    }

    /// <summary>Every syntax node and identifier under <paramref name="root"/>, walked with an explicit stack (the tree may be deep).</summary>
    private static IEnumerable<object> Nodes(SqlNode root)
    {
        var pending = new Stack<object>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            yield return node;
            if (node is not SqlNode)
            {
                continue;
            }

            foreach (var property in Properties.GetOrAdd(node.GetType(), Children))
            {
                var value = property.GetValue(node);
                if (value is SqlNode or Identifier)
                {
                    pending.Push(value);
                }
                else if (value is IEnumerable items and not string)
                {
                    foreach (var item in items)
                    {
                        if (item is SqlNode or Identifier)
                        {
                            pending.Push(item);
                        }
                        else if (item is IEnumerable nested and not string)
                        {
                            foreach (var inner in nested.OfType<SqlNode>())
                            {
                                pending.Push(inner);
                            }
                        }
                    }
                }
            }
        }
    }

    private static PropertyInfo[] Children(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"
                && (typeof(SqlNode).IsAssignableFrom(p.PropertyType) || p.PropertyType == typeof(Identifier)
                    || (p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>))))];
}
