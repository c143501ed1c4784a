using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>
/// Binds one statement to column lineage following BRIEF's scope model: CTEs, FROM items, stars, select items, then the
/// row clauses, then set operations. One instance per statement; not thread-safe.
/// </summary>
internal sealed partial class Binder
{
    /// <summary>Nodes between two looks at the clock.</summary>
    private const int ClockInterval = 1024;

    private readonly DialectFacts _dialect;
    private readonly ISchemaProvider? _schema;
    private readonly LineageBudget _limits;
    private readonly System.Diagnostics.Stopwatch _clock = new();
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<(string Rendered, string Key)> _tables = [];
    private readonly List<Edge> _openReads = [];
    private readonly HashSet<string> _tableKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Relation> _catalog = new(StringComparer.Ordinal);
    private readonly List<Identifier> _lambdaParameters = [];
    private readonly List<CteEnv> _boundCtes = [];
    private int _budget;
    private long _edgeBudget;
    private long _nodes;
    private long _edges;
    private bool _partial;

    public Binder(DialectFacts dialect, ISchemaProvider? schema, LineageBudget? budget = null)
    {
        _dialect = dialect;
        _schema = schema;
        _limits = budget ?? LineageBudget.Default;
    }

    /// <summary>What binding has cost so far.</summary>
    public LineageWork Work => new(_nodes, _edges);

    private IdentifierFolding ColumnFolding => _dialect.ColumnFolding;

    private IdentifierFolding TableFolding => _dialect.TableFolding;

    /// <summary>One lineage per written target: several for a multi-table INSERT, else the one of <see cref="Bind"/>.</summary>
    public ImmutableArray<QueryLineage> BindAll(Statement statement)
    {
        if (statement is MultiInsertStatement multi)
        {
            SetBudget(statement);
            return BindMultiInsert(multi);
        }

        return [Bind(statement)];
    }

    /// <summary>The statement's lineage; for a multi-table INSERT, that of its last target.</summary>
    public QueryLineage Bind(Statement statement)
    {
        SetBudget(statement);
        Relation relation;
        string? target = null;
        switch (statement)
        {
            case QueryStatement q:
                relation = BindQuery(q.Query, null, null);
                break;
            case CreateAsStatement c:
                relation = RenameByPosition(BindQuery(c.Query, null, null), c.Columns, c.Span);
                target = RenderName(c.Target);
                break;
            case InsertStatement i:
                relation = BindQuery(i.Query, null, null);
                relation = RenameByPosition(relation, i.Columns.IsDefaultOrEmpty ? TargetColumns(i.Target, relation.Columns.Count) : i.Columns, i.Span);
                target = RenderName(i.Target);
                break;
            case MergeStatement m:
                relation = BindMerge(m);
                target = RenderName(m.Target);
                break;
            case MultiInsertStatement multi:
                return BindMultiInsert(multi)[^1];
            case SemanticViewStatement semantic:
                relation = BindSemanticView(semantic);
                target = semantic.Target is { } name ? RenderName(name) : null;
                break;
            default:
                return QueryLineage.Failed(new Diagnostic(
                    "no-query", "the statement produces no rows to trace", statement.Span, DiagnosticSeverity.Error));
        }

        return Assemble(relation, target);
    }

    private void SetBudget(Statement statement)
    {
        _budget = _limits.NodesFor(statement.Span.Length);
        _edgeBudget = _limits.EdgesFor(statement.Span.Length);
        _clock.Restart();
    }

    private QueryLineage Assemble(Relation relation, string? target)
    {
        var columns = ImmutableArray.CreateBuilder<OutputColumn>(relation.Columns.Count);
        foreach (var column in relation.Columns)
        {
            if (column.Opaque)
            {
                _partial = true;
            }

            columns.Add(new OutputColumn(column.Name, column.Quoted, EdgeSet.Normalize(column.Sources, dropShadowedConditions: true))
            {
                Opaque = column.Opaque,
                Fingerprint = column.Fingerprint,
                Type = column.Type,
                Inferred = column.Inferred,
            });
        }

        var row = EdgeSet.Normalize(relation.RowEdges, dropShadowedConditions: false);
        foreach (var unused in _boundCtes)
        {
            if (!unused.Used)
            {
                _diagnostics.AddRange(unused.Diagnostics.Select(d => d with { Severity = DiagnosticSeverity.Info, Message = $"in unused CTE {unused.Name.Text}: {d.Message}" }));
            }
        }

        foreach (var d in _diagnostics)
        {
            if (d.Severity >= DiagnosticSeverity.Warning)
            {
                _partial = true;
            }
        }

        var sortedKeys = _tableKeys.Order(StringComparer.Ordinal);
        return new QueryLineage(columns.MoveToImmutable(), row, Deduplicate(_diagnostics), _partial ? LineageStatus.Partial : LineageStatus.Complete)
        {
            Work = Work,
            Target = target,
            Tables = [.. _tables.Select(t => t.Rendered)],
            OpenReads = OpenReads(),
            PassesUnlistedTo = PassesUnlistedTo(relation),
            NameShapes = [.. _nameShapes],
            SettledNames = _settledNames,
            Clauses = new ClauseFingerprints(
                Fingerprint.Of(relation.Clauses.Filter),
                Fingerprint.Of(relation.Clauses.Join),
                Fingerprint.Of(relation.Clauses.Grain),
                Fingerprint.Of(string.Join('|', sortedKeys)),
                Fingerprint.Of(relation.Clauses.Limit)),
        };
    }

