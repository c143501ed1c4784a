using System.Collections.Immutable;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage.Binding;
using ImpactBot.Sql.Syntax;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;
using ImpactBot.Sql.TSql;

namespace ImpactBot.Sql.Lineage;

/// <summary>
/// Column lineage of SQL text: parse (T-SQL through ScriptDom, everything else through the tolerant parser), then bind.
/// Never throws: unreadable input gives a failed result with the parser's diagnostics, a binder problem a diagnostic.
/// </summary>
public static class SqlLineage
{
    /// <summary>Catch-all codes: an exception the engine turned into a diagnostic. A test seeing one has found a bug.</summary>
    public const string BinderErrorCode = "binder-error";

    public const string ParserErrorCode = "parser-error";

    /// <summary>An ambiguous name bound to the owner another query of the same shape gives (info; the asset counts as inferred).</summary>
    public const string InferredOwnerCode = Binder.InferredOwnerCode;

    /// <summary>A statement that exceeded its <see cref="LineageBudget"/>.</summary>
    public const string BudgetExceededCode = "budget-exceeded";

    /// <summary>
    /// The lineage of the main statement: the last one that produces rows (query, CREATE AS, INSERT, MERGE, semantic view); for a
    /// multi-table INSERT, its last target (<see cref="AnalyzeAll"/> gives every target).
    /// </summary>
    public static QueryLineage Analyze(string sql, DialectFacts dialect, ISchemaProvider? schema = null, LineageBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var parsed = Parse(sql ?? "", dialect);
        Statement? main = null;
        foreach (var statement in parsed.Statements)
        {
            if (ProducesRows(statement))
            {
                main = statement;
            }
        }

        if (main is null)
        {
            return NoStatement(parsed);
        }

        var lineage = Bind(main, dialect, schema, budget);
        return WithParseDiagnostics(lineage, parsed.Diagnostics, main.Span, all: true);
    }

    /// <summary>The lineage of every statement that produces rows, in order; a multi-table INSERT gives one per target.</summary>
    public static ImmutableArray<QueryLineage> AnalyzeAll(string sql, DialectFacts dialect, ISchemaProvider? schema = null, LineageBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var parsed = Parse(sql ?? "", dialect);
        var result = ImmutableArray.CreateBuilder<QueryLineage>();
        foreach (var statement in parsed.Statements)
        {
            if (ProducesRows(statement))
            {
                foreach (var lineage in BindAll(statement, dialect, schema, budget))
                {
                    result.Add(WithParseDiagnostics(lineage, parsed.Diagnostics, statement.Span, all: false));
                }
            }
        }

        return result.Count == 0 ? [NoStatement(parsed)] : result.ToImmutable();
    }

    /// <summary>Binds one parsed statement.</summary>
    public static QueryLineage Bind(Statement statement, DialectFacts dialect, ISchemaProvider? schema = null, LineageBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(dialect);
        var binder = new Binder(dialect, schema, budget);
        try
        {
            return binder.Bind(statement);
        }
#pragma warning disable CA1031 // One statement's binder bug must not sink the report: it becomes a diagnostic (StrictMode rethrows in tests).
        catch (Exception ex) when (!StrictMode.Rethrow || IsBudget(ex))
#pragma warning restore CA1031
        {
            return Failure(ex, statement, binder.Work);
        }
    }

    private static ImmutableArray<QueryLineage> BindAll(Statement statement, DialectFacts dialect, ISchemaProvider? schema, LineageBudget? budget)
    {
        var binder = new Binder(dialect, schema, budget);
        try
        {
            return binder.BindAll(statement);
        }
#pragma warning disable CA1031 // As in Bind: a diagnostic, not a crash (StrictMode rethrows in tests).
        catch (Exception ex) when (!StrictMode.Rethrow || IsBudget(ex))
#pragma warning restore CA1031
        {
            return [Failure(ex, statement, binder.Work)];
        }
    }

    private static bool IsBudget(Exception ex) => ex is BindingBudgetException or InsufficientExecutionStackException;

    private static QueryLineage Failure(Exception ex, Statement statement, LineageWork work)
    {
        var diagnostic = IsBudget(ex)
            ? new Diagnostic(BudgetExceededCode, ex.Message + "; its lineage falls back to model level", statement.Span, DiagnosticSeverity.Error)
            : new Diagnostic(BinderErrorCode, "lineage could not be computed: " + ex.Message, statement.Span, DiagnosticSeverity.Error);
        return QueryLineage.Failed(diagnostic) with { Work = work };
    }

    private static ParseResult Parse(string sql, DialectFacts dialect)
    {
        try
        {
            return dialect.Dialect == SqlDialect.TSql ? TSqlFrontEnd.Parse(sql) : SqlParser.Parse(sql, dialect);
        }
#pragma warning disable CA1031 // A parser bug must not sink the report: it becomes a diagnostic (StrictMode rethrows in tests).
        catch (Exception ex) when (!StrictMode.Rethrow)
#pragma warning restore CA1031
        {
            return new ParseResult([], [new Diagnostic(ParserErrorCode, "the SQL could not be read: " + ex.Message, new SourceSpan(0, 0, 1, 1), DiagnosticSeverity.Error)]);
        }
    }

    private static bool ProducesRows(Statement statement) =>
        statement is QueryStatement or CreateAsStatement or InsertStatement or MergeStatement or MultiInsertStatement or SemanticViewStatement;

    private static QueryLineage NoStatement(ParseResult parsed)
    {
        var diagnostics = parsed.Diagnostics.IsDefaultOrEmpty
            ? [new Diagnostic("no-query", "no statement producing rows was found", new SourceSpan(0, 0, 1, 1), DiagnosticSeverity.Error)]
            : parsed.Diagnostics;
        return new QueryLineage([], [], diagnostics, LineageStatus.Failed);
    }

    /// <summary>Adds the parser's diagnostics (all of them, or those inside the statement); an error among them makes the result partial.</summary>
    private static QueryLineage WithParseDiagnostics(QueryLineage lineage, ImmutableArray<Diagnostic> diagnostics, SourceSpan span, bool all)
    {
        if (diagnostics.IsDefaultOrEmpty)
        {
            return lineage;
        }

        var own = all ? diagnostics : diagnostics.Where(d => d.Span.Start >= span.Start && d.Span.Start <= span.End).ToImmutableArray();
        if (own.IsEmpty)
        {
            return lineage;
        }

        var merged = own.AddRange(lineage.Diagnostics.Where(d => !own.Contains(d)));
        var status = lineage.Status == LineageStatus.Complete && own.Any(d => d.Severity >= DiagnosticSeverity.Warning)
            ? LineageStatus.Partial
            : lineage.Status;
        return lineage with { Diagnostics = merged, Status = status };
    }
}
