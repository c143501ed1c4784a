using System.Collections.Immutable;
using ImpactBot.Sql.Lineage.Binding;
using ImpactBot.Sql.Syntax;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;
using Dom = Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ImpactBot.Sql.TSql;

/// <summary>
/// Reads T-SQL through ScriptDom into the shared AST: every statement of every batch (GO separates batches), ScriptDom's
/// parse errors as <c>tsql-parse-error</c> diagnostics with their line and column. Nothing here throws on bad input.
/// </summary>
public static class TSqlFrontEnd
{
    /// <summary>Up to this depth ScriptDom runs on the caller's stack; a 1 MB thread stack holds about 250 nested subqueries.</summary>
    private const int InlineDepth = 48;

    /// <summary>Deeper scripts are refused: even the large stack would not hold them.</summary>
    private const int MaxDepth = 4000;

    /// <summary>Enough for <see cref="MaxDepth"/> levels of ScriptDom's recursion (a few KB each) with room to spare.</summary>
    private const int LargeStackBytes = 256 * 1024 * 1024;

    public static ParseResult Parse(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        try
        {
            var parser = new Dom.TSql170Parser(initialQuotedIdentifiers: true);
            var tokens = parser.GetTokenStream(new StringReader(sql), out var lexErrors);
            var nesting = TSqlNesting.Measure(tokens);
            if (nesting.Depth > MaxDepth)
            {
                var token = tokens[nesting.DeepestToken];
                var span = new SourceSpan(token.Offset, token.Text?.Length ?? 0, token.Line, token.Column);
                return new ParseResult([], [new Diagnostic("tsql-too-deep", $"the script nests deeper than {MaxDepth} levels; it was not parsed", span, DiagnosticSeverity.Error)]);
            }

            return nesting.Depth <= InlineDepth
                ? ParseTokens(parser, tokens, lexErrors)
                : OnLargeStack(() => ParseTokens(parser, tokens, lexErrors));
        }
#pragma warning disable CA1031 // A ScriptDom or mapper failure becomes a diagnostic; StrictMode rethrows in tests.
        catch (Exception exception) when (!StrictMode.Rethrow)
#pragma warning restore CA1031
        {
            return new ParseResult([], [Internal(exception)]);
        }
    }

    private static ParseResult ParseTokens(Dom.TSqlParser parser, IList<Dom.TSqlParserToken> tokens, IList<Dom.ParseError> lexErrors)
    {
        var fragment = parser.Parse(tokens, out var parseErrors);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var error in lexErrors.Concat(parseErrors).DistinctBy(e => (e.Offset, e.Number)).OrderBy(e => e.Offset))
        {
            diagnostics.Add(ParseError(error, tokens));
        }

        var statements = ImmutableArray.CreateBuilder<Statement>();
        var context = new TSqlMapContext();
        foreach (var statement in (fragment as Dom.TSqlScript)?.Batches.SelectMany(b => b.Statements) ?? [])
        {
            try
            {
                statements.Add(TSqlStatements.Map(context, statement));
            }
#pragma warning disable CA1031 // A node shape the mapper did not expect costs only its statement; StrictMode rethrows in tests.
            catch (Exception exception) when (!StrictMode.Rethrow)
#pragma warning restore CA1031
            {
                // A node shape the mapper did not expect must not cost the other statements.
                statements.Add(TSqlStatements.Opaque(statement));
                diagnostics.Add(Internal(exception) with { Span = TSqlSyntax.Span(statement) });
            }
        }

        diagnostics.AddRange(context.Diagnostics);
        return new ParseResult(statements.ToImmutable(), diagnostics.ToImmutable());
    }

    private static Diagnostic ParseError(Dom.ParseError error, IList<Dom.TSqlParserToken> tokens)
    {
        var length = 0;
        foreach (var token in tokens)
        {
            if (token.Offset == error.Offset)
            {
                length = token.Text?.Length ?? 0;
                break;
            }
        }

        var span = new SourceSpan(error.Offset, length, Math.Max(1, error.Line), Math.Max(1, error.Column));
        return new Diagnostic("tsql-parse-error", error.Message, span, DiagnosticSeverity.Error);
    }

    /// <summary>The catch-all code: the front end failed on its own (a bug), not on the input.</summary>
    public const string InternalErrorCode = "tsql-internal-error";

    private static Diagnostic Internal(Exception exception) =>
        new(InternalErrorCode, $"the T-SQL front end failed: {exception.Message}", SourceSpan.None, DiagnosticSeverity.Error);

    /// <summary>Runs a deeply nested script on a thread whose stack is large enough for ScriptDom's recursion.</summary>
    private static ParseResult OnLargeStack(Func<ParseResult> parse)
    {
        ParseResult? result = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = parse();
                }
#pragma warning disable CA1031 // Carried to the calling thread, which reports or rethrows it.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    failure = exception;
                }
            },
            LargeStackBytes);
        thread.Start();
        thread.Join();
        if (failure is not null && StrictMode.Rethrow)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return result ?? new ParseResult([], [Internal(failure ?? new InvalidOperationException("no result"))]);
    }
}
