using BenchmarkDotNet.Running;
using ImpactBot.Benchmarks;

if (args is ["lineage-throughput", .. var rest])
{
    return LineageThroughput.Run(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(SqlPipelineBenchmarks).Assembly).Run(args);
return 0;
