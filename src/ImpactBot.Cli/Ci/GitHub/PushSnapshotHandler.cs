using ImpactBot.Cli.Analysis;
using ImpactBot.Cli.Git;
using ImpactBot.Dbt.Analysis;

namespace ImpactBot.Cli.Ci.GitHub;

/// <summary>
/// <c>push</c> to the default branch with a <c>snapshot</c> input: build (or incrementally refresh) the lineage snapshot of the
/// pushed commit, so pull request runs restore a warm cache. Nothing is posted.
/// </summary>
internal static class PushSnapshotHandler
{
    public static async Task<int> HandleAsync(GitHubActionsSettings settings, WorkflowCommands log, string? sha, CancellationToken cancellationToken)
    {
        if (settings.Snapshot is not { } path)
        {
            await log.NoticeAsync("push: no `snapshot` input, nothing to refresh.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var git = new GitRepository(settings.Workspace);
        var commit = await git.ResolveCommitAsync(sha ?? "HEAD", cancellationToken).ConfigureAwait(false);
        var options = InstalledPackageFiles.Attach(await settings.ReadInputs.ProjectOptionsAsync(settings.Workspace, cancellationToken).ConfigureAwait(false), settings.Workspace);
        using var files = await git.OpenTreeAsync(commit, cancellationToken).ConfigureAwait(false);
        var (previous, _) = SnapshotFiles.TryLoad(path);
        var config = ProjectGraph.ReadConfig(files);
        ProjectGraph.CheckProjectDir(files, config, options);
        var (result, _) = ProjectGraph.Build(files, commit, config, options, previous, cancellationToken: cancellationToken);
        SnapshotFiles.Save(result.Graph, path);
        if (settings.OutputFile is { } output)
        {
            await File.AppendAllTextAsync(output, $"snapshot={path}\n", cancellationToken).ConfigureAwait(false);
        }

        await log.InfoAsync($"ImpactBot: snapshot of {commit[..Math.Min(12, commit.Length)]} written to {path} ({result.Analysed} models analysed, {result.Reused} reused).").ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
