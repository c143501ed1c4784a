using System.Collections.Immutable;

namespace ImpactBot.Dbt.Jinja;

/// <summary>A Jinja expression. <see cref="Pos"/> is the offset of its first character in the template text.</summary>
internal abstract record Expr(int Pos)
{
    /// <summary>This expression and every expression inside it, depth first.</summary>
    public IEnumerable<Expr> Descendants()
    {
        var stack = new Stack<Expr>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            yield return e;
            foreach (var child in e.Children())
            {
                stack.Push(child);
            }
        }
    }

    protected virtual IEnumerable<Expr> Children() => [];
}

internal sealed record LiteralExpr(object? Value, int Pos) : Expr(Pos);

internal sealed record NameExpr(string Name, int Pos) : Expr(Pos);

internal sealed record AttrExpr(Expr Target, string Name, int Pos) : Expr(Pos)
{
    protected override IEnumerable<Expr> Children() => [Target];
}

internal sealed record ItemExpr(Expr Target, Expr Index, int Pos) : Expr(Pos)
{
    protected override IEnumerable<Expr> Children() => [Target, Index];
}

internal sealed record Arguments(ImmutableArray<Expr> Positional, ImmutableArray<KeyValuePair<string, Expr>> Named)
{
    public static readonly Arguments None = new([], []);

    /// <summary><c>*list</c> spread after the positional arguments, when given.</summary>
    public Expr? Spread { get; init; }

    /// <summary><c>**dict</c> spread after the named arguments, when given.</summary>
    public Expr? SpreadNamed { get; init; }

    public IEnumerable<Expr> All => Positional.Concat(Named.Select(n => n.Value))
        .Concat(Spread is null ? [] : [Spread]).Concat(SpreadNamed is null ? [] : [SpreadNamed]);
}

/// <summary>A slice <c>x[start:stop:step]</c>; absent bounds are null.</summary>
internal sealed record SliceExpr(Expr Target, Expr? Start, Expr? Stop, Expr? Step, int Pos) : Expr(Pos)
{
    protected override IEnumerable<Expr> Children() => new[] { Target, Start, Stop, Step }.OfType<Expr>();
}

internal sealed record CallExpr(Expr Callee, Arguments Args, int Pos) : Expr(Pos)
{
    protected override IEnumerable<Expr> Children() => Args.All.Prepend(Callee);
}

internal sealed record FilterExpr(Expr Target, string Name, Arguments Args, int Pos) : Expr(Pos)
{
    protected override IEnumerable<Expr> Children() => Args.All.Prepend(Target);
}

internal sealed record TestExpr(Expr Target, string Name, bool Negated, Arguments Args, int Pos) : Expr(Pos)
{
    protected override IEnumerable<Expr> Children() => Args.All.Prepend(Target);
}

internal sealed record BinaryExpr(string Op, Expr Left, Expr Right, int Pos) : Expr(Pos)
{
    protected override IEnumerable<Expr> Children() => [Left, Right];
}

internal sealed record UnaryExpr(string Op, Expr Operand, int Pos) : Expr(Pos)
{
    protected override IEnumerable<Expr> Children() => [Operand];
}

internal sealed record ListExpr(ImmutableArray<Expr> Items, int Pos) : Expr(Pos)
{
    protected override IEnumerable<Expr> Children() => Items;
}

internal sealed record DictExpr(ImmutableArray<KeyValuePair<Expr, Expr>> Entries, int Pos) : Expr(Pos)
{
    protected override IEnumerable<Expr> Children() => Entries.SelectMany(e => new[] { e.Key, e.Value });
}

internal sealed record ConditionalExpr(Expr Then, Expr Condition, Expr? Else, int Pos) : Expr(Pos)
{
    protected override IEnumerable<Expr> Children() => Else is null ? [Then, Condition] : [Then, Condition, Else];
}