    /// <summary>The catalog table behind the stars over relations whose columns are some of their own, through CTEs.</summary>
    private static string? PassesUnlistedTo(Relation relation)
    {
        var current = relation;
        while (current.LowerBound && !current.Open && current.BaseTable is null && current.Fallback is { } fallback)
        {
            current = fallback;
        }

        return current != relation && current.LowerBound ? current.BaseTable : null;
    }

    /// <summary>Every column read of a table with unknown columns, wherever in the statement (also in projections nothing uses).</summary>
    private ImmutableArray<ColumnSource> OpenReads()
    {
        var seen = new HashSet<(string, string)>();
        var result = ImmutableArray.CreateBuilder<ColumnSource>();
        foreach (var edge in _openReads)
        {
            if (seen.Add((edge.Table, edge.Column)))
            {
                result.Add(new ColumnSource(edge.Table, edge.Column, EdgeKind.Copy));
            }
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<Diagnostic> Deduplicate(List<Diagnostic> diagnostics)
    {
        var seen = new HashSet<(string, int, string)>();
        var result = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var d in diagnostics)
        {
            if (seen.Add((d.Code, d.Span.Start, d.Message)))
            {
                result.Add(d);
            }
        }

        return result.ToImmutable();
    }

    private void Report(string code, string message, SourceSpan span, DiagnosticSeverity severity = DiagnosticSeverity.Warning)
    {
        _diagnostics.Add(new Diagnostic(code, message, span, severity));
        if (severity >= DiagnosticSeverity.Warning)
        {
            _partial = true;
        }
    }

    private void Spend()
    {
        _nodes++;
        if (--_budget < 0)
        {
            throw new BindingBudgetException($"the statement is too large or too deeply nested to bind (over {_nodes - 1:N0} syntax nodes visited)");
        }

        if ((_nodes & (ClockInterval - 1)) == 0 && _limits.Time > TimeSpan.Zero && _clock.Elapsed > _limits.Time)
        {
            throw new BindingBudgetException($"binding took longer than the {_limits.Time.TotalSeconds:0.#} s budget");
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    /// <summary>Counts source edges built; a statement whose edges multiply (paths growing through recursion, fan-out) stops.</summary>
    private void SpendEdges(int count)
    {
        _edges += count;
        _edgeBudget -= count;
        if (_edgeBudget < 0)
        {
            throw new BindingBudgetException($"the statement's lineage is too large to bind (over {_edges:N0} source edges built)");
        }
    }

    private Relation RenameByPosition(Relation relation, ImmutableArray<Identifier> names, SourceSpan span)
    {
        if (names.IsDefaultOrEmpty)
        {
            return relation;
        }

        if (names.Length != relation.Columns.Count && !relation.HasOpaqueColumns)
        {
            Report("column-count-mismatch", $"{names.Length} column names for {relation.Columns.Count} columns; extra names are ignored", span);
        }

        var renamed = new Relation { Open = relation.Open, LowerBound = relation.LowerBound, BaseTable = relation.BaseTable, BaseTableKey = relation.BaseTableKey, Fallback = relation.Fallback, OpenSources = relation.OpenSources, GeneratorInputs = relation.GeneratorInputs };
        renamed.FallbackHidden.AddRange(relation.FallbackHidden);
        for (var i = 0; i < relation.Columns.Count; i++)
        {
            var column = relation.Columns[i];
            renamed.Columns.Add(i < names.Length && !column.Opaque ? column.Renamed(names[i].Text, names[i].Quoted) : column);
        }

        renamed.RowEdges.AddRange(relation.RowEdges);
        renamed.Clauses.Append(relation.Clauses);
        return renamed;
    }

    /// <summary>
    /// An INSERT without a column list fills the target's columns in order; with the target known from the schema its
    /// leading columns name the outputs (trailing ones may take defaults, so only a longer query is a mismatch).
    /// </summary>
    private ImmutableArray<Identifier> TargetColumns(QualifiedName target, int queryColumns)
    {
        if (SchemaColumns(target, out _, out _) is not { } columns)
        {
            return [];
        }

        var names = ImmutableArray.CreateBuilder<Identifier>(Math.Min(columns.Count, queryColumns));
        for (var i = 0; i < columns.Count && i < queryColumns; i++)
        {
            var (text, quoted) = Names.ParseSpelling(columns[i]);
            names.Add(new Identifier(text, quoted, target.Span));
        }

        return names.MoveToImmutable();
    }

    private string RenderName(QualifiedName name)
    {
        if (name.Parts.Length == 1)
        {
            return Names.Render(name.Parts[0], TableFolding);
        }

        var parts = new string[name.Parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Names.Render(name.Parts[i], TableFolding);
        }

        return string.Join('.', parts);
    }

    private string NameKey(QualifiedName name)
    {
        var parts = new string[name.Parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Names.Key(name.Parts[i].Text, name.Parts[i].Quoted, TableFolding);
        }

        return string.Join('.', parts);
    }

    private void AddTable(string rendered, string key)
    {
        if (_tableKeys.Add(key))
        {
            _tables.Add((rendered, key));
        }
    }

    /// <summary>Forgets the tables read since <paramref name="count"/> were known (the body of a dbt ephemeral CTE).</summary>
    private void ForgetTablesAfter(int count)
    {
        foreach (var (_, key) in _tables.Skip(count))
        {
            _tableKeys.Remove(key);
        }

        _tables.RemoveRange(count, _tables.Count - count);
    }
}
