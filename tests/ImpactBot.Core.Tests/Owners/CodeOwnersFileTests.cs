using ImpactBot.Core.Files;
using ImpactBot.Core.Owners;

namespace ImpactBot.Core.Tests.Owners;

public sealed class CodeOwnersFileTests
{
    private static string[] Owners(string text, string path) =>
        [.. CodeOwnersFile.Parse(text, "CODEOWNERS").OwnersOf(path).Select(o => o.Owner)];

    [Test]
    public void OwnersOf_GitHub_LastMatchWins()
    {
        const string text = "*       @everyone\n*.sql   @sql-team\n/models/marts/ @marts-team @bob\n";

        Assert.That(Owners(text, "models/marts/orders.sql"), Is.EqualTo(new[] { "@marts-team", "@bob" }));
        Assert.That(Owners(text, "models/staging/stg.sql"), Is.EqualTo(new[] { "@sql-team" }));
        Assert.That(Owners(text, "README.md"), Is.EqualTo(new[] { "@everyone" }));
    }

    [Test]
    public void OwnersOf_RuleWithoutOwners_RemovesOwnership()
    {
        Assert.That(Owners("* @a\n/vendor/\n", "vendor/lib.sql"), Is.Empty);
    }

    [Test]
    public void OwnersOf_ReportsRuleLine()
    {
        var owners = CodeOwnersFile.Parse("# c\n\n*.yml @yaml\n", "CODEOWNERS").OwnersOf("a/b.yml");

        Assert.That(owners.Single(), Is.EqualTo(("@yaml", 3)));
    }

    [Test]
    public void OwnersOf_GitLabSections_CombineAllSections()
    {
        const string text = """
            * @default-owner
            [Models] @data-team
            models/
            models/finance/ @finance
            ^[Docs][2] @docs
            *.md
            *.yml
            """;

        Assert.That(Owners(text, "models/finance/schema.yml"), Is.EqualTo(new[] { "@default-owner", "@finance", "@docs" }));
        Assert.That(Owners(text, "models/stg.sql"), Is.EqualTo(new[] { "@default-owner", "@data-team" }));
    }

    [Test]
    public void OwnersOf_SameSectionTwice_IsOneSectionWithLastMatch()
    {
        const string text = "[Data]\n*.sql @a\n[Other]\n*.sql @o\n[data]\nmodels/ @b\n";

        Assert.That(Owners(text, "models/x.sql"), Is.EqualTo(new[] { "@b", "@o" }));
    }

    [Test]
    public void OwnersOf_EmailOwnersAndInlineComments()
    {
        Assert.That(Owners("*.sql jane@acme.com @bob # reviewers\n", "a.sql"), Is.EqualTo(new[] { "jane@acme.com", "@bob" }));
    }

    [Test]
    public void Find_PrefersGitHubFolderThenRootThenDocsThenGitLab()
    {
        var files = Files(("docs/CODEOWNERS", "* @docs"), (".gitlab/CODEOWNERS", "* @gitlab"));

        Assert.That(CodeOwnersFile.Find(files)!.Path, Is.EqualTo("docs/CODEOWNERS"));
        Assert.That(CodeOwnersFile.Find(Files(("x", ""))), Is.Null);
    }

    private static InMemoryFileSource Files(params (string Path, string Text)[] files) =>
        new(files.Select(f => new KeyValuePair<string, string>(f.Path, f.Text)));
}
