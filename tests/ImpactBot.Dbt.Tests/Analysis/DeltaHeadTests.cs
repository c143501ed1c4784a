using System.Text.RegularExpressions;
using ImpactBot.Dbt.Analysis;
using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Report;
using ImpactBot.Core.Snapshot;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Dbt.Tests.Analysis;

/// <summary>
/// The head graph built from the base graph and the changed files (delta) must equal a full read of the head, byte for
/// byte once written as a snapshot, and give the same report: every model of the fixture projects gets every edit.
/// </summary>
public sealed class DeltaHeadTests
{
    private static readonly Dictionary<string, string> PythonProject = new(StringComparer.Ordinal)
    {
        ["dbt_project.yml"] = "name: shop\n",
        ["models/sources.yml"] = "sources:\n  - name: shop\n    tables:\n      - name: raw_orders\n        columns:\n          - name: id\n          - name: amount\n",
        ["models/orders.sql"] = "select id, amount from {{ source('shop', 'raw_orders') }}",
        ["models/scores.py"] = "def model(dbt, session):\n    return dbt.ref('orders').to_pandas()\n",
        ["models/scores.yml"] = "models:\n  - name: scores\n    config:\n      meta:\n        owner: ann@acme.com\n    columns:\n      - name: id\n        data_tests: [unique]\n      - name: score\n",
        ["models/report.sql"] = "select id, score from {{ ref('scores') }}",
    };

    /// <summary>YAML anchors, a disabled model others ref, a snapshot defined in YAML on a model, a group in its own file.</summary>
    private static readonly Dictionary<string, string> EdgeProject = new(StringComparer.Ordinal)
    {
        ["dbt_project.yml"] = "name: edge\n",
        ["models/_groups.yml"] = "groups:\n  - name: ops\n    owner:\n      email: ops@acme.com\n",
        ["models/_models.yml"] = """
            models:
              - &defaults
                name: base_orders
                config:
                  meta:
                    owner: ann@acme.com
                columns:
                  - name: id
                    data_tests: [unique]
              - <<: *defaults
                name: orders
                group: ops
              - name: legacy
                config:
                  enabled: false
            """,
        ["models/sources.yml"] = "sources:\n  - name: raw\n    tables:\n      - name: orders\n        columns:\n          - name: id\n          - name: amount\n",
        ["models/base_orders.sql"] = "select id, amount from {{ source('raw', 'orders') }}\n",
        ["models/orders.sql"] = "select id, amount * 2 as amount from {{ ref('base_orders') }}\n",
        ["models/legacy.sql"] = "select 1 as id\n",
        ["models/uses_legacy.sql"] = "select o.id from {{ ref('orders') }} o join {{ ref('legacy') }} l on l.id = o.id\n",
        ["snapshots/_snapshots.yml"] = "snapshots:\n  - name: orders_history\n    relation: ref('orders')\n    config:\n      unique_key: id\n      strategy: check\n      check_cols: all\n",
    };

    /// <summary>
    /// One macro over two pairs of sources: ape's declare their columns, abo's none, so abo's ambiguous <c>amount_in</c>
    /// takes the owner ape's query of the same shape binds it to (README "Inferred columns").
    /// </summary>
    private static readonly Dictionary<string, string> ShapesProject = new(StringComparer.Ordinal)
    {
        ["dbt_project.yml"] = "name: dex\n",
        ["models/sources.yml"] = """
            sources:
              - name: ape
                tables:
                  - name: swaps
                    columns: [{name: pair}, {name: amount_in}]
                  - name: pairs
                    columns: [{name: pair}, {name: token}]
              - name: abo
                tables: [{name: swaps}, {name: pairs}]
            """,
        ["macros/trades.sql"] = "{% macro trades(swaps, pairs) %}\nselect t.pair, f.token, amount_in\nfrom {{ swaps }} t join {{ pairs }} f on f.pair = t.pair\n{% endmacro %}\n",
        ["models/ape_trades.sql"] = "{{ trades(source('ape', 'swaps'), source('ape', 'pairs')) }}\n",
        ["models/abo_trades.sql"] = "{{ trades(source('abo', 'swaps'), source('abo', 'pairs')) }}\n",
        ["models/abo_daily.sql"] = "select token, sum(amount_in) as amount_in from {{ ref('abo_trades') }} group by token\n",
    };

