using ImpactBot.Testing.Git;

namespace ImpactBot.Cli.Tests.Scenarios;

/// <summary>Packages installed by <c>dbt deps</c> live in the working tree, not in git: the CLI finds and reads them there.</summary>
public sealed class InstalledPackagesScenarioTests
{
    private static TempGitRepo Project()
    {
        var repo = TempGitRepo.Create()
            .Write("dbt_project.yml", "name: shop\nversion: '1.0.0'\n")
            .Write(".gitignore", "dbt_packages/\n")
            .Write("models/orders.sql", "select {{ money.cents('amount') }} as amount_dollars from {{ source('raw', 'orders') }}\n")
            .Write("models/sources.yml", "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: orders\n        columns:\n          - name: amount\n");
        repo.Commit("project");
        return repo;
    }

    private static void WritePackage(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "money", "macros"));
        File.WriteAllText(Path.Combine(folder, "money", "dbt_project.yml"), "name: money\n");
        File.WriteAllText(Path.Combine(folder, "money", "macros", "cents.sql"), "{% macro cents(column) %}{{ column }} / 100.0{% endmacro %}");
    }

    private static async Task<System.Text.Json.JsonElement> SnapshotSummary(TempGitRepo repo, params string[] extra)
    {
        var run = await ShopScenario.RunAsync(["snapshot", "build", "--repo", repo.Path, "--out", Path.Combine(repo.Path, ".git", "s.snap"), "--format", "json", .. extra]);
        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        return run.Json;
    }

    [Test]
    public async Task SnapshotBuild_WithoutPackages_LeavesThePackageMacroPartial()
    {
        using var repo = Project();

        Assert.That((await SnapshotSummary(repo)).GetProperty("partial").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task SnapshotBuild_ReadsDbtPackagesFromTheWorkingTree()
    {
        using var repo = Project();
        WritePackage(Path.Combine(repo.Path, "dbt_packages"));

        var summary = await SnapshotSummary(repo);

        Assert.That(repo.Git("status", "--porcelain"), Is.Empty, "the packages are not in git");
        Assert.That((summary.GetProperty("complete").GetInt32(), summary.GetProperty("partial").GetInt32()), Is.EqualTo((1, 0)));
    }

    [Test]
    public async Task SnapshotBuild_PackagesDir_ReadsThatFolder()
    {
        using var repo = Project();
        var elsewhere = Path.Combine(repo.Path, ".git", "deps");
        WritePackage(elsewhere);

        var summary = await SnapshotSummary(repo, "--packages-dir", elsewhere);

        Assert.That(summary.GetProperty("complete").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task SnapshotBuild_MissingPackagesDir_IsAUsageError()
    {
        using var repo = Project();

        var run = await ShopScenario.RunAsync("snapshot", "build", "--repo", repo.Path, "--out", Path.Combine(repo.Path, ".git", "s.snap"), "--packages-dir", Path.Combine(repo.Path, "nope"));

        Assert.That(run.Code, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--packages-dir").And.Contain("dbt deps"));
    }
}
