using ImpactBot.Core.Changes;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;
using ImpactBot.Sql.Lineage;
using static ImpactBot.Core.Tests.SqlAssets;

namespace ImpactBot.Core.Tests.Impact;

/// <summary>
/// A column renamed in one model, followed downstream on real SQL: readers updated in the same change are a rename (or
/// nothing), <c>select *</c> models pass the rename on, readers of the old name break at their reading line, and YAML
/// entries that still name the old column are flagged at their line.
/// </summary>
public sealed class RenameFollowingTests
{
    private static readonly AssetDefinition Raw = Source("raw", "id", "first_name", "email");

    private const string StgBase = "select id as customer_id, first_name, email from raw";
    private const string StgHead = "select id as customer_id, first_name as given_name, email from raw";

    private static (IReadOnlyList<AssetChange> Changes, IReadOnlyList<AssetImpact> Impacts) Analyze(AssetDefinition[] before, AssetDefinition[] after)
    {
        var baseGraph = Build([Raw, .. before]);
        var headGraph = Build([Raw, .. after]);
        var changes = ChangeDetector.Detect(baseGraph, headGraph, [.. after.Select(a => a.Path!)]);
        return (changes, ImpactAnalyzer.Analyze(baseGraph, headGraph, changes));
    }

    private static string Columns(IEnumerable<AssetChange> changes, string asset) => string.Join(", ", changes
        .Where(c => c.Asset == asset)
        .SelectMany(c => c.Columns)
        .Select(c => $"{c.Name}:{c.Kind}" + (c.NewName is null ? "" : $"->{c.NewName}")));

    private static AssetImpact? Find(IEnumerable<AssetImpact> impacts, string asset) => impacts.SingleOrDefault(i => i.Asset == asset);

    [Test]
    public void ReaderUpdatedToTheNewName_IsARenameNotRemovedPlusAdded()
    {
        var (changes, impacts) = Analyze(
            [Model("stg", StgBase, "raw"), Model("customers", "select customer_id, first_name from stg", "stg")],
            [Model("stg", StgHead, "raw"), Model("customers", "select customer_id, given_name from stg", "stg")]);

        Assert.That(Columns(changes, "customers"), Is.EqualTo("first_name:Renamed->given_name"));
        Assert.That(Find(impacts, "customers"), Is.Null, "the reader was updated with the rename");
    }

    [Test]
    public void ReaderKeepingTheOldNameAsAlias_IsNoChange()
    {
        var (changes, impacts) = Analyze(
            [Model("stg", StgBase, "raw"), Model("customers", "select customer_id, first_name from stg", "stg")],
            [Model("stg", StgHead, "raw"), Model("customers", "select customer_id, given_name as first_name from stg", "stg")]);

        Assert.That(changes.Select(c => c.Asset), Is.EqualTo(new[] { "stg" }));
        Assert.That(impacts, Is.Empty);
    }

    [Test]
    public void ReaderThatComputesFromTheRenamedColumn_StillReportsItsExpressionChange()
    {
        // A transform's fingerprint holds the upstream name: whether only the name changed cannot be told, so it stays a values change.
        var (changes, _) = Analyze(
            [Model("stg", StgBase, "raw"), Model("customers", "select customer_id, upper(first_name) as shout from stg", "stg")],
            [Model("stg", StgHead, "raw"), Model("customers", "select customer_id, upper(given_name) as shout from stg", "stg")]);

        Assert.That(Columns(changes, "customers"), Is.EqualTo("shout:Expression"));
    }

    [Test]
    public void StarModelPassesTheRenameOn_ItsReadersOfTheOldNameBreakAtTheirLine_UpdatedReadersDoNot()
    {
        var oldReader = Model("old_reader", "select customer_id,\n    first_name\nfrom export", "export");
        var (changes, impacts) = Analyze(
            [Model("stg", StgBase, "raw"), Model("export", "select * from stg", "stg"), oldReader, Model("new_reader", "select first_name from export", "export")],
            [Model("stg", StgHead, "raw"), Model("export", "select * from stg", "stg"), oldReader, Model("new_reader", "select given_name from export", "export")]);

        var export = Find(impacts, "export")!;
        Assert.That(export.Severity, Is.EqualTo(Severity.Schema), "select * builds: it renames the column too");
        Assert.That(export.Reason, Is.EqualTo("passes stg.first_name on unchanged: its column first_name is now given_name"));
        var broken = Find(impacts, "old_reader")!;
        Assert.That(broken.Severity, Is.EqualTo(Severity.Breaking));
        Assert.That(broken.Reason, Does.StartWith("reads export.first_name, renamed to given_name"));
        Assert.That(broken.Cause, Is.EqualTo("stg.first_name"));
        Assert.That(broken.References.Select(r => r.Path), Is.EqualTo(new[] { "models/old_reader.sql" }));
        Assert.That(Find(impacts, "new_reader"), Is.Null);
        Assert.That(Columns(changes, "new_reader"), Is.EqualTo("first_name:Renamed->given_name"));
    }

