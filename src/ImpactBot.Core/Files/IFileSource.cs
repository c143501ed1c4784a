namespace ImpactBot.Core.Files;

/// <summary>
/// The files of one commit (or of the working tree), read by the CLI from git or disk. Core reads projects only through
/// this port, so analysis never touches the file system itself. Paths are repository-relative with '/' separators.
/// </summary>
public interface IFileSource
{
    /// <summary>Every file path, sorted ordinally.</summary>
    IReadOnlyList<string> Paths { get; }

    /// <summary>The file's text (UTF-8), or null when it does not exist or is not text (binary content).</summary>
    string? ReadText(string path);

    /// <summary>
    /// A hint that these files are about to be read. Sources that pay a round trip per read (git) fetch them in one
    /// stream; the default does nothing.
    /// </summary>
    void Prefetch(IEnumerable<string> paths)
    {
    }
}
