using ImpactBot.Cli.Tests.Scenarios;
using ImpactBot.Testing.Golden;

namespace ImpactBot.Cli.Tests.Golden;

/// <summary>
/// Pins what people read: every report format of the bundled example and of a small generated project, byte for byte.
/// An intended change is made with <c>IMPACTBOT_UPDATE_GOLDEN=1</c> and reviewed in the git diff of <c>Golden/</c>.
/// </summary>
public sealed class RendererGoldenTests
{
    private static readonly string[] Formats = ["text", "markdown", "gitlab-markdown", "json"];

    [TestCaseSource(nameof(Formats))]
    public async Task Analyze_BundledExample_MatchesGoldenFile(string format)
    {
        var (repo, _, _) = ExampleRepos.ShopWithChange();
        using var _repo = repo;

        var run = await ShopScenario.RunAsync("analyze", "--repo", repo.Path, "--base", "main", "--format", format);

        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        GoldenFile.Verify(run.Output, $"analyze/shop.{Extension(format)}");
    }

    [TestCaseSource(nameof(Formats))]
    public async Task Analyze_GeneratedProjectWithRenameCalculationAndFilter_MatchesGoldenFile(string format)
    {
        using var repo = SmallProject.Create();

        var run = await ShopScenario.RunAsync("analyze", "--repo", repo.Path, "--base", "main", "--format", format);

        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        GoldenFile.Verify(run.Output, $"analyze/small-project.{Extension(format)}");
    }

    private static string Extension(string format) => format switch
    {
        "markdown" => "github.md",
        "gitlab-markdown" => "gitlab.md",
        "json" => "json",
        _ => "txt",
    };
}
