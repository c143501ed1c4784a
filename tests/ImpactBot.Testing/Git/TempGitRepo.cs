using System.Diagnostics;

namespace ImpactBot.Testing.Git;

/// <summary>
/// A real git repository in a temporary folder, for scenario tests: write files, commit, branch. Deleted on dispose.
/// Commits use a fixed author and date so runs are repeatable.
/// </summary>
public sealed class TempGitRepo : IDisposable
{
    private TempGitRepo(string path) => Path = path;

    public string Path { get; }

    public static TempGitRepo Create(string initialBranch = "main")
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "impactbot-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        var repo = new TempGitRepo(path);
        repo.Git("init", "-q", "-b", initialBranch);
        return repo;
    }

    /// <summary>Copies a folder (e.g. a fixture project) into the repository root.</summary>
    public TempGitRepo CopyFrom(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(folder, file);
            Write(relative.Replace('\\', '/'), File.ReadAllText(file));
        }

        return this;
    }

    public TempGitRepo Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    public TempGitRepo WriteBytes(string relativePath, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return this;
    }

    public TempGitRepo Delete(string relativePath)
    {
        File.Delete(System.IO.Path.Combine(Path, relativePath));
        return this;
    }

    /// <summary>Replaces text in a file; fails the test setup loudly if the text is not there.</summary>
    public TempGitRepo Replace(string relativePath, string oldText, string newText)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        var text = File.ReadAllText(full);
        if (!text.Contains(oldText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{oldText}' is not in {relativePath}");
        }

        File.WriteAllText(full, text.Replace(oldText, newText, StringComparison.Ordinal));
        return this;
    }

    /// <summary>Stages everything and commits; returns the new commit's sha.</summary>
    public string Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "--allow-empty", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    public TempGitRepo Checkout(string branch, bool create = false)
    {
        if (create)
        {
            Git("checkout", "-q", "-b", branch);
        }
        else
        {
            Git("checkout", "-q", branch);
        }

        return this;
    }

    public string Git(params string[] arguments)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["GIT_AUTHOR_NAME"] = info.Environment["GIT_COMMITTER_NAME"] = "Test";
        info.Environment["GIT_AUTHOR_EMAIL"] = info.Environment["GIT_COMMITTER_EMAIL"] = "test@example.com";
        info.Environment["GIT_AUTHOR_DATE"] = info.Environment["GIT_COMMITTER_DATE"] = "2026-01-01T00:00:00Z";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error}");
    }

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test.
        }
    }
}
