using ImpactBot.Cli.Commands;
using ImpactBot.Cli.Git;
using ImpactBot.Core.Files;
using ImpactBot.Dbt;
using ImpactBot.Dbt.Analysis;
using ImpactBot.Core.Timing;

namespace ImpactBot.Cli.Analysis;

/// <summary>
/// "Analyse base...head of a local git repository": the one service behind <c>impactbot analyze</c> and <c>impactbot run</c>
/// (GitHub Actions and GitLab CI). Commands and CI runners decide what to do with the result; nothing here prints.
/// </summary>
internal static class RepositoryAnalysis
{
    /// <summary>The reader inputs: project folder, dialect, target, vars, profiles and the dbt artifacts (read here, so a missing one is exit 2).</summary>
    public static async Task<ProjectOptions> ProjectOptionsAsync(
        string? projectDir, string? dialect, string? manifest, string? catalog, CancellationToken cancellationToken, string? target = null, string? vars = null, string? profilesDir = null)
    {
        var (profilesText, profilesPath) = await ReadProfilesAsync(profilesDir, cancellationToken).ConfigureAwait(false);
        return new()
        {
            ProjectDir = projectDir,
            Dialect = CommonOptions.ParseDialect(dialect),
            ManifestText = await ReadArtifactAsync(manifest, cancellationToken).ConfigureAwait(false),
            ManifestPath = manifest ?? "manifest.json",
            CatalogText = await ReadArtifactAsync(catalog, cancellationToken).ConfigureAwait(false),
            CatalogPath = catalog ?? "catalog.json",
            Target = target,
            Vars = ParseVars(vars),
            ProfilesText = profilesText,
            ProfilesPath = profilesPath,
            Environment = Environment.GetEnvironmentVariable,
        };
    }

    private static DbtMap? ParseVars(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var problems = new List<FileDiagnostic>();
        return DbtVars.Parse(text, "--vars", problems) ?? throw new UsageException(problems[0].Message);
    }

    /// <summary>profiles.yml of --profiles-dir (which must hold one), else of DBT_PROFILES_DIR when it does.</summary>
    private static async Task<(string? Text, string Path)> ReadProfilesAsync(string? profilesDir, CancellationToken cancellationToken)
    {
        var dir = profilesDir ?? Environment.GetEnvironmentVariable("DBT_PROFILES_DIR");
        if (string.IsNullOrEmpty(dir))
        {
            return (null, "profiles.yml");
        }

        var path = Path.Combine(dir, "profiles.yml");
        if (File.Exists(path))
        {
            return (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
        }

        return profilesDir is null
            ? (null, "profiles.yml")
            : throw new UsageException($"--profiles-dir {profilesDir} holds no profiles.yml. Point it at the folder dbt reads profiles.yml from, or leave it out.");
    }

    /// <summary>Resolves refs, reads both trees through git and runs the analysis; a snapshot path is loaded and refreshed.</summary>
    public static async Task<AnalysisResult> RunAsync(RepositoryAnalysisRequest request, ProjectOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timings = request.Timings ?? new PhaseTimings();
        if (!Directory.Exists(request.RepoDir))
        {
            throw new UsageException($"--repo {request.RepoDir} does not exist.");
        }

        options = InstalledPackageFiles.Attach(options, request.RepoDir);

        // The snapshot loads on another thread while this one waits for git, and the engines warm up beside it.
        var snapshotPath = request.SnapshotPath;
        var load = Task.Run(() => SnapshotFiles.TryLoad(snapshotPath), cancellationToken);
        _ = Task.Run(Warmup.Run, cancellationToken);
        var git = new GitRepository(request.RepoDir);
        // Each git call is a process start; the independent ones run side by side, in two rounds.
        var (head, @base, changed, headFiles) = await timings.MeasureAsync("git", async () =>
        {
            var resolveHead = git.ResolveCommitAsync(request.HeadRef, cancellationToken);
            var resolveBase = git.ResolveCommitAsync(request.BaseRef, cancellationToken);
            var mergeBase = git.MergeBaseAsync(request.BaseRef, request.HeadRef, cancellationToken);
            var head = await resolveHead.ConfigureAwait(false);
            var headTree = git.OpenTreeAsync(head, cancellationToken);
            await resolveBase.ConfigureAwait(false);
            var @base = await mergeBase.ConfigureAwait(false);
            var diff = await git.ChangedPathsAsync(@base, head, cancellationToken).ConfigureAwait(false);
            return (head, @base, diff, await headTree.ConfigureAwait(false));
        }).ConfigureAwait(false);
        // IFileSource reads synchronously; the base tree is listed on first use, if any.
        using var baseFiles = new LazyFileSource(() => git.OpenTreeAsync(@base, cancellationToken).GetAwaiter().GetResult());
        using var disposeHead = headFiles;
        var (cached, problem) = await timings.MeasureAsync("snapshot load (after git)", () => load).ConfigureAwait(false);
        var result = ImpactAnalysis.Run(
            new AnalysisRequest(baseFiles, headFiles, @base, head, changed) { CachedBase = cached, CacheProblem = problem, Timings = timings, FullHeadRead = request.FullHeadRead },
            options,
            cancellationToken);
        if (snapshotPath is not null && !ReferenceEquals(cached, result.BaseGraph))
        {
            timings.Measure("snapshot save", () => SnapshotFiles.Save(result.BaseGraph, snapshotPath));
        }

        return result;
    }

    private static async Task<string?> ReadArtifactAsync(string? path, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return null;
        }

        return File.Exists(path)
            ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)
            : throw new UsageException($"{path} does not exist. Run `dbt compile` (or `dbt docs generate` for catalog.json) first, or leave the option out.");
    }
}
