using System.Collections.Immutable;
using ImpactBot.Dbt.Jinja;
using ImpactBot.Dbt.Yaml;
using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;

namespace ImpactBot.Dbt;

/// <summary>
/// The packages <c>dbt deps</c> installed: each folder of <c>dbt_packages/</c> (or the older <c>dbt_modules/</c>) with a
/// dbt_project.yml, read from the given package files (the working tree's, or <c>--packages-dir</c>) or, when none are
/// given, from the project's own files (a repository that commits them).
/// </summary>
internal static class InstalledPackages
{
    public static readonly string[] Folders = ["dbt_packages", "dbt_modules"];

    public static ImmutableArray<MacroPackage> Read(IFileSource files, ProjectLayout layout, IFileSource? packageFiles, List<FileDiagnostic> diagnostics)
    {
        var installed = Installed(files, layout, packageFiles, diagnostics);
        var names = installed.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return [.. installed, .. Local(files, layout, diagnostics).Where(p => names.Add(p.Name))];
    }

    private static ImmutableArray<MacroPackage> Installed(IFileSource files, ProjectLayout layout, IFileSource? packageFiles, List<FileDiagnostic> diagnostics)
    {
        if (packageFiles is not null)
        {
            return Read(packageFiles, "", diagnostics);
        }

        foreach (var folder in Folders)
        {
            var prefix = layout.Repo(folder) + "/";
            if (files.Paths.Any(p => p.StartsWith(prefix, StringComparison.Ordinal)))
            {
                return Read(files, prefix, diagnostics);
            }
        }

        return [];
    }

    /// <summary>
    /// The <c>local:</c> packages of packages.yml / dependencies.yml: folders of this repository, so their macros are
    /// read from its files as <c>dbt deps</c> would link them (<c>local: ../</c> of a package's integration_tests).
    /// </summary>
    private static IEnumerable<MacroPackage> Local(IFileSource files, ProjectLayout layout, List<FileDiagnostic> diagnostics)
    {
        foreach (var list in new[] { "packages.yml", "dependencies.yml" })
        {
            var path = layout.Repo(list);
            if (files.ReadText(path) is not { } text || YamlLoader.LoadMapping(text, path, diagnostics) is not { } root)
            {
                continue;
            }

            foreach (var entry in root.Maps("packages"))
            {
                if (entry.Str("local") is { } local && layout.Repo(local.Trim().TrimEnd('/') + "/dbt_project.yml") is var projectPath
                    && projectPath != layout.Repo("dbt_project.yml") && ReadPackage(files, projectPath, diagnostics) is { } package)
                {
                    yield return package;
                }
            }
        }
    }

    /// <summary>What decides the packages' macros: the project's package lists and every installed macro file.</summary>
    public static string Fingerprint(IFileSource files, ProjectLayout layout, ImmutableArray<MacroPackage> packages)
    {
        var parts = new List<string?>();
        foreach (var list in new[] { "package-lock.yml", "packages.yml", "dependencies.yml" })
        {
            parts.Add(list);
            parts.Add(files.ReadText(layout.Repo(list)));
        }

        foreach (var package in packages.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            parts.Add(package.Name);
            foreach (var (path, text) in package.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                parts.Add(path);
                parts.Add(ContentHash.Of(text));
            }
        }

        return ContentHash.Of([.. parts]);
    }

    /// <summary>Packages under <paramref name="prefix"/>: one per <c>&lt;folder&gt;/dbt_project.yml</c>.</summary>
    private static ImmutableArray<MacroPackage> Read(IFileSource files, string prefix, List<FileDiagnostic> diagnostics)
    {
        var packages = ImmutableArray.CreateBuilder<MacroPackage>();
        var projectFiles = files.Paths
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && p.EndsWith("/dbt_project.yml", StringComparison.Ordinal) && p[prefix.Length..].Count(c => c == '/') == 1)
            .ToList();
        foreach (var projectPath in projectFiles)
        {
            if (ReadPackage(files, projectPath, diagnostics, projectPath[prefix.Length..^"/dbt_project.yml".Length]) is { } package)
            {
                packages.Add(package);
            }
        }

        return packages.ToImmutable();
    }

    /// <summary>The package whose dbt_project.yml is at <paramref name="projectPath"/>: its name and its macro files.</summary>
    private static MacroPackage? ReadPackage(IFileSource files, string projectPath, List<FileDiagnostic> diagnostics, string? folderName = null)
    {
        if (files.ReadText(projectPath) is not { } text)
        {
            return null;
        }

        var folder = projectPath[..^"dbt_project.yml".Length];
        var root = YamlLoader.LoadMapping(text, projectPath, diagnostics);
        var name = root?.Str("name") ?? folderName ?? "";
        var macroPaths = root?.Strings("macro-paths") is { IsEmpty: false } given ? given : ["macros"];
        var macroFolders = macroPaths.Select(p => folder + p.Trim().Trim('/') + "/").ToList();
        var macroFiles = files.Paths
            .Where(p => p.EndsWith(".sql", StringComparison.OrdinalIgnoreCase) && macroFolders.Any(f => p.StartsWith(f, StringComparison.Ordinal)))
            .ToList();
        files.Prefetch(macroFiles);
        var texts = macroFiles
            .Select(p => (Path: p, Text: files.ReadText(p)))
            .Where(f => f.Text is not null && !f.Text.Contains('\0', StringComparison.Ordinal))
            .Select(f => new KeyValuePair<string, string>(f.Path, f.Text!))
            .ToList();
        return name.Length == 0 ? null : new MacroPackage(name, texts);
    }
}
