using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ImpactBot.Dbt.Yaml;

/// <summary>
/// Reads a properties file entry by entry: each item of the top-level lists (<c>models:</c>, <c>sources:</c>, ...) becomes
/// its own small node tree, handed over as soon as it is read and garbage soon after, instead of one node tree of the
/// whole file held to the end (which the GC copied from generation to generation). Positions are those of the file. A
/// file that cannot be cut safely (anchors or aliases, several documents, a root that is no mapping, a repeated or
/// complex top-level key, a syntax or budget problem) is refused, to be read whole.
/// </summary>
internal static class PropertiesStream
{
    /// <summary>
    /// Streams the mapping items of the top-level lists named in <paramref name="lists"/> to <paramref name="onItem"/>
    /// (as <c>Maps(key)</c> reads them) and gives the rest of the root as a mapping; false when the file must be read
    /// whole (the caller then forgets what it was handed).
    /// </summary>
    public static bool TryRead(string text, IReadOnlySet<string> lists, Action<string, YamlMappingNode> onItem, out YamlMappingNode? rest)
    {
        rest = null;
        if (text.Length > YamlBudget.Default.MaxFileChars)
        {
            return false;
        }

        try
        {
            var parser = new BudgetedParser(text, YamlBudget.Default);
            if (Next(parser) is not StreamStart streamStart || Next(parser) is not DocumentStart documentStart || Next(parser) is not MappingStart rootStart)
            {
                return false;
            }

            var restEvents = new List<ParsingEvent> { streamStart, documentStart, rootStart };
            var keys = new HashSet<string>(StringComparer.Ordinal);
            while (Next(parser) is { } key and not MappingEnd)
            {
                if (key is not Scalar { Value: var name } || !keys.Add(name) || Next(parser) is not { } value)
                {
                    return false;
                }

                if (lists.Contains(name) && value is SequenceStart)
                {
                    while (Next(parser) is { } item and not SequenceEnd)
                    {
                        var events = new List<ParsingEvent> { new StreamStart(), new DocumentStart() };
                        if (!Node(parser, item, events))
                        {
                            return false;
                        }

                        events.Add(new DocumentEnd(isImplicit: true));
                        events.Add(new StreamEnd());
                        if (item is MappingStart)
                        {
                            onItem(name, (YamlMappingNode)Load(events));
                        }
                    }

                    if (parser.Current is not SequenceEnd)
                    {
                        return false;
                    }
                }
                else
                {
                    restEvents.Add(key);
                    if (!Node(parser, value, restEvents))
                    {
                        return false;
                    }
                }
            }

            if (parser.Current is not MappingEnd rootEnd || Next(parser) is not DocumentEnd documentEnd || Next(parser) is not StreamEnd streamEnd)
            {
                return false;
            }

            restEvents.AddRange([rootEnd, documentEnd, streamEnd]);
            rest = (YamlMappingNode)Load(restEvents);
            return true;
        }
        catch (Exception e) when (e is YamlException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The next event; null at the end, or at an anchor or alias (cutting could break them).</summary>
    private static ParsingEvent? Next(BudgetedParser parser) =>
        parser.MoveNext() && parser.Current is not (AnchorAlias or NodeEvent { Anchor.IsEmpty: false }) ? parser.Current : null;

    /// <summary>Adds the events of the node that starts with <paramref name="first"/> (already read); false when it cannot be read.</summary>
    private static bool Node(BudgetedParser parser, ParsingEvent first, List<ParsingEvent> events)
    {
        events.Add(first);
        for (var depth = first.NestingIncrease; depth > 0;)
        {
            if (Next(parser) is not { } next)
            {
                return false;
            }

            depth += next.NestingIncrease;
            events.Add(next);
        }

        return true;
    }

    private static YamlNode Load(List<ParsingEvent> events)
    {
        var stream = new YamlStream();
        stream.Load(new ModelEntryFilter.Replay(events));
        return stream.Documents[0].RootNode;
    }
}