    /// <summary>Edits of one model file: name, new text from old text and another model's name.</summary>
    private static readonly (string Name, Func<string, string, string> Edit)[] Edits =
    [
        ("comment only", (text, _) => text + "\n-- reviewed\n"),
        ("materialized", (text, _) => "{{ config(materialized='table') }}\n" + text),
        ("owner in config", (text, _) => "{{ config(meta={'owner': 'zed@acme.com'}) }}\n" + text),
        ("group in config", (text, _) => "{{ config(group='finance') }}\n" + text),
        ("constant", (_, _) => "select 1 as id\n"),
        ("star of another model", (_, other) => $"select * from {{{{ ref('{other}') }}}}\n"),
        ("broken sql", (_, _) => "select from where (\n"),
        ("unknown macro", (text, _) => Regex.Replace(text, "select", "select {{ mystery_macro() }} as mystery,", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1))),
        ("missing ref", (_, _) => "select id from {{ ref('ghost') }}\n"),
        ("binary", (_, _) => "PK\0\0"),
        ("disabled", (text, _) => "{{ config(enabled=false) }}\n" + text),
        ("reads one more column", (text, _) => Regex.Replace(text, "select", "select extra_col,", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1))),
    ];

    private static IEnumerable<TestCaseData> ModelEdits()
    {
        foreach (var (project, files) in Projects())
        {
            var models = files.Keys.Where(p => p.Contains("/models/", StringComparison.Ordinal) || p.StartsWith("models/", StringComparison.Ordinal))
                .Where(p => p.EndsWith(".sql", StringComparison.Ordinal) || p.EndsWith(".py", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList();
            foreach (var path in models)
            {
                var other = Path.GetFileNameWithoutExtension(models.First(m => m != path));
                foreach (var (name, edit) in Edits.Where(e => !path.EndsWith(".py", StringComparison.Ordinal) || e.Name is "comment only" or "binary"))
                {
                    yield return new TestCaseData(project, path, name, edit(files[path], other)).SetName($"Delta_{project}_{path}_{name}");
                }
            }
        }
    }

    private static IEnumerable<(string Name, Dictionary<string, string> Files)> Projects()
    {
        yield return ("shop", Load("dbt/shop"));
        yield return ("mini", Load("dbt/mini/project"));
        yield return ("python", PythonProject);
        yield return ("edge", EdgeProject);

        // A star over a source without declared columns: the columns its readers read are inferred in both reads.
        yield return ("export", Load("dbt/export"));
        yield return ("shapes", ShapesProject);
    }

    private static Dictionary<string, string> Load(string fixture) =>
        FixtureFiles.Load(fixture) is var source ? source.Paths.ToDictionary(p => p, p => source.ReadText(p)!, StringComparer.Ordinal) : [];

    [TestCaseSource(nameof(ModelEdits))]
    public void DeltaHead_ModelEdit_EqualsFullRead(string project, string path, string edit, string newText)
    {
        var files = Projects().Single(p => p.Name == project).Files;

        var (delta, full) = RunBoth(files, (path, newText));

        // A disabled model's file is no asset: editing it may enable it, which changes the project's shape.
        var baseNode = delta.BaseGraph.Assets.FirstOrDefault(a => a.Path == path);
        var expectDelta = edit != "disabled" && baseNode is { Traits.LatestVersion: null };
        Assert.That(delta.DeltaHead, Is.EqualTo(expectDelta), "delta mode used");
        Assert.That(full.DeltaHead, Is.False);
        AssertSame(delta, full);
    }

    /// <summary>
    /// A generated project three levels deep (stars, joins, aggregates, YAML with tests and owners, an exposure), and
    /// seeded random sets of edits on one to four models at once: changes cascade through several levels of re-binding.
    /// </summary>
    [TestCaseSource(nameof(Seeds))]
    public void DeltaHead_RandomEditsOfAGeneratedProject_EqualFullRead(int seed)
    {
        var files = GeneratedProject();
        var random = new Random(seed);
        var models = files.Keys.Where(p => p.EndsWith(".sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var kept = Edits.Where(e => e.Name != "disabled").ToArray();
        var edits = new List<(string Path, string Text)>();
        foreach (var path in models.OrderBy(_ => random.Next()).Take(random.Next(1, 5)))
        {
            var (_, edit) = kept[random.Next(kept.Length)];
            var other = Path.GetFileNameWithoutExtension(models[random.Next(models.Count)]);
            edits.Add((path, edit(files[path], other)));
        }

        if (random.Next(3) == 0)
        {
            // Owners and docs move in the YAML too; its tests stay as they are.
            edits.Add(("models/_models.yml", files["models/_models.yml"].Replace("team1@acme.com", "team9@acme.com", StringComparison.Ordinal)
                .Replace("  - name: mart_0\n", "  - name: mart_0\n    description: the board's main table\n", StringComparison.Ordinal)));
        }

        var (delta, full) = RunBoth(files, [.. edits]);

        Assert.That(delta.DeltaHead, Is.True);
        AssertSame(delta, full);
    }

    private static IEnumerable<int> Seeds() => Enumerable.Range(1, 24);

    private static Dictionary<string, string> GeneratedProject()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["dbt_project.yml"] = "name: gen\nmodels:\n  gen:\n    marts:\n      +materialized: table\n",
            ["models/sources.yml"] = "sources:\n  - name: raw\n    tables:\n"
                + string.Concat(Enumerable.Range(0, 3).Select(t => $"      - name: t{t}\n        columns:\n" + string.Concat(Enumerable.Range(0, 5).Select(c => $"          - name: c{c}\n")))),
        };
        var yaml = new System.Text.StringBuilder("models:\n");
        for (var i = 0; i < 6; i++)
        {
            files[$"models/staging/stg_{i}.sql"] = i % 3 == 0
                ? $"select * from {{{{ source('raw', 't{i % 3}') }}}}\n"
                : $"select c0 as id, c1, c2 * 2 as c2, c3 from {{{{ source('raw', 't{i % 3}') }}}} where c4 > 0\n";
            yaml.Append($"  - name: stg_{i}\n    meta:\n      owner: team{i % 2}@acme.com\n    columns:\n      - name: c1\n        data_tests: [not_null]\n");
        }

        for (var i = 0; i < 6; i++)
        {
            var (a, b) = (i % 6, (i + 1) % 6);
            files[$"models/intermediate/int_{i}.sql"] =
                $"with a as (select * from {{{{ ref('stg_{a}') }}}}), b as (select c1, c2 from {{{{ ref('stg_{b}') }}}})\n"
                + "select a.c1, a.c2 + b.c2 as total, case when b.c1 is null then 0 else 1 end as matched from a left join b on a.c1 = b.c1\n";
        }

        for (var i = 0; i < 4; i++)
        {
            files[$"models/marts/mart_{i}.sql"] = i % 2 == 0
                ? $"select c1, sum(total) as total, count(*) as n from {{{{ ref('int_{i}') }}}} group by c1\n"
                : $"select * from {{{{ ref('int_{i}') }}}} join {{{{ ref('int_{i + 1}') }}}} using (c1)\n";
            yaml.Append($"  - name: mart_{i}\n    columns:\n      - name: c1\n        data_tests: [unique]\n");
        }

        files["models/_models.yml"] = yaml.ToString();
        files["models/exposures.yml"] = "exposures:\n  - name: board\n    type: dashboard\n    owner: {email: ceo@acme.com}\n    depends_on: [ref('mart_0'), ref('mart_1')]\n";
        return files;
    }

    [Test]
    public void EdgeProject_HoldsTheShapesItIsFor()
    {
        var source = new InMemoryFileSource(EdgeProject);
        var graph = ProjectGraph.Build(source, "base", ProjectGraph.ReadConfigOrDefault(source), ProjectOptions.Default, previous: null).Build.Graph;

        Assert.That(graph.Find("orders_history")?.Inputs.StoredSql, Does.Contain("__ref__.orders"), "a snapshot defined in YAML");
        Assert.That(graph.Find("legacy"), Is.Null, "a disabled model");
        Assert.That(graph.Project!.DisabledNames, Does.Contain("legacy"));
        Assert.That(graph.Diagnostics.Where(d => d.Code == "missing-ref"), Is.Empty, "a ref to a disabled model is not missing");
        Assert.That(graph.Project.GroupFiles, Is.EqualTo(new[] { "models/_groups.yml" }));
        Assert.That(graph.Find("orders")!.Owners, Has.Some.Contains("ops@acme.com"), "the group's owner");
    }

    [Test]
    public void ShapesProject_HoldsTheShapesItIsFor()
    {
        var source = new InMemoryFileSource(ShapesProject);
        var graph = ProjectGraph.Build(source, "base", ProjectGraph.ReadConfigOrDefault(source), ProjectOptions.Default, previous: null).Build.Graph;

        Assert.That(graph.Find("ape_trades")!.Status, Is.EqualTo(Sql.Lineage.LineageStatus.Complete));
        Assert.That(graph.Find("abo_trades")!.Status, Is.EqualTo(Sql.Lineage.LineageStatus.Inferred));
        Assert.That(graph.Find("abo_trades")!.Diagnostics.Select(d => d.Code), Does.Contain(Sql.Lineage.SqlLineage.InferredOwnerCode));
    }

    [Test]
    public void DeltaHead_SeveralModelsAndAnUnrelatedFile_EqualsFullRead()
    {
        var files = Load("dbt/shop");

        var (delta, full) = RunBoth(
            files,
            ("analytics/models/staging/stg_orders.sql", "select 1 as order_id, 2 as customer_id\n"),
            ("analytics/models/marts/orders.sql", "select order_id from {{ ref('stg_orders') }}\n"),
            ("README.md", "# shop\n"));

        Assert.That(delta.DeltaHead, Is.True);
        AssertSame(delta, full);
        Assert.That(delta.Report.Impacts, Is.Not.Empty);
    }

    [TestCase("analytics/models/staging/stg_orders.sql", "select * from {{ ref('orders') }}\n", true, TestName = "DeltaHead_EditClosesACycle_EqualsFullRead")]
    [TestCase("analytics/models/staging/stg_customers.sql", "select * from {{ ref('orders') }}\n", false, TestName = "DeltaHead_EditReadsALaterModel_EqualsFullRead")]
    public void DeltaHead_EditReshapesTheDag_EqualsFullRead(string path, string text, bool cycle)
    {
        var (delta, full) = RunBoth(Load("dbt/shop"), (path, text));

        Assert.That(delta.DeltaHead, Is.True);
        Assert.That(delta.HeadGraph.Diagnostics.Any(d => d.Code == GraphBuilder.CycleCode), Is.EqualTo(cycle));
        AssertSame(delta, full);
    }

    [Test]
    public void DeltaHead_AModelRenderedFromDbtsGraph_ReadsHeadInFullAndSeesTheYamlEdit()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["dbt_project.yml"] = "name: p\n",
            ["macros/cols.sql"] = "{% macro documented(name) %}{% for c in graph.nodes['model.p.' ~ name].columns.values() %}{{ c.name }}{{ ', ' if not loop.last }}{% endfor %}{% endmacro %}",
            ["models/base.sql"] = "select 1 as id, 2 as amount",
            ["models/base.yml"] = "version: 2\nmodels:\n  - name: base\n    columns:\n      - name: id\n",
            ["models/documented.sql"] = "select {{ documented('base') }} from {{ ref('base') }}",
        };

        var (delta, full) = RunBoth(files, ("models/base.yml", "version: 2\nmodels:\n  - name: base\n    columns:\n      - name: id\n      - name: amount\n"));

        Assert.That(delta.BaseGraph.Project!.RendersReadGraph, Is.True);
        Assert.That(delta.DeltaHead, Is.False);
        Assert.That(delta.HeadGraph.Find("documented")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "amount" }));
        AssertSame(delta, full);
    }

    [Test]
    public void DeltaHead_AModelRenderedFromAnotherModelsColumns_ReadsHeadInFullAndSeesTheNewColumn()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["dbt_project.yml"] = "name: p\n",
            ["models/base.sql"] = "select 1 as id",
            ["models/listed.sql"] = "select {% for c in adapter.get_columns_in_relation(ref('base')) %}{{ c.name }}{{ ', ' if not loop.last }}{% endfor %} from {{ ref('base') }}",
        };

        var (delta, full) = RunBoth(files, ("models/base.sql", "select 1 as id, 2 as amount"));

        Assert.That(delta.BaseGraph.Project!.RendersReadGraph, Is.True);
        Assert.That(delta.DeltaHead, Is.False);
        Assert.That(delta.HeadGraph.Find("listed")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "amount" }));
        AssertSame(delta, full);
    }

    [Test]
    public void DeltaHead_AChangedModelNowReadingASeedsColumns_ReadsHeadInFullWhereTheSeedIsKnown()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["dbt_project.yml"] = "name: p\n",
            ["seeds/people.csv"] = "id,name,secret\n1,drew,x\n",
            ["models/people_public.sql"] = "select id from {{ ref('people') }}",
        };

        var (delta, full) = RunBoth(files, ("models/people_public.sql", "select {{ dbt_utils.star(from=ref('people'), except=['secret']) }} from {{ ref('people') }}"));

        Assert.That(delta.DeltaHead, Is.False, "a read of the changed model alone does not know the seed's columns");
        Assert.That(delta.HeadGraph.Find("people_public")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "name" }));
        AssertSame(delta, full);
    }

    private const string Staging = "analytics/models/staging/_staging.yml";

    private static IEnumerable<TestCaseData> YamlEdits()
    {
        TestCaseData Edit(string name, bool delta, params (string Path, Func<string, string> Edit)[] edits) =>
            new TestCaseData(edits, delta).SetName($"DeltaHead_Yaml_{name}_{(delta ? "EqualsFullRead" : "ReadsHeadInFull")}");

        yield return Edit("DescriptionChanged", true, (Staging, t => t.Replace("One row per order.", "One row per placed order.", StringComparison.Ordinal)));
        yield return Edit("LinesShifted", true, (Staging, t => "# staging models\n\n" + t));
        yield return Edit("ColumnDocumented", true, (Staging, t => t + "      - name: name\n        description: the customer's name\n        data_type: varchar\n"));
        yield return Edit("OwnerChanged", true, (Staging, t => t.Replace("owner: \"Jane Doe\"", "owner: zed@acme.com", StringComparison.Ordinal)));
        yield return Edit("EntryForNoModel", true, (Staging, t => t + "  - name: ghost\n    description: no such model\n"));
        yield return Edit("ColumnAddedInSqlAndYaml", true,
            ("analytics/models/staging/stg_customers.sql", t => t.Replace("select", "select 'x' as nickname,", StringComparison.OrdinalIgnoreCase)),
            (Staging, t => t + "      - name: nickname\n"));
        yield return Edit("TestAdded", false, (Staging, t => t.Replace("      - name: customer_id\n        tests:", "      - name: customer_id\n        tests:\n          - not_null", StringComparison.Ordinal)));
        yield return Edit("Broken", false, (Staging, t => t + "  - name: [oops\n"));
        yield return Edit("SourcesAdded", false, (Staging, t => t + "sources:\n  - name: extra\n    tables: [{name: t}]\n"));
        yield return Edit("VersionsAdded", false, (Staging, t => t.Replace("  - name: stg_customers\n", "  - name: stg_customers\n    versions: [{v: 1}]\n", StringComparison.Ordinal)));
        yield return Edit("MartsWithGroupsAndExposures", false, ("analytics/models/marts/_marts.yml", t => t.Replace("data_type: numeric", "data_type: decimal", StringComparison.Ordinal)));
    }

    [TestCaseSource(nameof(YamlEdits))]
    public void DeltaHead_YamlEdit(IReadOnlyList<(string Path, Func<string, string> Edit)> edits, bool expectDelta)
    {
        var files = Load("dbt/shop");

        var (delta, full) = RunBoth(files, [.. edits.Select(e => (e.Path, e.Edit(files[e.Path])))]);

        Assert.That(delta.DeltaHead, Is.EqualTo(expectDelta), "delta mode used");
        AssertSame(delta, full);
    }

    [Test]
    public void DeltaHead_PythonModelOwnerChangedInYaml_EqualsFullRead()
    {
        var (delta, full) = RunBoth(PythonProject, ("models/scores.yml", PythonProject["models/scores.yml"].Replace("ann@acme.com", "bob@acme.com", StringComparison.Ordinal)));

        Assert.That(delta.DeltaHead, Is.True);
        AssertSame(delta, full);
        Assert.That(delta.HeadGraph.Find("unique_scores_id")?.Owners, Has.Some.Contains("bob@acme.com"), "the model's data test takes the new owner");
    }

    [Test]
    public void DeltaHead_YamlWithAnchorsEdited_ReadsHeadInFull()
    {
        var (delta, full) = RunBoth(EdgeProject, ("models/_models.yml", EdgeProject["models/_models.yml"].Replace("ann@acme.com", "bob@acme.com", StringComparison.Ordinal)));

        Assert.That(delta.DeltaHead, Is.False);
        AssertSame(delta, full);
    }

    [TestCase("analytics/models/marts/_marts.yml", "version: 2\n", TestName = "DeltaHead_YamlEdited_ReadsHeadInFull")]
    [TestCase("analytics/models/marts/new_model.sql", "select 1 as id\n", TestName = "DeltaHead_ModelAdded_ReadsHeadInFull")]
    [TestCase("analytics/macros/cents.sql", "{% macro cents_to_dollars(c) %}{{ c }} / 1000{% endmacro %}\n", TestName = "DeltaHead_MacroEdited_ReadsHeadInFull")]
    [TestCase("analytics/dbt_project.yml", "name: analytics\nvars:\n  x: 1\n", TestName = "DeltaHead_ProjectFileEdited_ReadsHeadInFull")]
    [TestCase(".github/CODEOWNERS", "* @someone\n", TestName = "DeltaHead_CodeOwnersEdited_ReadsHeadInFull")]
    [TestCase("analytics/seeds/country_codes.csv", "code,name,region\nDE,Germany,EU\n", TestName = "DeltaHead_SeedEdited_ReadsHeadInFull")]
    public void DeltaHead_ChangeBeyondModelCode_FallsBackToFullRead(string path, string text)
    {
        var (delta, full) = RunBoth(Load("dbt/shop"), (path, text));

        Assert.That(delta.DeltaHead, Is.False);
        AssertSame(delta, full);
    }

    [Test]
    public void DeltaHead_MacroOutsideTheProjectFolderEdited_ReadsHeadInFullWithTheNewMacro()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["projects/p/dbt_project.yml"] = "name: p\nmacro-paths: [macros, ../../shared_macros]\n",
            ["projects/p/models/orders.sql"] = "select 1 as id, {{ cents('2') }} as amount",
            ["shared_macros/cents.sql"] = "{% macro cents(c) %}{{ c }} / 100{% endmacro %}",
        };

        var (delta, full) = RunBoth(files, ("shared_macros/cents.sql", "{% macro cents(c) %}{{ c }} / 1000{% endmacro %}"));

        Assert.That(delta.DeltaHead, Is.False);
        AssertSame(delta, full);
        Assert.That(delta.Report.Changes.Select(c => c.Asset), Is.EqualTo(new[] { "orders" }), "the model whose SQL the macro writes");
    }

    [Test]
    public void DeltaHead_YamlWithAKeyWrittenTwice_EqualsFullRead()
    {
        var files = Load("dbt/shop");
        var path = "analytics/models/marts/_marts.yml";

        var (delta, full) = RunBoth(files, (path, files[path].Replace("  - name: orders\n", "  - name: orders\n    description: first\n    description: second\n", StringComparison.Ordinal)));

        AssertSame(delta, full);
        Assert.That(full.HeadGraph.Diagnostics.Select(d => d.Code), Does.Contain("yaml-duplicate-key"));
    }

    [Test]
    public void DeltaHead_ModelDeleted_ReadsHeadInFull()
    {
        var files = Load("dbt/shop");
        var head = new Dictionary<string, string>(files, StringComparer.Ordinal);
        head.Remove("analytics/models/marts/orders.sql");

        var result = Run(files, head, ["analytics/models/marts/orders.sql"], fullHead: false);

        Assert.That(result.DeltaHead, Is.False);
        Assert.That(result.HeadGraph.Find("orders"), Is.Null);
    }

    [Test]
    public void DeltaHead_BaseFromManifest_ReadsHeadInFull()
    {
        var files = Load("dbt/mini/project");
        var options = ProjectOptions.Default with { ManifestText = FixtureFiles.Read("dbt/mini/artifacts/manifest.json") };
        var head = new Dictionary<string, string>(files, StringComparer.Ordinal) { ["models/revenue.sql"] = files["models/revenue.sql"] + "\n-- x\n" };

        var result = Run(files, head, ["models/revenue.sql"], fullHead: false, options);

        Assert.That(result.BaseGraph.Project, Is.Null);
        Assert.That(result.DeltaHead, Is.False);
    }

    [Test]
    public void DeltaHead_CachedBaseBoundWithAnotherDialect_IsReadAgainInTheHeadsDialect()
    {
        var files = Load("dbt/mini/project");
        var head = new Dictionary<string, string>(files, StringComparer.Ordinal) { ["models/revenue.sql"] = files["models/revenue.sql"] + "\n-- x\n" };
        var bigQuery = ProjectOptions.Default with { Dialect = DialectFacts.BigQuery };

        var result = Run(files, head, ["models/revenue.sql"], fullHead: false, bigQuery, baseOptions: ProjectOptions.Default);

        Assert.That(result.BaseGraph.Project!.Dialect, Is.EqualTo(DialectFacts.BigQuery.Name));
        Assert.That(result.Report.Warnings.Single(), Does.Contain("read as snowflake").And.Contain("the base was read again"));
        AssertSame(result, Run(files, head, ["models/revenue.sql"], fullHead: true, bigQuery, baseOptions: ProjectOptions.Default));
    }

    private static (AnalysisResult Delta, AnalysisResult Full) RunBoth(Dictionary<string, string> files, params (string Path, string Text)[] edits)
    {
        var head = new Dictionary<string, string>(files, StringComparer.Ordinal);
        foreach (var (path, text) in edits)
        {
            head[path] = text;
        }

        string[] changed = [.. edits.Select(e => e.Path)];
        return (Run(files, head, changed, fullHead: false), Run(files, head, changed, fullHead: true));
    }

    private static AnalysisResult Run(
        Dictionary<string, string> baseFiles, Dictionary<string, string> headFiles, string[] changed, bool fullHead, ProjectOptions? options = null, ProjectOptions? baseOptions = null)
    {
        options ??= ProjectOptions.Default;
        var baseSource = new InMemoryFileSource(baseFiles);
        // The base comes from a snapshot file, as in a real run: what the delta needs must survive writing and reading.
        var baseGraph = ProjectGraph.Build(baseSource, "base", ProjectGraph.ReadConfigOrDefault(baseSource), baseOptions ?? options, previous: null).Build.Graph;
        using var stream = new MemoryStream(Bytes(baseGraph));
        var cached = SnapshotReader.Read(stream).Graph;
        var request = new AnalysisRequest(baseSource, new InMemoryFileSource(headFiles), "base", "head", changed)
        {
            CachedBase = cached,
            FullHeadRead = fullHead,
        };
        return ImpactAnalysis.Run(request, options);
    }

    private static void AssertSame(AnalysisResult delta, AnalysisResult full)
    {
        Assert.That(Bytes(delta.HeadGraph), Is.EqualTo(Bytes(full.HeadGraph)), "head snapshot bytes");
        Assert.That(JsonReportRenderer.Render(delta.Report), Is.EqualTo(JsonReportRenderer.Render(full.Report)), "JSON report");
    }

    private static byte[] Bytes(LineageGraph graph)
    {
        using var stream = new MemoryStream();
        SnapshotWriter.Write(graph, stream);
        return stream.ToArray();
    }
}
