using ImpactBot.Core.Files;
using ImpactBot.Dbt.Analysis;

namespace ImpactBot.Cli;

/// <summary>
/// Finds the packages <c>dbt deps</c> installed in the working tree (they are not in git): <c>dbt_packages/</c> (or the
/// older <c>dbt_modules/</c>) beside the project's dbt_project.yml, or the folder given by <c>--packages-dir</c>. Base and
/// head are read with these same packages.
/// </summary>
internal static class InstalledPackageFiles
{
    private static readonly string[] Folders = ["dbt_packages", "dbt_modules"];
    private static readonly string[] Skipped = ["dbt_packages", "dbt_modules", "node_modules", "target", "logs"];

    /// <summary>The options with their packages: those of <paramref name="packagesDir"/> when given, else the working tree's, if any.</summary>
    public static ProjectOptions Attach(ProjectOptions options, string repoDir, string? packagesDir = null)
    {
        if (packagesDir is not null)
        {
            return Directory.Exists(packagesDir)
                ? options with { Packages = Load(packagesDir) }
                : throw new UsageException($"--packages-dir {packagesDir} does not exist. Run `dbt deps` first, or leave the option out.");
        }

        return options.Packages is null && Find(repoDir, options.ProjectDir) is { } found ? options with { Packages = Load(found) } : options;
    }

    private static string? Find(string repoDir, string? projectDir)
    {
        if (projectDir is not null)
        {
            return Folders.Select(f => Path.Combine(repoDir, projectDir, f)).FirstOrDefault(Directory.Exists);
        }

        // The shallowest folder holding dbt_project.yml and an installed packages folder, as the reader picks the project.
        var level = new List<string> { repoDir };
        for (var depth = 0; depth < 4 && level.Count > 0; depth++)
        {
            foreach (var dir in level.Order(StringComparer.Ordinal))
            {
                if (File.Exists(Path.Combine(dir, "dbt_project.yml")) && Folders.Select(f => Path.Combine(dir, f)).FirstOrDefault(Directory.Exists) is { } packages)
                {
                    return packages;
                }
            }

            level = [.. level.SelectMany(SubFolders)];
        }

        return null;
    }

    private static IEnumerable<string> SubFolders(string dir)
    {
        try
        {
            return Directory.EnumerateDirectories(dir).Where(d => Path.GetFileName(d) is var name && !name.StartsWith('.') && !Skipped.Contains(name)).ToList();
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return [];
        }
    }

    /// <summary>The packages' dbt_project.yml and .sql files (macros), keyed by path under the packages folder.</summary>
    private static InMemoryFileSource Load(string packagesDir)
    {
        var root = Path.GetFullPath(packagesDir);
        var files = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(f => f.EndsWith(".sql", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(f) == "dbt_project.yml")
            .Select(f => new KeyValuePair<string, string>(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)));
        return new InMemoryFileSource(files);
    }
}
