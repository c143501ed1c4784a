using System.Diagnostics;
using System.Text;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage;
using ImpactBot.Sql.Lineage.Binding;
using ImpactBot.Sql.Syntax;
using ImpactBot.Sql.TSql;

namespace ImpactBot.Sql.Tests.Fuzz;

/// <summary>
/// Mutated and oversized inputs must never make the parser or the binder throw or return malformed results.
/// The seed is fixed, so a failure reproduces; the message names the mutant.
/// </summary>
public sealed class LineageFuzzTests
{
    private const int Mutants = 3000;

    private static readonly DialectFacts[] Dialects =
        [DialectFacts.Snowflake, DialectFacts.BigQuery, DialectFacts.Postgres, DialectFacts.DuckDb, DialectFacts.Databricks, DialectFacts.TSql];

    [Test]
    public void ParseAndAnalyze_MutatedSeeds_NeverThrowAndStayWellFormed()
    {
        var mutator = new FuzzMutator(seed: 20261127);
        var failures = new List<string>();
        for (var i = 0; i < Mutants; i++)
        {
            var (home, seed) = FuzzSeeds.All[i % FuzzSeeds.All.Length];
            var sql = mutator.Mutate(seed);
            // Each mutant runs in its own dialect and in one other, so every dialect meets every seed's syntax.
            var other = Dialects[i % Dialects.Length];
            foreach (var dialect in new[] { home, other }.Distinct())
            {
                failures.AddRange(Run(sql, dialect).Select(p => $"mutant {i} ({dialect.Name}): {p}\n{Excerpt(sql)}"));
            }
        }

        Assert.That(failures.Take(5), Is.Empty, $"{failures.Count} problems in {Mutants} mutants");
    }

    [TestCase("snowflake")]
    [TestCase("tsql")]
    public void ParseAndAnalyze_TenMegabyteModel_FinishesWellFormed(string dialectName)
    {
        var dialect = DialectFacts.FromName(dialectName)!;
        var sql = LargeModel(10 * 1024 * 1024, dialect);
        var stopwatch = Stopwatch.StartNew();

        var problems = Run(sql, dialect).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)));
        });
    }

    [TestCase("postgres", "parentheses")]
    [TestCase("postgres", "subqueries")]
    [TestCase("databricks", "case")]
    [TestCase("tsql", "parentheses")]
    [TestCase("tsql", "subqueries")]
    public void ParseAndAnalyze_FiveThousandLevelsDeep_DiagnosticNotCrash(string dialectName, string shape)
    {
        var dialect = DialectFacts.FromName(dialectName)!;
        const int depth = 5000;
        var sql = shape switch
        {
            "parentheses" => "select " + new string('(', depth) + "a" + new string(')', depth) + " as x from t",
            "subqueries" => string.Concat(Enumerable.Repeat("select * from (", depth)) + "select 1 as a" + string.Concat(Enumerable.Repeat(") as t", depth)),
            _ => "select " + string.Concat(Enumerable.Repeat("case when a = 1 then ", depth)) + "1" + string.Concat(Enumerable.Repeat(" end", depth)) + " as x from t",
        };

        var problems = Run(sql, dialect).ToList();
        var lineage = SqlLineage.Analyze(sql, dialect);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(lineage.Status, Is.Not.EqualTo(LineageStatus.Complete));
            Assert.That(lineage.Diagnostics, Is.Not.Empty);
        });
    }

    [Test]
    public void Run_NullReferenceInjectedIntoBinderBetween_IsReported()
    {
        const string sql = "select id, case when amount between 1 and 10 then 'small' end as size from orders";
        Assert.That(Run(sql, DialectFacts.Snowflake), Is.Empty);

        using var fault = StrictMode.Enable(expr => expr is ImpactBot.Sql.Syntax.Ast.BetweenExpr);
        Assert.That(Run(sql, DialectFacts.Snowflake), Has.Some.StartsWith("threw NullReferenceException"));
    }

    [Test]
    public void Run_CatchAllDiagnostic_IsReported()
    {
        var lineage = QueryLineage.Failed(new ImpactBot.Sql.Text.Diagnostic(SqlLineage.BinderErrorCode, "lineage could not be computed: boom", new ImpactBot.Sql.Text.SourceSpan(0, 1, 1, 1), ImpactBot.Sql.Text.DiagnosticSeverity.Error));
        Assert.That(CatchAll(lineage), Is.EqualTo(new[] { "catch-all diagnostic binder-error: lineage could not be computed: boom" }));
    }

    /// <summary>
    /// Parses and binds <paramref name="sql"/> in <see cref="StrictMode"/> (the engine rethrows instead of hiding a bug in a
    /// diagnostic), turning an escaped exception or a catch-all diagnostic into a problem like any other.
    /// </summary>
    private static IEnumerable<string> Run(string sql, DialectFacts dialect)
    {
        var problems = new List<string>();
        using var strict = StrictMode.Rethrow ? null : StrictMode.Enable();
        try
        {
            var parsed = dialect.Dialect == SqlDialect.TSql ? TSqlFrontEnd.Parse(sql) : SqlParser.Parse(sql, dialect);
            problems.AddRange(WellFormedness.Check(sql, parsed).Select(p => "parse: " + p));
            problems.AddRange(parsed.Diagnostics.Where(d => CatchAllCodes.Contains(d.Code)).Select(d => $"parse: catch-all diagnostic {d.Code}: {d.Message}"));
            var lineage = SqlLineage.Analyze(sql, dialect);
            problems.AddRange(WellFormedness.Check(sql, lineage).Select(p => "lineage: " + p));
            problems.AddRange(CatchAll(lineage));
        }
#pragma warning disable CA1031 // The fuzz run records any escaped exception as a problem of that mutant.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            problems.Add($"threw {exception.GetType().Name}: {exception.Message}");
        }

        return problems;
    }

    private static readonly string[] CatchAllCodes = [SqlLineage.BinderErrorCode, SqlLineage.ParserErrorCode, TSqlFrontEnd.InternalErrorCode];

    private static IEnumerable<string> CatchAll(QueryLineage lineage) =>
        lineage.Diagnostics.Where(d => CatchAllCodes.Contains(d.Code)).Select(d => $"catch-all diagnostic {d.Code}: {d.Message}");

    private static string Excerpt(string sql) => sql.Length <= 400 ? sql : sql[..400] + "…";

    /// <summary>
    /// A generated-looking model of <paramref name="size"/> characters: a CASE mapping and a filter on a long list of
    /// hash keys, the shape that makes real models this large.
    /// </summary>
    private static string LargeModel(int size, DialectFacts dialect)
    {
        var text = new StringBuilder("-- generated: do not edit\nselect\n    s.id,\n    case s.code\n");
        for (var i = 0; i < 500; i++)
        {
            text.Append($"        when 'code_{i:D4}' then 'label for code {i}'\n");
        }

        text.Append("    end as code_label,\n    coalesce(s.amount, 0) as amount\nfrom ")
            .Append(dialect.Dialect == SqlDialect.TSql ? "dbo.source_table" : "analytics.raw.source_table")
            .Append(" as s\nwhere s.key in (\n");
        for (var i = 0; text.Length < size; i++)
        {
            text.Append(i == 0 ? "    " : ",\n    ").Append('\'').Append(Convert.ToHexString(BitConverter.GetBytes((long)i * 2654435761))).Append(new string('0', 16)).Append('\'');
        }

        return text.Append("\n)\n").ToString();
    }
}
