namespace ImpactBot.Sql.Text;

/// <summary>A range of the query text. Line and column are 1-based and point at <see cref="Start"/>.</summary>
public readonly record struct SourceSpan(int Start, int Length, int Line, int Column)
{
    public static readonly SourceSpan None = new(0, 0, 0, 0);

    public int End => Start + Length;

    /// <summary>The span from the start of this one to the end of <paramref name="other"/>.</summary>
    public SourceSpan Through(SourceSpan other) =>
        other.End <= Start ? this : new SourceSpan(Start, other.End - Start, Line, Column);

    public override string ToString() => $"{Line}:{Column}";
}
