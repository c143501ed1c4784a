using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

// Generators in FROM: UNNEST, FLATTEN, EXPLODE and other table functions. They see the earlier FROM items, multiply rows
// (a join row edge on their input) and expose columns from a per-kind signature.
internal sealed partial class Binder
{
    private Relation BindTableFunction(TableFunction function, Scope scope)
    {
        var input = new ExprCollector();
        var inputs = new List<List<Edge>>();
        foreach (var argument in function.Arguments)
        {
            if (function.Kind == TableFunctionKind.Flatten && argument is NamedArgument named
                && !named.Name.Text.Equals("input", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var start = input.Edges.Count;
            BindExpr(argument, EdgeKind.Copy, input, scope);
            input.Canon.Append(',');
            inputs.Add(input.Edges.GetRange(start, input.Edges.Count - start));
        }

        foreach (var edge in input.Edges)
        {
            scope.RowEdges.Add(edge with { Kind = EdgeKind.Join });
        }

        scope.GeneratorInputs.AddRange(input.Edges);
        scope.Clauses.Join.Append(function.Outer ? "OUTER " : "").Append(function.Name.ToString().ToUpperInvariant())
            .Append('(').Append(input.Canon).Append(");");
        var print = Fingerprint.Of(input.Canon);
        var aliases = function.Alias?.Columns ?? [];
        var relation = new Relation { GeneratorInputs = input.Edges };
        switch (function.Kind)
        {
            case TableFunctionKind.Flatten:
                for (var i = 0; i < FunctionFacts.FlattenColumns.Length; i++)
                {
                    var column = FunctionFacts.FlattenColumns[i];
                    var (name, quoted) = i < aliases.Length ? (aliases[i].Text, aliases[i].Quoted) : (column, false);
                    var edges = input.Edges.Select(e => e with { Kind = EdgeComposition.Compose(EdgeKind.Transform, e.Kind), Path = FlattenPath(e.Path, column) }).ToList();
                    relation.Columns.Add(new RelationColumn(name, quoted, edges, "FLATTEN." + column + ":" + print));
                }

                break;
            case TableFunctionKind.Unnest when StructFields(function) is { } fields:
                AddStructFieldColumns(fields, print, relation, scope);
                break;
            case TableFunctionKind.Unnest:
                AddUnnestColumns(function, inputs, aliases, print, relation, scope);
                break;
            default:
                AddGeneratedColumns(function, input.Edges, aliases, print, relation);
                break;
        }

        return relation;
    }

    /// <summary>FLATTEN paths: VALUE is an element (<c>items[*]</c>), INDEX/KEY/PATH/SEQ are facts about it, THIS is the input.</summary>
    private static string? FlattenPath(string? inputPath, string column) => column switch
    {
        "THIS" => inputPath,
        "VALUE" => inputPath + "[*]",
        _ => inputPath + "[*]#" + column.ToLowerInvariant(),
    };

    /// <summary>
    /// BigQuery <c>UNNEST([STRUCT(a AS x, b AS y), ..])</c> without an alias: a value table whose struct fields are its
    /// columns. The fields, named by the first element (an alias, else the column read), with each element's expressions.
    /// </summary>
    private List<(Identifier Name, List<Expr> Values)>? StructFields(TableFunction function)
    {
        if (!_dialect.UnnestAliasIsColumn || function.Alias is not null || function.Arguments is not [ArrayExpr { Items.IsEmpty: false } array])
        {
            return null;
        }

        if (!array.StructFields.IsDefaultOrEmpty)
        {
            return TypedStructFields(array);
        }

        List<(Identifier Name, List<Expr> Values)>? fields = null;
        foreach (var item in array.Items)
        {
            if (item is not FunctionCall { Name.Last.Text: var name } call || !name.Equals("STRUCT", StringComparison.OrdinalIgnoreCase)
                || (fields is not null && call.Arguments.Length != fields.Count))
            {
                return null;
            }

            for (var i = 0; i < call.Arguments.Length; i++)
            {
                var (field, value) = call.Arguments[i] switch
                {
                    NamedArgument named => (named.Name, named.Value),
                    ColumnRef column => (column.Last, (Expr)column),
                    _ => (null, call.Arguments[i]),
                };
                if (fields is null || fields.Count <= i)
                {
                    if (field is null)
                    {
                        return null;
                    }

                    (fields ??= []).Add((field, []));
                }

                fields[i].Values.Add(value);
            }
        }

        return fields;
    }

    /// <summary>
    /// <c>ARRAY&lt;STRUCT&lt;a STRING, b INT64&gt;&gt;[('x', 1), STRUCT('y', 2)]</c>: the fields the type names, with each
    /// element's values by position (tuples and STRUCT calls both coerce to the element type).
    /// </summary>
    private static List<(Identifier Name, List<Expr> Values)>? TypedStructFields(ArrayExpr array)
    {
        var fields = array.StructFields.Select(f => (Name: f, Values: new List<Expr>())).ToList();
        foreach (var item in array.Items)
        {
            var values = item switch
            {
                TupleExpr tuple => tuple.Items,
                FunctionCall call when call.Name.Last.Text.Equals("STRUCT", StringComparison.OrdinalIgnoreCase) =>
                    [.. call.Arguments.Select(a => a is NamedArgument named ? named.Value : a)],
                _ => default,
            };
            if (values.IsDefault || values.Length != fields.Count)
            {
                return null;
            }

            for (var i = 0; i < values.Length; i++)
            {
                fields[i].Values.Add(values[i]);
            }
        }

        return fields;
    }

    private void AddStructFieldColumns(List<(Identifier Name, List<Expr> Values)> fields, string print, Relation relation, Scope scope)
    {
        foreach (var (name, values) in fields)
        {
            var collector = new ExprCollector();
            foreach (var value in values)
            {
                BindExpr(value, EdgeKind.Copy, collector, scope);
            }

            SpendEdges(collector.Edges.Count);
            relation.Columns.Add(new RelationColumn(name.Text, name.Quoted, EdgeSet.Compact(collector.Edges), "UNNEST." + name.Text.ToLowerInvariant() + ":" + print));
        }
    }

    private void AddUnnestColumns(TableFunction function, List<List<Edge>> inputs, ImmutableArray<Identifier> aliases, string print, Relation relation, Scope scope)
    {
        var widths = UnnestWidths(function, aliases);
        var a = 0;
        for (var k = 0; k < inputs.Count; k++)
        {
            var rows = widths[k] > 1 ? RowValues(function.Arguments[k]) : null;
            for (var f = 0; f < widths[k]; f++, a++)
            {
                Identifier? alias = a < aliases.Length ? aliases[a]
                    : a == 0 && (_dialect.UnnestAliasIsColumn || aliases.IsDefaultOrEmpty) ? function.Alias?.Name : null;
                var name = alias?.Text ?? (inputs.Count == 1 ? "unnest" : "unnest" + (k + 1));
                List<Edge> edges;
                if (rows is not null)
                {
                    var collector = new ExprCollector();
                    foreach (var row in rows)
                    {
                        BindExpr(row[f], EdgeKind.Copy, collector, scope);
                    }

                    SpendEdges(collector.Edges.Count);
                    edges = EdgeSet.Compact(collector.Edges);
                }
                else
                {
                    edges = [.. inputs[k].Select(e => e with { Kind = EdgeComposition.Compose(EdgeKind.Transform, e.Kind), Path = (e.Path ?? e.Column) + "[]" })];
                }

                relation.Columns.Add(new RelationColumn(name, alias?.Quoted ?? false, edges, "UNNEST" + k + (f > 0 ? "." + f : "") + ":" + print)
                {
                    RangeVariable = _dialect.UnnestAliasIsColumn && alias is not null,
                });
            }
        }

        if (function.WithOrdinality)
        {
            var alias = function.OrdinalityAlias ?? (aliases.Length > a ? aliases[a] : null);
            var edges = inputs.SelectMany(list => list).Select(e => e with { Kind = EdgeComposition.Compose(EdgeKind.Transform, e.Kind), Path = (e.Path ?? e.Column) + "[]#index" }).ToList();
            relation.Columns.Add(new RelationColumn(alias?.Text ?? (_dialect.UnnestAliasIsColumn ? "offset" : "ordinality"), alias?.Quoted ?? false, edges, "ORDINAL:" + print));
        }
    }

    /// <summary>
    /// How many columns each UNNEST argument gives: one, or where the dialect expands rows (Trino), the fields of an
    /// array of row literals, and for one argument of unknown element type whatever the column aliases leave to it
    /// (an array of rows, or a map's key and value).
    /// </summary>
    private int[] UnnestWidths(TableFunction function, ImmutableArray<Identifier> aliases)
    {
        var widths = new int[function.Arguments.Length];
        Array.Fill(widths, 1);
        if (!_dialect.UnnestExpandsRows)
        {
            return widths;
        }

        var unknown = new List<int>();
        for (var k = 0; k < widths.Length; k++)
        {
            if (RowValues(function.Arguments[k]) is { } rows)
            {
                widths[k] = rows[0].Length;
            }
            else
            {
                unknown.Add(k);
            }
        }

        var left = aliases.Length - (function.WithOrdinality && function.OrdinalityAlias is null ? 1 : 0) - widths.Sum() + unknown.Count;
        if (unknown is [var only] && left > 1)
        {
            widths[only] = left;
        }

        return widths;
    }

    /// <summary><c>ARRAY[(a, b), ROW(c, d)]</c>: each element's field values, when every element is a row of the same width.</summary>
    private static List<ImmutableArray<Expr>>? RowValues(Expr argument)
    {
        if (argument is not ArrayExpr { Items.IsEmpty: false } array)
        {
            return null;
        }

        var rows = new List<ImmutableArray<Expr>>();
        foreach (var item in array.Items)
        {
            var values = RowFields(item);
            if (values.IsDefaultOrEmpty || values.Length != RowFields(array.Items[0]).Length)
            {
                return null;
            }

            rows.Add(values);
        }

        return rows;
    }

    private static ImmutableArray<Expr> RowFields(Expr item) => item switch
    {
        TupleExpr tuple => tuple.Items,
        FunctionCall call when call.Name.Last.Text.Equals("ROW", StringComparison.OrdinalIgnoreCase) => call.Arguments,
        CastExpr { Operand: var operand } => RowFields(operand),
        _ => default,
    };

    /// <summary>EXPLODE/POSEXPLODE/INLINE and other table functions: every output derives from every input (no path).</summary>
    private static void AddGeneratedColumns(TableFunction function, List<Edge> inputs, ImmutableArray<Identifier> aliases, string print, Relation relation)
    {
        var edges = inputs.Select(e => e with { Kind = EdgeComposition.Compose(EdgeKind.Transform, e.Kind) }).ToList();
        if (!aliases.IsDefaultOrEmpty)
        {
            foreach (var alias in aliases)
            {
                relation.Columns.Add(new RelationColumn(alias.Text, alias.Quoted, [.. edges], "GEN." + alias.Text.ToLowerInvariant() + ":" + print));
            }

            return;
        }

        if (function.Kind == TableFunctionKind.Explode)
        {
            var positional = function.WithOrdinality || function.Name.Last.Text.StartsWith("pos", StringComparison.OrdinalIgnoreCase);
            string[] names = positional ? ["pos", "col"] : ["col"];
            foreach (var name in names)
            {
                relation.Columns.Add(new RelationColumn(name, false, [.. edges], "GEN." + name + ":" + print));
            }

            relation.Open = true;
            relation.OpenSources = edges;
            return;
        }

        if (function.Alias is { } tableAlias)
        {
            relation.Columns.Add(new RelationColumn(tableAlias.Name.Text, tableAlias.Name.Quoted, [.. edges], "GEN:" + print));
        }

        relation.Open = true;
        relation.OpenSources = edges;
    }
}
