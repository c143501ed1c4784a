using BenchmarkDotNet.Running;
using ImpactBot.Benchmarks;
using ImpactBot.Benchmarks.Project;
using ImpactBot.Benchmarks.RealProjects;

if (args is ["lineage-throughput", .. var rest])
{
    return LineageThroughput.Run(rest);
}

if (args is ["real-projects", .. var realArgs])
{
    return RealProjectRun.Run(realArgs);
}

if (args is ["tick-latency", .. var tickArgs])
{
    return await ImpactBot.Benchmarks.Platform.TickLatency.RunAsync(tickArgs);
}

if (args is ["project-scale", .. var scaleArgs])
{
    return ProjectScale.Run(scaleArgs);
}

if (args is ["yaml-scale", .. var yamlArgs])
{
    return YamlScale.Run(yamlArgs);
}

if (args is ["manifest-scale", .. var manifestArgs])
{
    return ManifestScale.Run(manifestArgs);
}

if (args is ["report-size", .. var sizeArgs])
{
    return ReportSize.Run(sizeArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(SqlPipelineBenchmarks).Assembly).Run(args);
return 0;
