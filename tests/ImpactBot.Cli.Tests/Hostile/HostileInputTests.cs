using System.Security.Cryptography;
using System.Text;
using ImpactBot.Cli.Tests.Scenarios;

namespace ImpactBot.Cli.Tests.Hostile;

/// <summary>
/// Hostile and broken input (issue 13): each case ends with its documented exit code, a diagnostic or error naming the
/// problem and where, and — unless the input itself is unusable — the rest of the report intact: the unrelated change
/// to stg_payments.amount still reaches revenue_daily as a value change.
/// </summary>
public sealed class HostileInputTests
{
    private static void ChangeAmount(ShopScenario scenario) =>
        scenario.Repo.Replace("models/staging/stg_payments.sql", "amount / 100.0 as amount", "amount / 100 as amount");

    private static void AssertReportIntact(ShopScenario.Run run) =>
        Assert.That(run.Severity("revenue_daily"), Is.EqualTo("values"), "the rest of the report goes on");

    private static string AllDiagnostics(ShopScenario.Run run) => string.Join("\n", run.Diagnostics);

    [Test]
    public async Task DuplicateModelName_InTwoFolders_NamesBothFilesAndFailsWithFour()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        scenario.Repo.Write("models/marts/finance/stg_orders.sql", "select 1 as order_id\n");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(ExitCodes.InputErrors), run.Error);
        Assert.That(AllDiagnostics(run), Does.Contain("models/staging/stg_orders.sql").And.Contain("models/marts/finance/stg_orders.sql").And.Contain("duplicate").IgnoreCase.Or.Contain("two models"));
        // Which of the two is kept follows the definitions' order, so the severity downstream may differ; the report goes on.
        Assert.That(run.Severity("revenue_daily"), Is.Not.EqualTo("none"));
    }

    [Test]
    public async Task DuplicateModelName_DifferingOnlyInCase_NamesBothFilesAndFailsWithFour()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        scenario.Repo.Write("models/staging/STG_ORDERS.sql", "select 1 as order_id\n");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(ExitCodes.InputErrors), run.Error);
        Assert.That(AllDiagnostics(run), Does.Contain("models/staging/stg_orders.sql").And.Contain("models/staging/STG_ORDERS.sql").And.Contain("case"));
        // Which of the two is kept follows the definitions' order, so the severity downstream may differ; the report goes on.
        Assert.That(run.Severity("revenue_daily"), Is.Not.EqualTo("none"));
    }

    [Test]
    public async Task ProjectDirOption_FolderWithoutProject_IsAnErrorNotZeroChanges()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);

        var run = await scenario.AnalyzeAsync("--project-dir", "nope");

        Assert.That(run.Code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(run.Error, Does.Contain("--project-dir").And.Contain("nope").And.Contain("dbt_project.yml"));
        Assert.That(run.Output, Is.Empty, "no report of '0 changes'");
    }

    [TestCase("../../..")]
    [TestCase("/etc")]
    [TestCase("models/../../outside")]
    [TestCase("C:\\\\Windows")]
    public async Task ProjectDirInConfig_OutsideTheRepository_IsAnErrorNamingTheLine(string dir)
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        scenario.Repo.Write(".impactbot.yml", $"fail-on: breaking\nproject-dir: \"{dir}\"\n");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(run.Error, Does.Contain(".impactbot.yml:2:").And.Contain("project-dir").And.Contain("inside the repository"));
    }

    [Test]
    public async Task ProjectDirInConfig_FolderWithoutProject_IsAnError()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        scenario.Repo.Write(".impactbot.yml", "project-dir: transform\n");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(run.Error, Does.Contain("'project-dir' in .impactbot.yml").And.Contain("transform/dbt_project.yml").And.Contain("found: dbt_project.yml"));
    }

    [TestCase("fail_on: breaking\n", "fail_on", "did you mean 'fail-on'")]
    [TestCase("Dialect: snowflake\n", "Dialect", "did you mean 'dialect'")]
    [TestCase("projectdir: models\n", "projectdir", "did you mean 'project-dir'")]
    [TestCase("colour: blue\n", "colour", "allowed keys: dialect")]
    public async Task Config_UnknownKey_IsAVisibleWarningWithASuggestion(string config, string key, string hint)
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        scenario.Repo.Write(".impactbot.yml", config);

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(run.Diagnostics, Has.Some.StartsWith(".impactbot.yml:1:").And.Contain($"'{key}'").And.Contain(hint));
        AssertReportIntact(run);
    }

    [Test]
    public async Task Config_Utf16WithByteOrderMark_IsDecoded()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        // A value that is an error proves the file was read, not skipped as binary.
        scenario.Repo.WriteBytes(".impactbot.yml", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("dialect: snowflake\nfail-on: sometimes\n")]);

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(run.Error, Does.Contain(".impactbot.yml:2:").And.Contain("fail-on"));
    }

    [Test]
    public async Task Config_Utf16WithByteOrderMark_ValidFileIsUsed()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        scenario.Repo.WriteBytes(".impactbot.yml", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("fail_on: breaking\n")]);

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(AllDiagnostics(run), Does.Contain("did you mean 'fail-on'"));
    }

    [Test]
    public async Task Config_BinaryContent_IsAnErrorNotIgnored()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        scenario.Repo.WriteBytes(".impactbot.yml", [0x66, 0x61, 0x00, 0x01, 0xFF, 0x00, 0x3A]);

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(run.Error, Does.Contain(".impactbot.yml").And.Contain("not text").And.Contain("UTF-8"));
    }

    [Test]
    public async Task Config_Latin1Text_IsAnErrorNamingTheLine()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        scenario.Repo.WriteBytes(".impactbot.yml", [.. "fail-on: breaking\nowners:\n  Ren"u8, 0xE9, .. "e: \"@renee\"\n"u8]);

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(run.Error, Does.Contain(".impactbot.yml:3:").And.Contain("not valid UTF-8"));
    }

    [Test]
    public async Task ChangedBinaryFileNamedSql_FailsWithFourNamingTheFile()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        scenario.Repo.WriteBytes("models/marts/blob.sql", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x00, 0x10]);

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(ExitCodes.InputErrors), run.Error);
        Assert.That(run.Diagnostics, Has.Some.StartsWith("models/marts/blob.sql:0:").And.Contain("not text"));
        AssertReportIntact(run);
    }

    [Test]
    public async Task ChangedModelInUtf16_IsReadLikeUtf8()
    {
        using var scenario = ShopScenario.Create();
        var sql = File.ReadAllText(Path.Combine(scenario.Dir, "models/staging/stg_payments.sql")).Replace("amount / 100.0 as amount", "amount / 100 as amount", StringComparison.Ordinal);
        scenario.Repo.WriteBytes("models/staging/stg_payments.sql", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(sql)]);

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(ExitCodes.Ok), run.Error);
        AssertReportIntact(run);
    }

    [Test]
    public async Task ChangedFileWithSyntaxError_IsReportedAlthoughNoColumnChanges()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        scenario.Repo.Replace("models/staging/stg_customers.sql", "    from source\n", "    from source\n    where (((\n");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(run.Diagnostics, Has.Some.StartsWith("models/staging/stg_customers.sql:"));
        AssertReportIntact(run);
    }

    [Test]
    public async Task ModelThatRefsItself_IsDiagnosedWithFileAndLine()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        scenario.Repo.Write("models/marts/self_ref.sql", "select order_id\nfrom {{ ref('self_ref') }}\n");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(run.Diagnostics, Has.Some.StartsWith("models/marts/self_ref.sql:").And.Contain("self_ref").And.Contain("itself"));
        AssertReportIntact(run);
    }

    [Test]
    public async Task RefCycleOfThree_EveryMemberIsDiagnosed()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        scenario.Repo.Write("models/marts/loop_a.sql", "select x\nfrom {{ ref('loop_c') }}\n");
        scenario.Repo.Write("models/marts/loop_b.sql", "select x\nfrom {{ ref('loop_a') }}\n");
        scenario.Repo.Write("models/marts/loop_c.sql", "select x\nfrom {{ ref('loop_b') }}\n");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(ExitCodes.Ok), run.Error);
        foreach (var model in new[] { "loop_a", "loop_b", "loop_c" })
        {
            // At the ref that closes the cycle (line 2), not at line 0.
            Assert.That(run.Diagnostics, Has.Some.StartsWith($"models/marts/{model}.sql:2: ").And.Contain("cycle").And.Contain("leads back to it"));
        }

        AssertReportIntact(run);
    }

    [Test]
    public async Task RawBlockWithoutEndraw_IsDiagnosedWithFileAndLine()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        scenario.Repo.Write("models/marts/raw_open.sql", "select order_id\n{% raw %}\nfrom {{ ref('stg_orders') }}\n");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(run.Diagnostics, Has.Some.StartsWith("models/marts/raw_open.sql:2:").And.Contain("raw"));
        AssertReportIntact(run);
    }

    [Test]
    public async Task RandomBytesSchemaYml_WithoutNul_IsADiagnosticWithFileAndLine()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        var noise = new byte[4096];
        new Random(13).NextBytes(noise);
        scenario.Repo.WriteBytes("models/staging/_noise.yml", [.. noise.Select(b => b == 0 ? (byte)1 : b)]);

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(run.Diagnostics.Where(d => d.StartsWith("models/staging/_noise.yml:", StringComparison.Ordinal)), Is.Not.Empty);
        Assert.That(run.Diagnostics, Has.None.StartsWith("models/staging/_noise.yml:0:"), "every one has a line");
        AssertReportIntact(run);
    }

    [Test]
    public async Task RandomBytesSchemaYml_WithNul_FailsWithFourAsUnreadable()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        var noise = new byte[4096];
        new Random(14).NextBytes(noise);
        noise[10] = 0;
        scenario.Repo.WriteBytes("models/staging/_noise.yml", noise);

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(ExitCodes.InputErrors), run.Error);
        Assert.That(run.Diagnostics, Has.Some.StartsWith("models/staging/_noise.yml:").And.Contain("not text"));
        AssertReportIntact(run);
    }

    [Test]
    public async Task ManifestWithWrongFieldTypes_IsDiagnosedAndProjectFilesUsed()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        var manifest = Path.Combine(scenario.Dir, ".git", "manifest.json");
        await File.WriteAllTextAsync(manifest, """
            {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json"},
             "nodes": {"model.shop.orders": {"name": 5, "resource_type": ["model"], "depends_on": "stg_orders", "columns": 7}},
             "sources": []}
            """);

        var run = await scenario.AnalyzeAsync("--manifest", manifest);

        Assert.That(run.Code, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(AllDiagnostics(run), Does.Contain("manifest"));
        AssertReportIntact(run);
    }

    [Test]
    public async Task CraftedSnapshotWithValidChecksumAndHugeCount_WarnsRebuildsAndReports()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        var snapshot = Path.Combine(scenario.Dir, ".git", "crafted.snapshot");
        await File.WriteAllBytesAsync(snapshot, CraftedSnapshot());

        var run = await scenario.AnalyzeAsync("--snapshot", snapshot);

        Assert.That(run.Code, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(string.Join("\n", run.Warnings), Does.Contain("truncated or corrupt"));
        AssertReportIntact(run);
        Assert.That(new FileInfo(snapshot).Length, Is.GreaterThan(1000), "rebuilt and written back");
    }

    [Test]
    public async Task ImpactCommand_CraftedSnapshot_IsBadInputSayingHowToRebuild()
    {
        using var scenario = ShopScenario.Create();
        var snapshot = Path.Combine(scenario.Dir, ".git", "crafted.snapshot");
        await File.WriteAllBytesAsync(snapshot, CraftedSnapshot());

        var run = await ShopScenario.RunAsync("impact", "--snapshot", snapshot, "orders.order_id");

        Assert.That(run.Code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(run.Error, Does.Contain("crafted.snapshot").And.Contain("snapshot build"));
    }

    /// <summary>A 40-odd-byte file claiming two billion strings, sealed with a valid checksum.</summary>
    private static byte[] CraftedSnapshot()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Core.Snapshot.SnapshotFormat.Magic);
            w.Write7BitEncodedInt(Core.Snapshot.SnapshotFormat.Version);
            w.Write(Core.Snapshot.SnapshotFormat.EngineVersion);
            w.Write7BitEncodedInt(int.MaxValue);
        }

        var body = stream.ToArray();
        return [.. body, .. SHA256.HashData(body)];
    }
}
