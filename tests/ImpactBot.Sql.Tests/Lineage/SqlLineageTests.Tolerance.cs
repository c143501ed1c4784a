using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Sql.Tests.Lineage;

public sealed partial class SqlLineageTests
{
    [Test]
    public void Analyze_GarbageInSelectList_OtherColumnsSurvive()
    {
        var lineage = AssertLineage(Snowflake, "select\n  id,\n  amount garbage more words,\n  status\nfrom orders\nwhere flag", null,
            "id: orders.id copy",
            "garbage: orders.amount unknown, orders.garbage unknown, orders.more unknown, orders.words unknown",
            "status: orders.status copy",
            "row: orders.flag filter");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Partial));
        var diagnostic = lineage.Diagnostics.Single(d => d.Code == "unparsed-span");
        Assert.That((diagnostic.Span.Line, diagnostic.Span.Column), Is.EqualTo((3, 18)));
    }

    [Test]
    public void Analyze_UnknownFunctionSyntax_UnknownEdgesAndDiagnostic()
    {
        var lineage = AssertLineage(Snowflake, "select a,\n  weird(b) within magic (order by c) as w\nfrom t", null,
            "a: t.a copy", "w: t.b unknown, t.c unknown");
        Assert.That(lineage.Diagnostics.Select(d => d.Span.Line), Does.Contain(2));
    }

    [Test]
    public void Analyze_UnterminatedString_PartialWithDiagnosticAtQuote()
    {
        var lineage = Analyze(Postgres, "select id, name\nfrom users\nwhere note = 'oops");
        Assert.That(lineage.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "name" }));
        Assert.That(lineage.Columns[0].Sources.Single().Table, Is.EqualTo("users"));
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Partial));
        Assert.That(lineage.Diagnostics.Any(d => d.Span.Line == 3 && d.Span.Column == 14), Is.True, string.Join("\n", lineage.Diagnostics));
    }

    [Test]
    public void Analyze_UnknownClauseAfterFrom_KeepsProjections()
    {
        var lineage = Analyze(Snowflake, "select id, amount from orders sample (10) where amount > 0");
        Assert.That(lineage.Columns.Select(c => c.Sources.Single().Column), Is.EqualTo(new[] { "id", "amount" }));
        Assert.That(lineage.Row.Select(r => r.Column), Does.Contain("amount"));
    }

    [Test]
    public void Analyze_ErrorInWhere_ProjectionsStayComplete()
    {
        var lineage = Analyze(Postgres, "select id from t where a = = 1");
        Assert.That(lineage.Columns.Single().Sources.Single(), Is.EqualTo(new ColumnSource("t", "id", EdgeKind.Copy)));
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Partial));
    }

    [Test]
    public void Analyze_LeftoverTemplateTags_DoNotFail()
    {
        var lineage = Analyze(Snowflake, "select id from {{ ref('orders') }} o");
        Assert.That(lineage.Status, Is.Not.EqualTo(LineageStatus.Failed));
        Assert.That(lineage.Columns.Single().Name, Is.EqualTo("id"));
    }

    [Test]
    public void Analyze_DeeplyNestedExpression_DoesNotThrow()
    {
        var sql = "select " + string.Concat(Enumerable.Repeat("(", 3000)) + "a" + string.Concat(Enumerable.Repeat(")", 3000)) + " as x from t";
        var lineage = Analyze(Postgres, sql);
        Assert.That(lineage.Columns.Length == 1 || lineage.Diagnostics.Any(d => d.Severity == Text.DiagnosticSeverity.Error), Is.True);
    }

    [Test]
    public void Analyze_VeryLongOrChain_BindsOrDegrades()
    {
        var sql = "select id from t where " + string.Join(" or ", Enumerable.Range(0, 5000).Select(i => $"c{i % 7} = {i}"));
        var lineage = Analyze(Postgres, sql);
        Assert.That(lineage.Columns.Length == 1 || lineage.Diagnostics.Any(d => d.Severity == Text.DiagnosticSeverity.Error), Is.True);
    }

    [Test]
    public void Analyze_ThousandTermSum_BindsEveryTerm()
    {
        var sql = "select " + string.Join(" + ", Enumerable.Range(0, 1000).Select(i => $"a{i}")) + " as total from t";
        var lineage = Analyze(Postgres, sql);
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete), string.Join("\n", lineage.Diagnostics));
        Assert.That(lineage.Columns.Single().Sources, Has.Length.EqualTo(1000));
    }

    [Test]
    public void Analyze_TwoMegabyteDenseStatement_Binds()
    {
        var sql = new System.Text.StringBuilder("select ");
        for (var i = 0; sql.Length < 2 * 1024 * 1024; i++)
        {
            sql.Append(i == 0 ? "" : ",\n").Append($"coalesce(a{i % 50}, 0) + b{i % 30} * (c{i % 20} - 1) as o{i}");
        }

        var lineage = Analyze(Snowflake, sql.Append(" from t").ToString(), "t(" + string.Join(", ", Enumerable.Range(0, 50).Select(i => $"a{i}, b{i}, c{i}")) + ")");
        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete), string.Join("\n", lineage.Diagnostics.Take(3)));
    }

    [Test]
    public void Analyze_EmptyText_Failed() =>
        Assert.That(Analyze(Postgres, "").Status, Is.EqualTo(LineageStatus.Failed));

    [Test]
    public void Analyze_RandomBytes_NeverThrows()
    {
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var words = new[] { "select", "from", "where", "(", ")", ",", "*", ".", "'", "\"", "a", "b", "1", "join", "on", "union", "::", "->", "[", "]", "with", "as" };
            var chars = string.Join(' ', Enumerable.Range(0, random.Next(1, 40)).Select(_ => words[random.Next(words.Length)]));
            Assert.DoesNotThrow(() => Analyze(DialectFacts.All[i % DialectFacts.All.Count], chars));
        }
    }
}
