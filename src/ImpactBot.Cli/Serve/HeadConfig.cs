using ImpactBot.Dbt.Analysis;
using ImpactBot.Core.Config;
using ImpactBot.Dbt.Config;
using ImpactBot.Core.Platform;
using ImpactBot.Core.Publishing;
using Microsoft.Extensions.Logging;

namespace ImpactBot.Cli.Serve;

/// <summary>
/// The repository's <c>.impactbot.yml</c> at the head commit, read through the platform API (serve has no clone). A
/// missing file means the defaults; so does a file with errors, with a warning, so a bad edit never stops the webhook.
/// </summary>
internal static partial class HeadConfig
{
    public static async Task<ImpactBotConfig> ReadAsync(IReviewPlatform platform, string headSha, string where, ILogger logger, CancellationToken cancellationToken)
    {
        var text = await platform.ReadFileAsync(ProjectGraph.ConfigPath, headSha, cancellationToken).ConfigureAwait(false);
        var result = ImpactBotConfigReader.Read(text, ProjectGraph.ConfigPath);
        if (!result.HasErrors)
        {
            return result.Config;
        }

        LogBrokenConfig(logger, ProjectGraph.ConfigPath, where, headSha, string.Join("; ", result.Diagnostics));
        return ImpactBotConfig.Default;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} of {Where} at {Sha} has errors; the status uses the defaults: {Problems}")]
    private static partial void LogBrokenConfig(ILogger logger, string path, string where, string sha, string problems);
}
