namespace ImpactBot.Dbt.Jinja;

/// <summary>
/// What one model's render may produce: a template that doubles a string in a loop, or repeats one, would otherwise
/// allocate gigabytes. Generous for real dbt (the largest compiled models are a few hundred kilobytes).
/// </summary>
internal static class RenderBudget
{
    /// <summary>Characters of one value (a string built by <c>~</c>, <c>+</c>, <c>*</c>, a filter or a call).</summary>
    public const int MaxValueChars = 4 << 20;

    /// <summary>Characters of all the values built while rendering one model, so a loop cannot copy a large value thousands of times.</summary>
    public const long MaxBuiltChars = 64L << 20;

    /// <summary>Characters of the rendered SQL (and of any one <c>{% set %}</c> block or macro body).</summary>
    public const int MaxOutputChars = 8 << 20;

    /// <summary>Items of one list built by an expression.</summary>
    public const int MaxListItems = 100_000;
}

/// <summary>A render went over a <see cref="RenderBudget"/>; it stops, with a diagnostic at <see cref="Pos"/>.</summary>
internal sealed class RenderBudgetException(string message, int pos) : Exception(message)
{
    public int Pos { get; } = pos;
}
