using ImpactBot.Testing.Git;

namespace ImpactBot.Cli.Tests;

/// <summary>The bundled example as a merge request: examples/shop committed on main, examples/change on branch "change".</summary>
internal static class ExampleRepos
{
    public static (TempGitRepo Repo, string BaseSha, string HeadSha) ShopWithChange()
    {
        var examples = FindExamples();
        var repo = TempGitRepo.Create().CopyFrom(Path.Combine(examples, "shop"));
        var baseSha = repo.Commit("base");
        repo.Checkout("change", create: true).CopyFrom(Path.Combine(examples, "change"));
        var headSha = repo.Commit("Round payment amounts; stop exporting last_name");
        return (repo, baseSha, headSha);
    }

    private static string FindExamples()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "examples");
            if (Directory.Exists(Path.Combine(candidate, "shop")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("examples/shop not found above the test directory.");
    }
}
