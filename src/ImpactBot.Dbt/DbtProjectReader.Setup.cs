using System.Collections.Immutable;
using ImpactBot.Core.Config;
using ImpactBot.Core.Files;
using ImpactBot.Core.Owners;
using ImpactBot.Core.Timing;

namespace ImpactBot.Dbt;

public static partial class DbtProjectReader
{
    /// <summary>
    /// The set-up the full read and the changed-files read share, so both see the same files, config and owners: the
    /// config (or its defaults), the paths left after <c>ignore:</c>, the owner resolver, the timings and the list the
    /// read's diagnostics go to.
    /// </summary>
    private sealed record ReadSetup(
        ImpactBotConfig Config, ImmutableArray<string> Paths, OwnerResolver Owners, PhaseTimings Timings, List<FileDiagnostic> Diagnostics)
    {
        public static ReadSetup Of(IFileSource files, DbtReadOptions options)
        {
            var config = options.Config ?? ImpactBotConfig.Default;
            var ignore = config.Ignore.Select(p => new GlobPattern(p)).ToList();
            return new ReadSetup(
                config,
                [.. files.Paths.Where(p => !ignore.Any(g => g.IsMatch(p)))],
                new OwnerResolver(config.OwnerAliases, CodeOwnersFile.Find(files), config.CodeOwners),
                options.Timings ?? new PhaseTimings(),
                []);
        }
    }

    /// <summary>The YAML files under the project's model, seed and snapshot folders that <paramref name="wanted"/> keeps, with their text, in the order a full read meets them.</summary>
    private static List<(string Path, string Text)> YamlFiles(IFileSource files, ProjectLayout layout, DbtProjectFile projectFile, Func<string, bool> wanted) =>
        layout.Under(projectFile.ModelPaths.Concat(projectFile.SeedPaths).Concat(projectFile.SnapshotPaths), ".yml", ".yaml")
            .Where(f => wanted(f.Path))
            .Select(f => (f.Path, Text: files.ReadText(f.Path)))
            .Where(f => f.Text is not null)
            .Select(f => (f.Path, f.Text!))
            .ToList();
}
