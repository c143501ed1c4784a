using ImpactBot.Core.Graph;
using ImpactBot.Core.Snapshot;

namespace ImpactBot.Cli;

/// <summary>Loads and saves snapshot files; a missing or unusable file is reported, not thrown.</summary>
internal static class SnapshotFiles
{
    public static (LineageGraph? Graph, string? Problem) TryLoad(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return (null, null);
        }

        var result = SnapshotReader.Read(File.ReadAllBytes(path));
        if (result.Graph is null)
        {
            return (null, $"{path}: {result.Error}");
        }

        return result.EngineMismatch ? (null, $"{path} was built by other lineage rules") : (result.Graph, null);
    }

    /// <summary>A snapshot the user named (<c>--snapshot</c>): one that is missing or unusable is a usage error saying what to do.</summary>
    public static LineageGraph LoadRequired(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{path} does not exist. Build one with `impactbot snapshot build --out {path}`.");
        }

        var (graph, problem) = TryLoad(path);
        return graph ?? throw new UsageException(problem ?? $"{path} could not be read.");
    }

    public static void Save(LineageGraph graph, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            SnapshotWriter.Write(graph, stream);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
