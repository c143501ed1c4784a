using ImpactBot.Core.Files;
using ImpactBot.Dbt.Yaml;

namespace ImpactBot.Dbt.Tests.Yaml;

/// <summary>A properties file read entry by entry gives what a read of its whole node tree gives, positions included.</summary>
public sealed class PropertiesStreamTests
{
    private const string File = """
        version: 2
        sources:
          - name: raw
            tables:
              - name: payments
                columns:
                  - name: id
                    data_tests: [unique]
        models:
          - name: orders
            description: one row per order
            config: {materialized: table, meta: {owner: ops@acme.com}}
            columns:
              - name: id
                data_tests: [unique, not_null]
              - name: payment_id
                data_tests:
                  - relationships: {to: "source('raw', 'payments')", field: id}
          - description: an entry without a name
          - just a string
          - name: customers
            versions:
              - v: 1
              - v: 2
        seeds:
          name: countries
          description: a single mapping rather than a list
        groups:
          - name: finance
            owner: {email: fin@acme.com}
        exposures:
          - name: dashboard
            type: dashboard
            owner: {email: bi@acme.com}
            depends_on: ["ref('orders')"]
        """;

    [Test]
    public void Read_StreamedFile_SameAsTheWholeTreeRead()
    {
        var (streamed, streamedProblems) = Read(File);
        // An unused anchor makes the file one that is not cut: it is read whole.
        var (whole, wholeProblems) = Read(File + "\nx-unused: &anchor 1\n");

        Assert.That(Describe(streamed), Is.EqualTo(Describe(whole)));
        Assert.That(streamedProblems, Is.EqualTo(wholeProblems));
        Assert.That(streamedProblems.Single(), Does.StartWith("yaml-missing-name 19:"));
        Assert.That(streamed.Models.Select(m => $"{m.Name}:{m.Line}"), Is.EqualTo(new[] { "orders:10", "customers:21" }));
    }

    [Test]
    public void TryRead_FileWithoutAnchors_HandsOverEachListItemAndKeepsTheRest()
    {
        var items = new List<string>();

        var read = PropertiesStream.TryRead(File, new HashSet<string> { "models", "sources", "seeds" }, (list, map) => items.Add($"{list}:{map.Str("name")}@{map.Line()}"), out var rest);

        Assert.That(read, Is.True);
        Assert.That(items, Is.EqualTo(new[] { "sources:raw@3", "models:orders@10", "models:@19", "models:customers@21" }));
        Assert.That(rest!.Children.Keys.Select(k => k.ToString()), Is.EqualTo(new[] { "version", "seeds", "groups", "exposures" }));
    }

    [TestCase("models:\n  - name: a\n  - name: [b\n", TestName = "Read_BrokenFile_ReadWholeWithItsSyntaxError")]
    [TestCase("models:\n  - name: a\nmodels:\n  - name: b\n", TestName = "Read_RepeatedTopLevelKey_ReadWholeWithItsError")]
    [TestCase("models:\n  - &m {name: a}\n  - *m\n", TestName = "Read_AnchorsAndAliases_ReadWhole")]
    public void Read_FileThatCannotBeCut_SameAsTheWholeTreeRead(string text)
    {
        var (streamed, streamedProblems) = Read(text);
        var whole = new PropertiesReader("p", []);
        var wholeProblems = new List<FileDiagnostic>();
        var root = YamlLoader.LoadMapping(text, "models/x.yml", wholeProblems);

        Assert.That(streamedProblems, Is.EqualTo(wholeProblems.Select(d => $"{d.Code} {d.Line}:{d.Column}")));
        Assert.That(streamed.Models.Count, Is.EqualTo(root is null ? 0 : root.Maps("models").Count()));
    }

    private static (PropertiesReader Reader, List<string> Problems) Read(string text)
    {
        var diagnostics = new List<FileDiagnostic>();
        var reader = new PropertiesReader("p", diagnostics);
        reader.Read("models/x.yml", text);
        return (reader, [.. diagnostics.Select(d => $"{d.Code} {d.Line}:{d.Column}")]);
    }

    private static string Describe(PropertiesReader r) => string.Join("\n",
        r.Models.Concat(r.Seeds).Concat(r.Snapshots).Select(p =>
            $"{p.Name}@{p.Line} {p.Description} [{string.Join(",", p.Columns.Select(c => $"{c.Name}@{c.Line}"))}] tests={string.Join(",", p.Tests.Select(t => t.Name))} config={p.Config.Entries.Length} versions={p.Versions.Length}")
        .Concat(r.Sources.Select(s => $"{s.UniqueId}@{s.Line} [{string.Join(",", s.Columns.Select(c => c.Name))}]"))
        .Concat(r.SourceTests.Select(t => t.Name))
        .Concat(r.Groups.Select(g => $"{g.Name} {g.OwnerEmail}"))
        .Concat(r.Exposures.Select(e => $"{e.Name} {string.Join(",", e.Refs.Select(x => x.Name))}")));
}
