using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage.Binding;

namespace ImpactBot.Sql.Lineage;

/// <summary>
/// Table columns from a dictionary (<c>"shop.orders" → ["id", "amount"]</c>). Names compare with the dialect's folding, quoted
/// parts (<c>RAW."Events"</c>, <c>"Id"</c>) exactly. A name is found as written, then by its trailing parts (the query says
/// <c>db.shop.orders</c>, the schema <c>shop.orders</c>), then by a unique schema entry ending with the name as written.
/// </summary>
public sealed class DictionarySchemaProvider : ISchemaProvider
{
    private readonly DialectFacts _dialect;
    private readonly Dictionary<string, IReadOnlyList<string>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _bySuffix = new(StringComparer.Ordinal);

    public DictionarySchemaProvider(DialectFacts dialect, IReadOnlyDictionary<string, IReadOnlyList<string>> tables)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(tables);
        _dialect = dialect;
        foreach (var (name, columns) in tables)
        {
            var parts = Names.SplitDotted(name);
            var key = Key(parts, 0);
            _byKey[key] = columns;
            for (var skip = 1; skip < parts.Count; skip++)
            {
                var suffix = Key(parts, skip);
                if (!_bySuffix.TryGetValue(suffix, out var keys))
                {
                    _bySuffix[suffix] = keys = [];
                }

                keys.Add(key);
            }
        }
    }

    public int Count => _byKey.Count;

    public IReadOnlyList<string>? FindColumns(IReadOnlyList<string> nameParts)
    {
        ArgumentNullException.ThrowIfNull(nameParts);
        var parts = new List<(string Text, bool Quoted)>();
        foreach (var part in nameParts)
        {
            var (text, quoted) = Names.ParseSpelling(part);
            if (!quoted && text.Contains('.', StringComparison.Ordinal))
            {
                parts.AddRange(Names.SplitDotted(text));
            }
            else
            {
                parts.Add((text, quoted));
            }
        }

        for (var skip = 0; skip < parts.Count; skip++)
        {
            if (_byKey.TryGetValue(Key(parts, skip), out var columns))
            {
                return columns;
            }
        }

        return _bySuffix.TryGetValue(Key(parts, 0), out var candidates) && candidates.Count == 1 ? _byKey[candidates[0]] : null;
    }

    private string Key(List<(string Text, bool Quoted)> parts, int skip)
    {
        var keys = new string[parts.Count - skip];
        for (var i = skip; i < parts.Count; i++)
        {
            keys[i - skip] = Names.Key(parts[i].Text, parts[i].Quoted, _dialect.TableFolding);
        }

        return string.Join('\u001f', keys);
    }
}
