using System.Text;
using ImpactBot.Core.Files;
using ImpactBot.Dbt.Config;
using ImpactBot.Dbt.Yaml;
using ImpactBot.Sql.Text;

namespace ImpactBot.Dbt.Tests;

/// <summary>Hostile YAML is rejected within <see cref="YamlBudget"/>: a diagnostic at file:line, the file skipped, the rest read.</summary>
public sealed class YamlBudgetTests
{
    private const string Good = "version: 2\nmodels:\n  - name: b\n    description: still read\n";

    [Test]
    public void AliasBombInSchemaYml_IsSkippedAtTheAliasThatGoesOverBudget()
    {
        var bomb = "version: 2\nmodels:\n  - name: a\n    description: from the bomb\n" + Laughs(indent: "");
        var project = Read(("dbt_project.yml", "name: p\n"), ("models/bomb.yml", bomb), ("models/a.sql", "select 1 as x"));

        // l5 is line 10: its eighth alias takes the expanded nodes past 1,000,000 (123,440 before it, 111,111 each).
        var diagnostic = Budget(project);
        Assert.That((diagnostic.Path, diagnostic.Line, diagnostic.Severity), Is.EqualTo(("models/bomb.yml", 10, DiagnosticSeverity.Error)));
        Assert.That(diagnostic.Message, Does.Contain("1000000 nodes (MaxAliasNodes)").And.Contain("the file is skipped"));
        Assert.That(project.Models.Single(m => m.Name == "a").Description, Is.Null);
        Assert.That(project.Models.Single(m => m.Name == "b").Description, Is.EqualTo("still read"));
    }

    [Test]
    public void AliasBombInVars_ReadThroughVar_SkipsDbtProjectYmlAndReadsTheModels()
    {
        var project = Read(
            ("dbt_project.yml", "name: p\nvars:\n" + Laughs(indent: "  ")),
            ("models/a.sql", "select {{ var('l9') }} as x"));

        var diagnostic = Budget(project);
        Assert.That((diagnostic.Path, diagnostic.Line), Is.EqualTo(("dbt_project.yml", 8)));
        Assert.That(diagnostic.Message, Does.Contain("MaxAliasNodes"));
        Assert.That(project.Models.Select(m => m.Name), Is.EquivalentTo(new[] { "a", "b" }));
        Assert.That(project.Models.Single(m => m.Name == "b").RenderStatus, Is.EqualTo(RenderStatus.Complete));
    }

    [Test]
    public void FiftyThousandNestedBrackets_AreRejectedAtTheLevelOverBudget()
    {
        var deep = "version: 2\nmodels:\n  - name: a\n    meta: {x: " + new string('[', 50_000) + new string(']', 50_000) + "}\n";
        var project = Read(("dbt_project.yml", "name: p\n"), ("models/deep.yml", deep), ("models/a.sql", "select 1 as x"));

        // Root, models, the entry and meta are four levels; the 197th bracket (column 15 + 196) is the 201st.
        var diagnostic = Budget(project);
        Assert.That((diagnostic.Path, diagnostic.Line, diagnostic.Column), Is.EqualTo(("models/deep.yml", 4, 211)));
        Assert.That(diagnostic.Message, Does.Contain("deeper than 200 levels (MaxDepth)"));
        Assert.That(project.Models.Single(m => m.Name == "b").Description, Is.EqualTo("still read"));
    }

    [Test]
    public void FileOverTheSizeBudget_IsSkippedWithoutParsing()
    {
        var huge = "version: 2\nmodels:\n  - name: a\n    description: too big\n#" + new string('x', YamlBudget.Default.MaxFileChars);
        var project = Read(("dbt_project.yml", "name: p\n"), ("models/huge.yml", huge), ("models/a.sql", "select 1 as x"));

        var diagnostic = Budget(project);
        Assert.That((diagnostic.Path, diagnostic.Line), Is.EqualTo(("models/huge.yml", 1)));
        Assert.That(diagnostic.Message, Does.Contain("(MaxFileChars)").And.Contain("split it into several files"));
        Assert.That(project.Models.Single(m => m.Name == "a").Description, Is.Null);
        Assert.That(project.Models.Single(m => m.Name == "b").Description, Is.EqualTo("still read"));
    }

