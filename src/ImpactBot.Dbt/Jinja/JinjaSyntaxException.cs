namespace ImpactBot.Dbt.Jinja;

/// <summary>Raised inside the parser only; the template parser turns it into an <see cref="ErrorNode"/>.</summary>
internal sealed class JinjaSyntaxException(string message, int pos) : Exception(message)
{
    public int Pos { get; } = pos;
}
