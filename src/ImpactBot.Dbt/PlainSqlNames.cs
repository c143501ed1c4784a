namespace ImpactBot.Dbt;

/// <summary>
/// Finds which object of a plain SQL repository a name written in SQL means: the same name (case-insensitive), else the
/// only object whose name ends with it (<c>Customers</c> or <c>dbo.Customers</c> for <c>Sales.Customers</c>... when unique).
/// </summary>
internal sealed class PlainSqlNames
{
    private readonly Dictionary<string, string> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string?> _byLastPart = new(StringComparer.OrdinalIgnoreCase);

    public PlainSqlNames(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            _exact.TryAdd(name, name);
            var last = LastPart(name);
            _byLastPart[last] = _byLastPart.TryGetValue(last, out var other) && !string.Equals(other, name, StringComparison.OrdinalIgnoreCase) ? null : name;
        }
    }

    public string? Resolve(string written) =>
        _exact.TryGetValue(written, out var name) ? name
        : Trailing(written) is { } trailing && _exact.TryGetValue(trailing, out name) ? name
        : written.Contains('.', StringComparison.Ordinal) ? null : _byLastPart.GetValueOrDefault(written);

    // db.schema.table written while the object was created as schema.table.
    private static string? Trailing(string name) => name.Count(c => c == '.') >= 2 ? name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..] : null;

    private static string LastPart(string name) => name[(name.LastIndexOf('.') + 1)..];
}
