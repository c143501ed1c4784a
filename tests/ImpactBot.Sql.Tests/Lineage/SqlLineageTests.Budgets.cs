using System.Text;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Sql.Tests.Lineage;

/// <summary>
/// Work budgets: the shapes that made one real model bind for minutes (macros inlining a chain of CTE steps and
/// recursive CTEs that slice the recursive column, several times over) stay linear; anything else that blows up stops
/// with a budget diagnostic instead of stalling the run. Asserted on work counters, never on wall time.
/// </summary>
public sealed partial class SqlLineageTests
{
    /// <summary>
    /// A recursive CTE whose member takes a subscript of the recursive column: each round used to add a longer path
    /// (<c>buf[1]</c>, <c>buf[1][1]</c>, ...), doubling the edges for all eight rounds, and the macros that generate it
    /// nest it inside a chain of CTE steps, several times in one model.
    /// </summary>
    private static string RecursiveDecoders(int copies, int steps)
    {
        var sql = new StringBuilder("select * from (\n");
        for (var copy = 0; copy < copies; copy++)
        {
            if (copy > 0)
            {
                sql.Append("union all\n");
            }

            sql.Append("select tx, idx, item, rest from (\n  with\n    step0 as (select tx, data as next_buf, 1 as next_offset from raw.txs)");
            for (var i = 1; i <= steps; i++)
            {
                sql.Append($",\n    step{i} as (select tx, len + offset as next_offset, substr(next_buf, offset, len) as buf, next_buf from (select tx, next_offset as offset, to_int(substr(next_buf, next_offset, 3)) as len, next_buf from step{i - 1}))");
            }

            sql.Append($"\n  select tx, idx, item, rest from (\n    with recursive decode (tx, idx, item, rest) as (\n      select tx, 0, cast(null as varbinary), buf from step{steps}\n      union all\n      select tx, idx + 1, rest[1], concat(rest[2], rest[3]) from decode where idx < len(rest[4])\n    )\n    select tx, idx, item, rest from decode where idx > 0\n  )\n)\n");
        }

        return sql.Append(") as decoded").ToString();
    }

    [Test]
    public void Analyze_RecursiveCteSlicingItsOwnColumn_ConvergesWithWholeColumnEdges()
    {
        var lineage = Analyze(Trino, RecursiveDecoders(copies: 1, steps: 5));

        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Complete), string.Join("\n", lineage.Diagnostics));
        var rest = lineage.Columns.Single(c => c.Name == "rest");
        Assert.That(rest.Sources.Select(s => (s.Table, s.Column, s.Path)).Distinct(), Is.EqualTo(new[] { ("raw.txs", "data", (string?)null) }));
        Assert.That(lineage.Work.Edges, Is.LessThan(2_000), "edges built");
    }

    [Test]
    public void Analyze_RecursiveDecodersInlinedManyTimes_WorkGrowsLinearly()
    {
        var one = Analyze(Trino, RecursiveDecoders(copies: 1, steps: 5)).Work;
        var eighteen = Analyze(Trino, RecursiveDecoders(copies: 18, steps: 5));

        Assert.That(eighteen.Status, Is.EqualTo(LineageStatus.Complete), string.Join("\n", eighteen.Diagnostics));
        Assert.That(eighteen.Work.Edges, Is.LessThanOrEqualTo(18 * one.Edges + 100), "edges built");
        Assert.That(eighteen.Work.Nodes, Is.LessThanOrEqualTo(18 * one.Nodes + 100), "nodes visited");
    }

    [Test]
    public void Analyze_EdgeBudgetExceeded_FailsWithBudgetDiagnosticNotStall()
    {
        var budget = new LineageBudget { MinEdges = 500, EdgesPerCharacter = 0 };

        var lineage = SqlLineage.Analyze(RecursiveDecoders(copies: 18, steps: 5), Trino, budget: budget);

        Assert.That(lineage.Status, Is.EqualTo(LineageStatus.Failed));
        var diagnostic = lineage.Diagnostics.Single();
        Assert.That(diagnostic.Code, Is.EqualTo(SqlLineage.BudgetExceededCode));
        Assert.That(diagnostic.Message, Does.Contain("source edges").And.Contain("falls back to model level"));
        Assert.That(lineage.Work.Edges, Is.InRange(500, 1_000));
    }

    [Test]
    public void Analyze_NodeBudgetExceeded_FailsWithBudgetDiagnostic()
    {
        var budget = new LineageBudget { MinNodes = 100, NodesPerCharacter = 0 };

        var lineage = SqlLineage.Analyze(RecursiveDecoders(copies: 2, steps: 5), Trino, budget: budget);

        Assert.That(lineage.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { SqlLineage.BudgetExceededCode }));
        Assert.That(lineage.Diagnostics[0].Message, Does.Contain("syntax nodes"));
        Assert.That(lineage.Work.Nodes, Is.EqualTo(101));
    }
}
