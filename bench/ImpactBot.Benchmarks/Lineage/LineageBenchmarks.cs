using BenchmarkDotNet.Attributes;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Benchmarks.Lineage;

/// <summary>Lex + parse + bind of a typical dbt model (target: at least 2,000 models per second on one core).</summary>
[MemoryDiagnoser]
public class LineageBenchmarks
{
    private readonly string _sql = TypicalModel.Sql;

    [Benchmark]
    public QueryLineage TypicalModelSnowflake() => SqlLineage.Analyze(_sql, DialectFacts.Snowflake);

    [Benchmark]
    public QueryLineage TypicalModelPostgres() => SqlLineage.Analyze(_sql, DialectFacts.Postgres);
}
