using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ImpactBot.Dbt.Yaml;

/// <summary>
/// Cuts a properties file down to the <c>models:</c> entries of some names and the <c>groups:</c> section, at the level
/// of parser events, before the (far costlier) node tree is built. Positions stay those of the whole file. A file that
/// uses anchors or aliases, holds several documents or is shaped otherwise is left whole (null): cutting could break it.
/// </summary>
internal static class ModelEntryFilter
{
    public static IReadOnlyList<ParsingEvent>? Filter(string text, IReadOnlySet<string> modelNames)
    {
        if (Events(text) is not { } events)
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

    /// <summary>
    /// The model names of a file that describes models and nothing else (top-level keys <c>version</c> and
    /// <c>models</c>, no versioned models); null for any other file, or one that cannot be cut safely.
    /// </summary>
    public static IReadOnlyList<string>? ModelsOnly(string text)
    {
        if (Events(text) is not { } events)
        {
            return null;
        }

        var names = new List<string>();
        for (var i = 3; events[i] is not MappingEnd;)
        {
            var valueStart = End(events, i);
            var valueEnd = End(events, valueStart);
            switch ((events[i] as Scalar)?.Value)
            {
                case "version":
                    break;
                case "models" when events[valueStart] is SequenceStart:
                    for (var item = valueStart + 1; events[item] is not SequenceEnd; item = End(events, item))
                    {
                        if (Value(events, item, "versions") is not null)
                        {
                            return null;
                        }

                        if (Name(events, item) is { } name)
                        {
                            names.Add(name);
                        }
                    }

                    break;
                default:
                    return null;
            }

            i = valueEnd;
        }

        return names;
    }

    /// <summary>The events of a valid one-document file within budget whose root is a mapping, without anchors or aliases; else null.</summary>
    private static List<ParsingEvent>? Events(string text)
    {
        if (text.Length > YamlBudget.Default.MaxFileChars)
        {
            return null;
        }

        var events = new List<ParsingEvent>();
        try
        {
            var parser = new BudgetedParser(text, YamlBudget.Default);
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                if (e is AnchorAlias || e is NodeEvent { Anchor.IsEmpty: false })
                {
                    return null;
                }

                events.Add(e);
            }
        }
        catch (YamlException)
        {
            // A broken or over-budget file is read whole, so its problems are reported as a full read reports them.
            return null;
        }

        return events.Count < 5 || events[0] is not StreamStart || events[1] is not DocumentStart || events[2] is not MappingStart
            || events[^1] is not StreamEnd || events[^2] is not DocumentEnd || End(events, 2) != events.Count - 2
            ? null
            : events;
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
    private static string? Name(List<ParsingEvent> events, int item) =>
        Value(events, item, "name") is { } value && events[value] is Scalar name ? name.Value : null;

    /// <summary>Where the value of <paramref name="key"/> in the mapping at <paramref name="item"/> starts; null if absent.</summary>
    private static int? Value(List<ParsingEvent> events, int item, string key)
    {
        if (events[item] is not MappingStart)
        {
            return null;
        }

        for (var i = item + 1; events[i] is not MappingEnd;)
        {
            var value = End(events, i);
            if (events[i] is Scalar scalar && scalar.Value == key)
            {
                return value;
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
