using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;
using Dom = Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ImpactBot.Sql.TSql;

/// <summary>
/// State of one mapping run: how deep the mapper is (the AST it builds must stay shallow enough for the binder's
/// recursion) and the diagnostics it produced for constructs it could only keep as opaque spans.
/// </summary>
internal sealed class TSqlMapContext
{
    /// <summary>Deeper nesting becomes an opaque span; real models stay far below this.</summary>
    public const int MaxDepth = 200;

    private readonly ImmutableArray<Diagnostic>.Builder diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();

    public int Depth { get; private set; }

    public ImmutableArray<Diagnostic> Diagnostics => diagnostics.ToImmutable();

    public bool TryEnter(int levels = 1)
    {
        if (Depth + levels > MaxDepth)
        {
            return false;
        }

        Depth += levels;
        return true;
    }

    public void Exit(int levels = 1) => Depth -= levels;

    public void Report(Diagnostic diagnostic) => diagnostics.Add(diagnostic);

    /// <summary>Keeps <paramref name="fragment"/> as an opaque expression that still names the columns it mentions.</summary>
    public OpaqueExpr Opaque(Dom.TSqlFragment fragment, string code, string message)
    {
        var span = TSqlSyntax.Span(fragment);
        var diagnostic = new Diagnostic(code, message, span);
        Report(diagnostic);
        return new OpaqueExpr(TSqlReferenceScanner.Scan(fragment), diagnostic, span);
    }

    public OpaqueExpr TooDeep(Dom.TSqlFragment fragment) =>
        Opaque(fragment, "tsql-too-deep", $"expression nested deeper than {MaxDepth} levels; kept as an opaque span");

    public OpaqueExpr Unsupported(Dom.TSqlFragment fragment) =>
        Opaque(fragment, "tsql-unsupported", $"{fragment.GetType().Name} is not mapped; its columns are kept as unknown references");
}
