using BenchmarkDotNet.Attributes;
using ImpactBot.Sql.Lineage;
using ImpactBot.Sql.Syntax;
using ImpactBot.Sql.Syntax.Lexing;
using ImpactBot.Sql.Text;

namespace ImpactBot.Benchmarks;

/// <summary>Cost per model of each stage of the SQL pipeline over the synthetic corpus (results are per model).</summary>
[MemoryDiagnoser]
public class SqlPipelineBenchmarks
{
    private const int Models = 200;

    private IReadOnlyList<SyntheticModel> corpus = [];

    [GlobalSetup]
    public void Setup() => corpus = SyntheticModels.Generate(Models);

    [Benchmark(OperationsPerInvoke = Models)]
    public int Lex()
    {
        var tokens = 0;
        var diagnostics = new List<Diagnostic>();
        foreach (var model in corpus)
        {
            diagnostics.Clear();
            Lexer.Tokenize(model.Sql, model.Dialect, diagnostics, out var count);
            tokens += count;
        }

        return tokens;
    }

    [Benchmark(OperationsPerInvoke = Models)]
    public int Parse()
    {
        var statements = 0;
        foreach (var model in corpus)
        {
            statements += SqlParser.Parse(model.Sql, model.Dialect).Statements.Length;
        }

        return statements;
    }

    [Benchmark(OperationsPerInvoke = Models)]
    public int LexParseLineage()
    {
        var columns = 0;
        foreach (var model in corpus)
        {
            columns += SqlLineage.Analyze(model.Sql, model.Dialect).Columns.Length;
        }

        return columns;
    }
}
