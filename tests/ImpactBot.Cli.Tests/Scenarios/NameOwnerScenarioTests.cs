using System.Text.Json;
using ImpactBot.Testing.Git;

namespace ImpactBot.Cli.Tests.Scenarios;

/// <summary>
/// A macro called over sources that declare their columns and over sources that do not: the second caller's ambiguous
/// name takes the owner the first binds it to, counted as inferred in the build's JSON and explained in the export.
/// </summary>
public sealed class NameOwnerScenarioTests
{
    private static TempGitRepo Project()
    {
        var repo = TempGitRepo.Create()
            .Write("dbt_project.yml", "name: dex\nversion: '1.0.0'\n")
            .Write("models/sources.yml", "version: 2\nsources:\n  - name: ape\n    tables:\n      - name: swaps\n        columns: [{name: pair}, {name: amount_in}]\n      - name: pairs\n        columns: [{name: pair}, {name: token}]\n  - name: abo\n    tables: [{name: swaps}, {name: pairs}]\n")
            .Write("macros/trades.sql", "{% macro trades(swaps, pairs) %}\nselect t.pair, f.token, amount_in\nfrom {{ swaps }} t join {{ pairs }} f on f.pair = t.pair\n{% endmacro %}\n")
            .Write("models/ape_trades.sql", "{{ trades(source('ape', 'swaps'), source('ape', 'pairs')) }}\n")
            .Write("models/abo_trades.sql", "{{ trades(source('abo', 'swaps'), source('abo', 'pairs')) }}\n");
        repo.Commit("project");
        return repo;
    }

    [Test]
    public async Task SnapshotBuildAndExport_NameSettledByTheSameMacroElsewhere_CountsAsInferredAndSaysWhy()
    {
        using var repo = Project();
        var snapshot = Path.Combine(repo.Path, ".git", "s.snap");

        var build = await ShopScenario.RunAsync("snapshot", "build", "--repo", repo.Path, "--out", snapshot, "--format", "json");
        var export = await ShopScenario.RunAsync("snapshot", "export", "--snapshot", snapshot);

        Assert.That(build.Code, Is.EqualTo(0), build.Error);
        Assert.That(
            (build.Json.GetProperty("complete").GetInt32(), build.Json.GetProperty("inferred").GetInt32(), build.Json.GetProperty("partial").GetInt32()),
            Is.EqualTo((1, 1, 0)));
        var abo = JsonDocument.Parse(export.Output).RootElement.GetProperty("assets").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "abo_trades");
        Assert.That(abo.GetProperty("status").GetString(), Is.EqualTo("inferred"));
        Assert.That(
            abo.GetProperty("why").EnumerateArray().Select(w => w.GetString()),
            Has.Some.Contains("column amount_in is read from t").And.Some.Contains("in ape_trades binds it to t on known columns"));
        Assert.That(abo.GetProperty("diagnostics")[0].GetProperty("code").GetString(), Is.EqualTo("inferred-column-owner"));
    }
}
