using ImpactBot.Sql.Lineage;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Tests.Lineage;

public sealed class LineageJsonTests
{
    [Test]
    public void Write_Lineage_DocumentedShapeWithSortedSources()
    {
        var lineage = new QueryLineage(
            [new OutputColumn("total", false, [new ColumnSource("t", "b", EdgeKind.Transform), new ColumnSource("t", "a", EdgeKind.Transform)])],
            [new ColumnSource("t", "k", EdgeKind.Filter)],
            [new Diagnostic("unknown-star", "msg", new SourceSpan(3, 1, 2, 4))],
            LineageStatus.Partial);

        Assert.That(LineageJson.Write(lineage), Is.EqualTo(
            """{"columns":[{"name":"total","sources":[{"table":"t","column":"a","kind":"transform"},{"table":"t","column":"b","kind":"transform"}]}],"row":[{"table":"t","column":"k","kind":"filter"}],"diagnostics":[{"code":"unknown-star","message":"msg","line":2,"column":4,"severity":"warning"}],"status":"partial"}"""));
    }

    [Test]
    public void Write_FlagsAndOpaque_OnlyWhenSet()
    {
        var lineage = new QueryLineage(
            [new OutputColumn("*", false, [new ColumnSource("t", "*", EdgeKind.Copy) { Inferred = true, Candidate = true, Path = "a.b" }]) { Opaque = true }],
            [], [], LineageStatus.Complete)
        { Target = "mart.x" };

        Assert.That(LineageJson.Write(lineage), Is.EqualTo(
            """{"target":"mart.x","columns":[{"name":"*","opaque":true,"sources":[{"table":"t","column":"*","kind":"copy","inferred":true,"candidate":true,"path":"a.b"}]}],"row":[],"diagnostics":[],"status":"complete"}"""));
    }

    [Test]
    public void Write_SameSourcesDifferentOrder_SameText()
    {
        var a = new QueryLineage([new OutputColumn("x", false, [new ColumnSource("b", "c", EdgeKind.Copy), new ColumnSource("a", "c", EdgeKind.Copy)])], [], [], LineageStatus.Complete);
        var b = new QueryLineage([new OutputColumn("x", false, [new ColumnSource("a", "c", EdgeKind.Copy), new ColumnSource("b", "c", EdgeKind.Copy)])], [], [], LineageStatus.Complete);
        Assert.That(LineageJson.Write(a), Is.EqualTo(LineageJson.Write(b)));
    }
}
