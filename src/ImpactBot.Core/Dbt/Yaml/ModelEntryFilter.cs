using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ImpactBot.Core.Dbt.Yaml;

/// <summary>
/// Cuts a properties file down to the <c>models:</c> entries of some names and the <c>groups:</c> section, at the level
/// of parser events, before the (far costlier) node tree is built. Positions stay those of the whole file. A file that
/// uses anchors or aliases, holds several documents or is shaped otherwise is left whole (null): cutting could break it.
/// </summary>
internal static class ModelEntryFilter
{
    public static IReadOnlyList<ParsingEvent>? Filter(string text, IReadOnlySet<string> modelNames)
    {
        var events = new List<ParsingEvent>();
        var parser = new Parser(new StringReader(text));
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            if (e is AnchorAlias || e is NodeEvent { Anchor.IsEmpty: false })
            {
                return null;
            }

            events.Add(e);
        }

        if (events.Count < 5 || events[0] is not StreamStart || events[1] is not DocumentStart || events[2] is not MappingStart
            || events[^1] is not StreamEnd || events[^2] is not DocumentEnd || End(events, 2) != events.Count - 2)
        {
            return null;
        }

        var kept = new List<ParsingEvent>(events.Count) { events[0], events[1], events[2] };
        var i = 3;
        while (events[i] is not MappingEnd)
        {
            var valueStart = End(events, i);
            var valueEnd = End(events, valueStart);
            var key = (events[i] as Scalar)?.Value;
            if (key == "groups")
            {
                kept.AddRange(events.Skip(i).Take(valueEnd - i));
            }
            else if (key == "models" && events[valueStart] is SequenceStart)
            {
                kept.Add(events[i]);
                kept.Add(events[valueStart]);
                for (var item = valueStart + 1; events[item] is not SequenceEnd; item = End(events, item))
                {
                    if (Name(events, item) is { } name && modelNames.Contains(name))
                    {
                        kept.AddRange(events.Skip(item).Take(End(events, item) - item));
                    }
                }

                kept.Add(events[valueEnd - 1]);
            }

            i = valueEnd;
        }

        kept.AddRange(events.Skip(i));
        return kept;
    }

    /// <summary>The index just past the node that starts at <paramref name="start"/>.</summary>
    private static int End(List<ParsingEvent> events, int start)
    {
        var depth = 0;
        var i = start;
        do
        {
            depth += events[i].NestingIncrease;
            i++;
        }
        while (depth > 0);
        return i;
    }

    /// <summary>The <c>name</c> of a mapping item, if it has a plain one.</summary>
    private static string? Name(List<ParsingEvent> events, int item)
    {
        if (events[item] is not MappingStart)
        {
            return null;
        }

        for (var i = item + 1; events[i] is not MappingEnd;)
        {
            var value = End(events, i);
            if (events[i] is Scalar { Value: "name" } && events[value] is Scalar name)
            {
                return name.Value;
            }

            i = End(events, value);
        }

        return null;
    }

    /// <summary>Replays events to the representation model's loader.</summary>
    public sealed class Replay(IReadOnlyList<ParsingEvent> events) : IParser
    {
        private int _next;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            Current = _next < events.Count ? events[_next++] : null;
            return Current is not null;
        }
    }
}
