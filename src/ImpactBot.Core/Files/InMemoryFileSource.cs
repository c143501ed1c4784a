using System.Collections.Frozen;

namespace ImpactBot.Core.Files;

/// <summary>A file source over texts already in memory: used by tests and by callers that read files themselves.</summary>
public sealed class InMemoryFileSource : IFileSource
{
    private readonly FrozenDictionary<string, string> _files;

    public InMemoryFileSource(IEnumerable<KeyValuePair<string, string>> files)
    {
        _files = files.ToFrozenDictionary(StringComparer.Ordinal);
        Paths = [.. _files.Keys.Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Paths { get; }

    public string? ReadText(string path) => _files.GetValueOrDefault(path);
}
