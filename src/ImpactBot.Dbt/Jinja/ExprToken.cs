namespace ImpactBot.Dbt.Jinja;

internal enum ExprTokenKind
{
    Name,
    String,
    Integer,
    Float,
    Operator,
    End,
}

/// <summary>A token of a Jinja expression; <see cref="Pos"/> is its offset in the template text.</summary>
internal readonly record struct ExprToken(ExprTokenKind Kind, string Text, int Pos)
{
    public bool Is(string op) => Kind == ExprTokenKind.Operator && Text == op;

    public bool IsName(string name) => Kind == ExprTokenKind.Name && Text == name;
}
