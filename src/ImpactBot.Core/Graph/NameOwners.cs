using ImpactBot.Sql.Lineage;

namespace ImpactBot.Core.Graph;

/// <summary>
/// "The same code binds the same way": an unqualified name that is ambiguous between FROM items whose columns are unknown
/// takes the owner that other assets' queries of the same shape (<see cref="NameShape"/>) bind it to on known columns.
/// Evidence that names two different owners settles nothing. Found by key, without binding anything again.
/// </summary>
internal static class NameOwners
{
    /// <summary>The owner of each asked shape key that the evidence agrees on; the witness is the first asset (by id) giving it.</summary>
    public static Dictionary<string, NameOwner> Settle(IEnumerable<AssetNode> nodes)
    {
        var asked = new HashSet<string>(StringComparer.Ordinal);
        var evidence = new List<(NameShape Shape, string Asset)>();
        foreach (var node in nodes)
        {
            foreach (var shape in node.NameShapes)
            {
                if (shape.Source is null)
                {
                    asked.Add(shape.Key);
                }
                else
                {
                    evidence.Add((shape, node.Id));
                }
            }
        }

        var owners = new Dictionary<string, NameOwner>(StringComparer.Ordinal);
        var conflicting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (shape, asset) in evidence)
        {
            if (!asked.Contains(shape.Key) || conflicting.Contains(shape.Key))
            {
                continue;
            }

            if (!owners.TryGetValue(shape.Key, out var known))
            {
                owners[shape.Key] = new NameOwner(shape.Source!, asset);
            }
            else if (known.Source != shape.Source)
            {
                owners.Remove(shape.Key);
                conflicting.Add(shape.Key);
            }
            else if (string.CompareOrdinal(asset, known.Witness) < 0)
            {
                owners[shape.Key] = known with { Witness = asset };
            }
        }

        return owners;
    }

    /// <summary>What settles the asset's ambiguous names (part of its reuse key), or null when nothing does.</summary>
    public static string? KeyOf(AssetNode node, IReadOnlyDictionary<string, NameOwner> owners)
    {
        List<string>? keys = null;
        foreach (var shape in node.NameShapes)
        {
            if (shape.Source is null && owners.TryGetValue(shape.Key, out var owner))
            {
                (keys ??= []).Add(shape.Key + "=" + owner.Source + "@" + owner.Witness);
            }
        }

        return keys is null ? null : string.Join(';', keys.Order(StringComparer.Ordinal));
    }
}
