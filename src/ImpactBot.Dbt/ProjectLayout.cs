using System.Collections.Immutable;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt;

/// <summary>Where a project lives in the repository and which files belong to each of its path lists.</summary>
internal sealed class ProjectLayout(string rootDir, ImmutableArray<string> paths)
{
    private static readonly string[] PackageFolders = ["dbt_packages", "dbt_modules", "target", "logs"];

    public string RootDir { get; } = rootDir;

    public ImmutableArray<string> Paths { get; } = paths;

    /// <summary>
    /// Repository path of a project-relative path. <c>..</c> and <c>.</c> segments are resolved, as dbt resolves
    /// <c>macro-paths: ["../../dbt_macros"]</c> of a project in a subfolder; a path that climbs above the repository
    /// stays as written, so it matches no file.
    /// </summary>
    public string Repo(string projectPath)
    {
        var joined = RootDir.Length == 0 ? projectPath : $"{RootDir}/{projectPath}";
        if (!joined.Contains('.', StringComparison.Ordinal))
        {
            return joined;
        }

        var parts = new List<string>();
        foreach (var part in joined.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return joined;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>Files under any of the project-relative folders, with the given extensions, outside installed packages.</summary>
    public IEnumerable<(string Path, string Folder, string Relative)> Under(IEnumerable<string> folders, params string[] extensions)
    {
        foreach (var folder in folders.Distinct(StringComparer.Ordinal))
        {
            var prefix = Repo(folder) + "/";
            foreach (var path in Paths)
            {
                if (path.StartsWith(prefix, StringComparison.Ordinal)
                    && extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase))
                    && !path[prefix.Length..].Split('/').Any(p => PackageFolders.Contains(p)))
                {
                    yield return (path, folder, path[prefix.Length..]);
                }
            }
        }
    }

    /// <summary>
    /// The folder holding dbt_project.yml: the only one in the repository, or the shallowest (with a diagnostic) when
    /// there are several; null when there is none. Installed packages do not count.
    /// </summary>
    public static string? FindProjectDir(ImmutableArray<string> paths, List<FileDiagnostic> diagnostics)
    {
        var candidates = paths
            .Where(p => p == "dbt_project.yml" || p.EndsWith("/dbt_project.yml", StringComparison.Ordinal))
            .Where(p => !p.Split('/').Any(part => PackageFolders.Contains(part)))
            .OrderBy(p => p.Count(c => c == '/'))
            .ThenBy(p => p, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        if (candidates.Count > 1)
        {
            diagnostics.Add(new FileDiagnostic(
                "multiple-projects",
                $"found {candidates.Count} dbt_project.yml files; using {candidates[0]} (set project-dir in .impactbot.yml to choose)",
                candidates[1],
                0,
                0));
        }

        var dir = candidates[0];
        return dir == "dbt_project.yml" ? "" : dir[..^"/dbt_project.yml".Length];
    }

    public static string FileName(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }
}