    [Test]
    public void StarModelPassesARemovalOn_OnlyItsReadersOfTheColumnBreak()
    {
        var (_, impacts) = Analyze(
            [Model("stg", StgBase, "raw"), Model("export", "select * from stg", "stg"), Model("reader", "select email from export", "export"), Model("other", "select customer_id from export", "export")],
            [Model("stg", "select id as customer_id, first_name from raw", "raw"), Model("export", "select * from stg", "stg"), Model("reader", "select email from export", "export"), Model("other", "select customer_id from export", "export")]);

        Assert.That(Find(impacts, "export")!.Severity, Is.EqualTo(Severity.Schema));
        Assert.That(Find(impacts, "export")!.Reason, Does.EndWith("its column email is gone with it"));
        Assert.That(Find(impacts, "reader")!.Severity, Is.EqualTo(Severity.Breaking));
        Assert.That(Find(impacts, "other"), Is.Null);
    }

    [Test]
    public void ExplicitPassThroughOfTheOldName_Breaks()
    {
        var (_, impacts) = Analyze(
            [Model("stg", StgBase, "raw"), Model("customers", "select customer_id, first_name from stg", "stg")],
            [Model("stg", StgHead, "raw"), Model("customers", "select customer_id, first_name from stg", "stg")]);

        Assert.That(Find(impacts, "customers")!.Severity, Is.EqualTo(Severity.Breaking));
        Assert.That(Find(impacts, "customers")!.Reason, Does.StartWith("reads stg.first_name, renamed to given_name"));
    }

    [Test]
    public void YamlEntryWithDataTestsStillNamingTheOldColumn_IsBreakingAtItsLine()
    {
        var (_, impacts) = Analyze(
            [Documented(Model("stg", StgBase, "raw")), NotNull("stg", "first_name")],
            [Documented(Model("stg", StgHead, "raw")), NotNull("stg", "first_name")]);

        var stg = Find(impacts, "stg")!;
        Assert.That(stg.Severity, Is.EqualTo(Severity.Breaking));
        Assert.That(stg.Reason, Is.EqualTo("models/schema.yml:7 still declares first_name (renamed to given_name): its data tests will fail (not_null_stg_first_name); rename or remove the entry"));
        Assert.That(stg.References.Select(r => $"{r.Path}:{r.Line}"), Is.EqualTo(new[] { "models/schema.yml:7" }));
        Assert.That(Find(impacts, "not_null_stg_first_name")!.Severity, Is.EqualTo(Severity.Breaking));
    }

    [Test]
    public void DocsOnlyYamlEntryStillNamingTheOldColumn_IsInfoDocsAreStale()
    {
        var (_, impacts) = Analyze([Documented(Model("stg", StgBase, "raw"))], [Documented(Model("stg", StgHead, "raw"))]);

        var stg = Find(impacts, "stg")!;
        Assert.That(stg.Severity, Is.EqualTo(Severity.Info));
        Assert.That(stg.Reason, Is.EqualTo("models/schema.yml:7 still documents first_name (renamed to given_name): the docs are stale; rename or remove the entry"));
    }

    [Test]
    public void YamlEntryRenamedInTheSameChange_IsNotFlagged()
    {
        var head = Model("stg", StgHead, "raw") with { PatchPath = "models/schema.yml", DeclaredColumns = [new DeclaredColumn("given_name", null, 7)] };

        var (_, impacts) = Analyze([Documented(Model("stg", StgBase, "raw"))], [head]);

        Assert.That(impacts, Is.Empty);
    }

    [Test]
    public void StaleYamlEntryOfAStarModelDownstream_IsFlaggedWithThePassOn()
    {
        var (_, impacts) = Analyze(
            [Model("stg", StgBase, "raw"), Documented(Model("export", "select * from stg", "stg"))],
            [Model("stg", StgHead, "raw"), Documented(Model("export", "select * from stg", "stg"))]);

        var export = Find(impacts, "export")!;
        Assert.That(export.Severity, Is.EqualTo(Severity.Schema));
        Assert.That(export.Reason, Does.EndWith("; models/schema.yml:7 still documents first_name (renamed to given_name): the docs are stale; rename or remove the entry"));
    }

    private static AssetDefinition Documented(AssetDefinition model) => model with
    {
        PatchPath = "models/schema.yml",
        DeclaredColumns = [new DeclaredColumn("customer_id", null, 5), new DeclaredColumn("first_name", null, 7)],
    };

    private static AssetDefinition NotNull(string model, string column) => new($"not_null_{model}_{column}", AssetType.Test)
    {
        Path = "models/schema.yml",
        Line = 8,
        References = [new ColumnEdge(model, column, EdgeKind.Copy) { Line = 8 }],
        OwnersOf = model,
    };
}
