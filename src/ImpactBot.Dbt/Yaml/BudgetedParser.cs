using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ImpactBot.Dbt.Yaml;

/// <summary>
/// YamlDotNet's parser with the <see cref="YamlBudget"/> checked on every event, before the event reaches the
/// (recursive) node loader: nesting depth, alias uses and the nodes those aliases expand to. Each anchor's expanded
/// size is known when it closes, so an alias bomb is caught after a handful of events instead of being walked.
/// </summary>
internal sealed class BudgetedParser(string text, YamlBudget budget) : IParser
{
    private readonly Parser _parser = new(new StringReader(text));
    private readonly Stack<(long Nodes, AnchorName Anchor)> _open = new();
    private readonly Dictionary<AnchorName, long> _anchorNodes = [];
    private int _aliases;
    private long _aliasNodes;

    public ParsingEvent? Current => _parser.Current;

    public bool MoveNext()
    {
        if (!_parser.MoveNext())
        {
            return false;
        }

        switch (_parser.Current)
        {
            case MappingStart or SequenceStart:
                if (_open.Count >= budget.MaxDepth)
                {
                    throw Over($"nesting deeper than {budget.MaxDepth} levels (MaxDepth)", "flatten the structure");
                }

                _open.Push((0, ((NodeEvent)_parser.Current).Anchor));
                break;
            case MappingEnd or SequenceEnd:
                var (nodes, anchor) = _open.Pop();
                Closed(anchor, nodes + 1);
                break;
            case Scalar scalar:
                Closed(scalar.Anchor, 1);
                break;
            case AnchorAlias alias:
                var size = _anchorNodes.GetValueOrDefault(alias.Value, 1);
                _aliases++;
                _aliasNodes += size;
                if (_aliases > budget.MaxAliases)
                {
                    throw Over($"more than {budget.MaxAliases} alias uses (MaxAliases)", "write the repeated parts out or use fewer aliases");
                }

                if (_aliasNodes > budget.MaxAliasNodes)
                {
                    throw Over($"aliases that expand to more than {budget.MaxAliasNodes} nodes (MaxAliasNodes)", "write the repeated parts out without nesting aliases in aliases");
                }

                Add(size);
                break;
        }

        return true;
    }

    private void Closed(AnchorName anchor, long nodes)
    {
        if (!anchor.IsEmpty)
        {
            _anchorNodes[anchor] = nodes;
        }

        Add(nodes);
    }

    private void Add(long nodes)
    {
        if (_open.TryPop(out var parent))
        {
            _open.Push((parent.Nodes + nodes, parent.Anchor));
        }
    }

    private YamlBudgetException Over(string what, string todo) =>
        new(_parser.Current!.Start, _parser.Current.End, YamlLoader.OverBudget(what, todo));
}
