using ImpactBot.Testing.Golden;

namespace ImpactBot.Cli.Tests.Golden;

public sealed class GoldenFileTests
{
    [Test]
    public void Diff_ChangedLine_ShowsRemovedAndAddedLinesWithContext()
    {
        var diff = GoldenFile.Diff("a\nb\nc\nd\ne\nf\ng\n", "a\nb\nc\nD\ne\nf\ng\n");

        Assert.That(diff, Does.Contain("-      d\n").And.Contain("+    4 D\n").And.Contain("    3 c\n").And.Not.Contain("1 a"));
    }

    [Test]
    public void Verify_MissingGoldenFile_FailsWithHowToWriteIt()
    {
        Assume.That(Environment.GetEnvironmentVariable(GoldenFile.UpdateVariable), Is.Null.Or.Empty, "golden files are being rewritten");
        var error = Assert.Throws<GoldenFileException>(() => GoldenFile.Verify("x", "does-not-exist/never.txt"));

        Assert.That(error!.Message, Does.Contain(GoldenFile.UpdateVariable + "=1").And.Contain("never.txt"));
    }
}
