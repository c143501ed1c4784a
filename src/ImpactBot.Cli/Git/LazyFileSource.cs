using ImpactBot.Core.Files;

namespace ImpactBot.Cli.Git;

/// <summary>
/// A commit's files, listed only when first asked for: a run whose base graph comes from the snapshot and whose head is
/// built from the changed files never reads the base tree, so it never pays for listing it.
/// </summary>
internal sealed class LazyFileSource(Func<GitTreeFileSource> open) : IFileSource, IDisposable
{
    private readonly Lazy<GitTreeFileSource> _tree = new(open);

    public IReadOnlyList<string> Paths => _tree.Value.Paths;

    public string? ReadText(string path) => _tree.Value.ReadText(path);

    public void Prefetch(IEnumerable<string> paths) => ((IFileSource)_tree.Value).Prefetch(paths);

    public void Dispose()
    {
        if (_tree.IsValueCreated)
        {
            _tree.Value.Dispose();
        }
    }
}
