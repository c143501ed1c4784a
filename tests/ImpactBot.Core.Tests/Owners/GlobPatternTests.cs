using ImpactBot.Core.Owners;

namespace ImpactBot.Core.Tests.Owners;

public sealed class GlobPatternTests
{
    [TestCase("*.sql", "models/a.sql", true)]
    [TestCase("*.sql", "a.sql", true)]
    [TestCase("*.sql", "a.yml", false)]
    [TestCase("/models/", "models/a/b.sql", true)]
    [TestCase("/models/", "x/models/a.sql", false)]
    [TestCase("models/", "x/models/a.sql", true)]
    [TestCase("docs/*", "docs/a.md", true)]
    [TestCase("docs/*", "docs/sub/a.md", false)]
    [TestCase("**/logs", "a/b/logs/x.txt", true)]
    [TestCase("models/**/stg_*.sql", "models/a/b/stg_x.sql", true)]
    [TestCase("models/**/stg_*.sql", "models/stg_x.sql", true)]
    [TestCase("models/marts", "models/marts/orders.sql", true)]
    [TestCase("models/marts", "other/models/marts/orders.sql", false)]
    [TestCase("a?c.sql", "abc.sql", true)]
    [TestCase("dir/", "dir", false)]
    public void IsMatch_GitignoreStyle(string pattern, string path, bool expected)
    {
        Assert.That(new GlobPattern(pattern).IsMatch(path), Is.EqualTo(expected));
    }
}
