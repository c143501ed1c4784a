using ImpactBot.Cli.Tests.Scenarios;
using ImpactBot.Testing.Golden;

namespace ImpactBot.Cli.Tests.Golden;

/// <summary>The <c>--help</c> text of the CLI and each command is a contract with users and docs: pinned by golden files.</summary>
public sealed class HelpGoldenTests
{
    private static readonly string[][] Commands =
    [
        [],
        ["lineage"],
        ["analyze"],
        ["snapshot"],
        ["snapshot", "build"],
        ["impact"],
        ["run"],
        ["serve"],
    ];

    [TestCaseSource(nameof(Commands))]
    public async Task Help_MatchesGoldenFile(string[] command)
    {
        var run = await ShopScenario.RunAsync([.. command, "--help"]);

        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        // In-process the usage line names the test host; the installed tool is called impactbot.
        GoldenFile.Verify(run.Output.Replace("testhost", "impactbot", StringComparison.Ordinal), $"help/{(command.Length == 0 ? "impactbot" : string.Join('-', command))}.txt");
    }
}
