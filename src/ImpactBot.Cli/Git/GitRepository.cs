using System.Diagnostics;
using System.Text;

namespace ImpactBot.Cli.Git;

/// <summary>The few git plumbing commands ImpactBot needs, run as processes in the repository folder.</summary>
public sealed class GitRepository(string directory)
{
    public string Directory { get; } = directory;

    public async Task<string> ResolveCommitAsync(string reference, CancellationToken cancellationToken)
    {
        var output = await RunAsync(["rev-parse", "--verify", "--quiet", reference + "^{commit}"], cancellationToken, allowFailure: true).ConfigureAwait(false);
        var sha = output.Trim();
        if (sha.Length == 0)
        {
            throw new GitException($"git: '{reference}' is not a commit in {Directory}. Fetch it first (e.g. `git fetch origin {reference}`; in CI use fetch-depth: 0).");
        }

        return sha;
    }

    /// <summary>The merge base of two commits: what GitHub compares a pull request against (base...head).</summary>
    public async Task<string> MergeBaseAsync(string a, string b, CancellationToken cancellationToken)
    {
        var output = (await RunAsync(["merge-base", a, b], cancellationToken, allowFailure: true).ConfigureAwait(false)).Trim();
        return output.Length > 0 ? output : throw new GitException($"git: {a} and {b} have no merge base; is the clone shallow? Use fetch-depth: 0.");
    }

    public async Task<IReadOnlyList<string>> ChangedPathsAsync(string baseCommit, string headCommit, CancellationToken cancellationToken)
    {
        var output = await RunAsync(["diff", "--name-only", "--no-renames", "-z", baseCommit, headCommit], cancellationToken).ConfigureAwait(false);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    public async Task<GitTreeFileSource> OpenTreeAsync(string commit, CancellationToken cancellationToken)
    {
        var output = await RunAsync(["ls-tree", "-r", "-z", "--full-tree", commit], cancellationToken).ConfigureAwait(false);
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> blob <sha>\t<path>"
            var tab = entry.IndexOf('\t', StringComparison.Ordinal);
            var meta = entry[..tab].Split(' ');
            if (meta.Length == 3 && meta[1] == "blob")
            {
                blobs[entry[(tab + 1)..]] = meta[2];
            }
        }

        return new GitTreeFileSource(this, blobs);
    }

    internal Process StartBatch()
    {
        var info = NewStartInfo(["cat-file", "--batch"]);
        info.RedirectStandardInput = true;
        return Process.Start(info) ?? throw new GitException("git: could not start `git cat-file --batch`.");
    }

    public async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool allowFailure = false)
    {
        using var process = Process.Start(NewStartInfo(arguments))
            ?? throw new GitException("git: could not start git. Install git and make sure it is on PATH.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var output = await stdout.ConfigureAwait(false);
        var error = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new GitException($"git {string.Join(' ', arguments)} failed in {Directory}: {error.Trim()}");
        }

        return output;
    }

    private ProcessStartInfo NewStartInfo(IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("core.quotepath=off");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }
}
