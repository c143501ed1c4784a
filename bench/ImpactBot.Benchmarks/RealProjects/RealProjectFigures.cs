using System.Globalization;
using ImpactBot.Core.Graph;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Benchmarks.RealProjects;

/// <summary>
/// What one real project's build gave. <see cref="ModelLevelShare"/>: of the dependencies of SQL models on what they
/// read (each model × upstream asset), the share an impact can only cross at model level — the model failed, or none of
/// its column or row edges comes from that upstream (an opaque star, an unresolved relation).
/// </summary>
internal sealed record RealProjectFigures(
    string Name,
    string Inputs,
    int Models,
    int Complete,
    int Inferred,
    int Partial,
    int Failed,
    double ModelLevelShare,
    double BuildSeconds,
    double PeakMegabytes)
{
    public const string MarkdownHeader =
        "| project | inputs | models | complete | inferred | partial | failed | model-level dependencies | read + graph | whole child process | peak memory |\n" +
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

    public double ProcessSeconds { get; init; }

    public string? SlowestModel { get; init; }

    public static RealProjectFigures Of(RealProject project, LineageGraph graph, double seconds, double peakMegabytes)
    {
        var models = graph.Assets.Where(a => a.Type == AssetType.Model).ToList();
        var dependencies = 0;
        var modelLevel = 0;
        foreach (var model in models)
        {
            var read = model.Columns.SelectMany(c => c.Sources).Concat(model.RowSources).Select(e => e.Asset).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var upstream in model.DependsOn.Where(u => graph.Find(u) is not null))
            {
                dependencies++;
                if (model.Status == LineageStatus.Failed || !read.Contains(upstream))
                {
                    modelLevel++;
                }
            }
        }

        return new RealProjectFigures(
            project.Name,
            project.Inputs,
            models.Count,
            models.Count(m => m.Status == LineageStatus.Complete),
            models.Count(m => m.Status == LineageStatus.Inferred),
            models.Count(m => m.Status == LineageStatus.Partial),
            models.Count(m => m.Status == LineageStatus.Failed),
            dependencies == 0 ? 0 : (double)modelLevel / dependencies,
            seconds,
            peakMegabytes);
    }

    public string Line() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name} ({Inputs}): {Models} models, {Complete} complete, {Inferred} inferred, {Partial} partial, {Failed} failed; {ModelLevelShare:P0} model-level dependencies; read + graph {BuildSeconds:F1} s, process {ProcessSeconds:F1} s, peak {PeakMegabytes:F0} MB{(SlowestModel is null ? "" : "; slowest model " + SlowestModel)}");

    public string MarkdownRow() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Name} | {Inputs} | {Models} | {Percent(Complete)} | {Percent(Inferred)} | {Percent(Partial)} | {Percent(Failed)} | {ModelLevelShare:P0} | {BuildSeconds:F1} s | {ProcessSeconds:F1} s | {PeakMegabytes:F0} MB |");

    private string Percent(int count) => string.Create(CultureInfo.InvariantCulture, $"{count} ({(Models == 0 ? 0 : 100.0 * count / Models):F0}%)");
}
