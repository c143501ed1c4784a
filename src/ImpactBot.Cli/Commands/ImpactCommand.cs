using System.CommandLine;
using ImpactBot.Core.Changes;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Report;

namespace ImpactBot.Cli.Commands;

/// <summary>
/// <c>impactbot impact --snapshot FILE orders.customer_id</c>: everything downstream of an asset or column, with owners —
/// "what would I need to update if I changed this?". Direct readers are listed as breaking (they would need an edit if the
/// column went away), everything further as values.
/// </summary>
internal static class ImpactCommand
{
    public static Command Create()
    {
        var snapshot = new Option<string>("--snapshot") { Description = "A snapshot written by `impactbot snapshot build`.", Required = true };
        var format = CommonOptions.Format("text", "text", "json", "markdown");
        var target = new Argument<string>("asset") { Description = "ASSET or ASSET.COLUMN, e.g. orders or orders.customer_id (sources: stripe.payments.amount)." };
        var command = new Command("impact", "List everything downstream of an asset or column, with owners.") { snapshot, format, target };
        command.SetAction((parse, _) => ExitCodeMap.RunAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var graph = SnapshotFiles.LoadRequired(parse.GetRequiredValue(snapshot));

            var change = Target(graph, parse.GetRequiredValue(target));
            var impacts = ImpactAnalyzer.Analyze(graph, graph, [change]);
            var report = new ImpactReport(graph.Commit, graph.Commit, [change], impacts, []) { Settings = graph.Settings };
            await parse.InvocationConfiguration.Output.WriteAsync(AnalyzeCommand.Render(report, parse.GetRequiredValue(format))).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static AssetChange Target(Core.Graph.LineageGraph graph, string text)
    {
        if (graph.Find(text) is { } asset)
        {
            return new AssetChange(asset.Id, asset.Type, AssetChangeKind.Removed) { Path = asset.Path };
        }

        var dot = text.LastIndexOf('.');
        if (dot > 0 && graph.Find(text[..dot]) is { } owner)
        {
            var column = text[(dot + 1)..];
            if (owner.FindColumn(column) is null && !owner.HasWildcard)
            {
                throw new UsageException($"{owner.Id} has no column '{column}'. Its columns: {string.Join(", ", owner.Columns.Select(c => c.Name))}.");
            }

            return new AssetChange(owner.Id, owner.Type, AssetChangeKind.Modified) { Path = owner.Path, Columns = [new ColumnChange(column, ColumnChangeKind.Removed)] };
        }

        throw new UsageException($"'{text}' is not an asset in the snapshot. Name a model, seed, snapshot or source table (source.table), optionally with .column.");
    }
}
