using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>
/// Test-only switch: while enabled on the current flow, the lineage engine rethrows the exceptions it otherwise turns
/// into <c>binder-error</c>/<c>parser-error</c> diagnostics, so a bug cannot hide behind tolerance. A fault can be
/// injected at a chosen expression to prove that tests notice.
/// </summary>
internal static class StrictMode
{
    private static readonly AsyncLocal<Settings?> Current = new();

    public static bool Rethrow => Current.Value is not null;

    /// <summary>Enables rethrowing until the result is disposed; <paramref name="fault"/> makes binding that expression throw.</summary>
    public static IDisposable Enable(Func<Expr, bool>? fault = null)
    {
        var previous = Current.Value;
        Current.Value = new Settings(fault);
        return new Scope(previous);
    }

    /// <summary>Throws the injected fault when <paramref name="expr"/> is the one chosen.</summary>
    public static void Visit(Expr expr)
    {
        if (Current.Value?.Fault is { } fault && fault(expr))
        {
            // The runtime's own NullReferenceException, as a null dereference in the binder would raise it.
            throw null!;
        }
    }

    private sealed record Settings(Func<Expr, bool>? Fault);

    private sealed class Scope(Settings? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
