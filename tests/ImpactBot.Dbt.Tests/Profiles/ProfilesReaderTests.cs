using System.Globalization;
using ImpactBot.Dbt.Profiles;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt.Tests.Profiles;

public sealed class ProfilesReaderTests
{
    private static readonly string Profiles = FixtureFiles.Read("dbt/profiles/profiles.yml");

    private static DbtTarget? Read(string? profile, string? target, params (string Name, string Value)[] environment)
    {
        var diagnostics = new List<FileDiagnostic>();
        return ProfilesReader.Read(Profiles, "profiles.yml", profile, target, n => environment.FirstOrDefault(e => e.Name == n).Value, diagnostics);
    }

    [Test]
    public void Read_TargetMergingAnAnchor_TakesTheMergedTypeAndItsOwnDataset()
    {
        var target = Read("shop", null);

        Assert.That(target, Is.EqualTo(new DbtTarget("prod", "bigquery") { Schema = "marts", Database = "acme-analytics", Profile = "shop", Path = "profiles.yml" }));
    }

    [Test]
    public void Read_MergedKeyOverriddenByTheTarget_KeepsTheTargetsValue()
    {
        Assert.That(Read("shop", "dev")!.Database, Is.EqualTo("acme-dev"));
    }

    [Test]
    public void Read_DefaultTargetFromEnvVar_UsesTheEnvironmentOverTheDefault()
    {
        Assert.That(Read("shop", null, ("SHOP_TARGET", "local")), Is.EqualTo(new DbtTarget("local", "duckdb") { Schema = "main", Profile = "shop", Path = "profiles.yml" }));
    }

    [Test]
    public void Read_AliasBomb_IsAYamlBudgetDiagnostic_NotAHang()
    {
        // Each anchor lists the previous one ten times: 10^12 nodes once expanded.
        var bomb = new System.Text.StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            bomb.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var diagnostics = new List<FileDiagnostic>();

        var target = ProfilesReader.Read(bomb.ToString(), "profiles.yml", "shop", null, _ => null, diagnostics);

        Assert.That((target, diagnostics.Single().Code), Is.EqualTo(((DbtTarget?)null, "yaml-budget")));
    }

    [Test]
    public void Read_UnknownTarget_IsADiagnosticNamingTheTargetsThereAre()
    {
        var diagnostics = new List<FileDiagnostic>();

        var target = ProfilesReader.Read(Profiles, "profiles.yml", "shop", "qa", _ => null, diagnostics);

        Assert.That(target, Is.Null);
        Assert.That(diagnostics.Single().Message, Does.Contain("no target 'qa'").And.Contain("base, prod, dev, local"));
    }

    [Test]
    public void Read_NoProfileNamedAndSeveralInTheFile_AsksForTheProfileKey()
    {
        var diagnostics = new List<FileDiagnostic>();

        Assert.That(ProfilesReader.Read(Profiles, "profiles.yml", null, null, _ => null, diagnostics), Is.Null);
        Assert.That(diagnostics.Single().Code, Is.EqualTo("profile-missing"));
    }

    [Test]
    public void Read_BrokenYaml_IsADiagnosticWithItsLine()
    {
        var diagnostics = new List<FileDiagnostic>();

        Assert.That(ProfilesReader.Read("shop:\n  outputs: [\n", "p.yml", "shop", null, _ => null, diagnostics), Is.Null);
        Assert.That((diagnostics.Single().Code, diagnostics.Single().Path), Is.EqualTo(("yaml-syntax", "p.yml")));
    }
}
