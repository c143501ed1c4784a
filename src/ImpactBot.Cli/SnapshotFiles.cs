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
