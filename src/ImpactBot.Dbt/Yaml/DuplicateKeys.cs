using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ImpactBot.Dbt.Yaml;

/// <summary>
/// dbt reads YAML with PyYAML, where a key written twice in one mapping is allowed and the later value replaces the
/// earlier; YamlDotNet refuses such a file. This keeps only the last of each repeated scalar key, so such a file reads
/// as dbt reads it.
/// </summary>
internal static class DuplicateKeys
{
    /// <summary>The events with every earlier occurrence of a repeated key (and its value) left out; where each was.</summary>
    public static List<ParsingEvent> LastWins(IReadOnlyList<ParsingEvent> events, List<Mark> removed)
    {
        var output = new List<ParsingEvent>(events.Count);
        for (var i = 0; i < events.Count;)
        {
            i = Copy(events, i, output, removed);
        }

        return output;
    }

    private static int Copy(IReadOnlyList<ParsingEvent> events, int i, List<ParsingEvent> output, List<Mark> removed)
    {
        switch (events[i])
        {
            case SequenceStart:
                output.Add(events[i++]);
                while (events[i] is not SequenceEnd)
                {
                    i = Copy(events, i, output, removed);
                }

                output.Add(events[i]);
                return i + 1;
            case MappingStart:
                output.Add(events[i++]);
                var pairs = new List<(int Key, int Value, int End)>();
                while (events[i] is not MappingEnd)
                {
                    var value = End(events, i);
                    var end = End(events, value);
                    pairs.Add((i, value, end));
                    i = end;
                }

                var last = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var pair in pairs)
                {
                    if (events[pair.Key] is Scalar { Value: var key } && key != "<<")
                    {
                        last[key] = pair.Key;
                    }
                }

                foreach (var (key, value, _) in pairs)
                {
                    if (events[key] is Scalar { Value: var name } && last.TryGetValue(name, out var kept) && kept != key)
                    {
                        removed.Add(events[key].Start);
                        continue;
                    }

                    Copy(events, key, output, removed);
                    Copy(events, value, output, removed);
                }

                output.Add(events[i]);
                return i + 1;
            default:
                output.Add(events[i]);
                return i + 1;
        }
    }

    /// <summary>The index after the node that starts at <paramref name="i"/>.</summary>
    private static int End(IReadOnlyList<ParsingEvent> events, int i)
    {
        var depth = 0;
        do
        {
            depth += events[i].NestingIncrease;
            i++;
        }
        while (depth > 0);
        return i;
    }
}
