using BenchmarkDotNet.Running;
using ImpactBot.Benchmarks;
using ImpactBot.Benchmarks.Project;

if (args is ["lineage-throughput", .. var rest])
{
    return LineageThroughput.Run(rest);
}

if (args is ["tick-latency", .. var tickArgs])
{
    return await ImpactBot.Benchmarks.Platform.TickLatency.RunAsync(tickArgs);
}

if (args is ["project-scale", .. var scaleArgs])
{
    return ProjectScale.Run(scaleArgs);
}

if (args is ["report-size", .. var sizeArgs])
{
    return ReportSize.Run(sizeArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(SqlPipelineBenchmarks).Assembly).Run(args);
return 0;