    [Test]
    public void LargeFileWithinBudget_IsReadWhole()
    {
        var text = new StringBuilder("version: 2\nmodels:\n");
        for (var i = 0; i < 5_000; i++)
        {
            text.Append($"  - name: m{i}\n    description: model {i}\n    columns:\n      - name: id\n        data_tests: [unique, not_null]\n");
        }

        var diagnostics = new List<FileDiagnostic>();
        var root = YamlLoader.LoadMapping(text.ToString(), "models/big.yml", diagnostics);

        Assert.That(diagnostics, Is.Empty);
        Assert.That(root!.Maps("models").Select(m => m.Str("description")).Last(), Is.EqualTo("model 4999"));
    }

    [Test]
    public void SmallerBudget_AppliesToAliasUses()
    {
        var diagnostics = new List<FileDiagnostic>();
        var root = YamlLoader.Load("a: &x 1\nb: *x\nc: *x\nd: *x\n", "f.yml", diagnostics, new YamlBudget { MaxAliases = 2 });

        Assert.That(root, Is.Null);
        Assert.That((diagnostics.Single().Code, diagnostics.Single().Line), Is.EqualTo(("yaml-budget", 4)));
        Assert.That(diagnostics.Single().Message, Does.Contain("more than 2 alias uses (MaxAliases)"));
    }

    [Test]
    public void AnchorsWithinBudget_StillExpand()
    {
        var diagnostics = new List<FileDiagnostic>();
        var root = YamlLoader.LoadMapping("base: &b {owner: ann}\nmodels:\n  - name: a\n    meta: *b\n", "f.yml", diagnostics);

        Assert.That(diagnostics, Is.Empty);
        Assert.That(root!.Maps("models").Single().Map("meta")!.Str("owner"), Is.EqualTo("ann"));
    }

    [Test]
    public void ImpactBotYmlOverBudget_IsAConfigError()
    {
        var result = ImpactBotConfigReader.Read("fail-on: breaking\nowners: " + new string('[', 1_000) + new string(']', 1_000) + "\n", ".impactbot.yml");

        Assert.That(result.HasErrors, Is.True);
        Assert.That((result.Diagnostics.Single().Code, result.Diagnostics.Single().Line), Is.EqualTo(("yaml-budget", 2)));
    }

    [Test]
    public void TabInIndentation_IsReportedAtItsLine()
    {
        var project = Read(("dbt_project.yml", "name: p\n"), ("models/tab.yml", "version: 2\nmodels:\n\t- name: a\n"), ("models/a.sql", "select 1 as x"));

        var diagnostic = project.Diagnostics.Single(d => d.Path == "models/tab.yml");
        Assert.That((diagnostic.Code, diagnostic.Line, diagnostic.Column), Is.EqualTo(("yaml-syntax", 3, 1)));
        Assert.That(diagnostic.Message, Does.Contain("tab"));
        Assert.That(project.Models.Single(m => m.Name == "b").Description, Is.EqualTo("still read"));
    }

    [Test]
    public void TabAfterGoodLines_IsReportedAtItsLine()
    {
        var diagnostics = new List<FileDiagnostic>();
        YamlLoader.Load("version: 2\nmodels:\n  - name: a\n\tdescription: x\n", "f.yml", diagnostics);

        Assert.That((diagnostics.Single().Code, diagnostics.Single().Line, diagnostics.Single().Column), Is.EqualTo(("yaml-syntax", 4, 1)));
    }

    /// <summary>Billion laughs: l0 holds ten strings, each further level ten aliases of the one before (lines 1-10 of the block).</summary>
    private static string Laughs(string indent)
    {
        var text = new StringBuilder($"{indent}l0: &l0 [{string.Join(", ", Enumerable.Repeat("lol", 10))}]\n");
        for (var level = 1; level < 10; level++)
        {
            text.Append($"{indent}l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10))}]\n");
        }

        return text.ToString();
    }

    private static DbtProject Read(params (string Path, string Text)[] files) =>
        DbtProjectReader.Read(FixtureFiles.Of([.. files, ("models/b.sql", "select 1 as y"), ("models/good.yml", Good)]));

    private static FileDiagnostic Budget(DbtProject project) => project.Diagnostics.Single(d => d.Code == "yaml-budget");
}
