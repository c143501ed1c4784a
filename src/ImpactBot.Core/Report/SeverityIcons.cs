using ImpactBot.Core.Impact;

namespace ImpactBot.Core.Report;

internal static class SeverityIcons
{
    public static string Icon(this Severity severity) => severity switch
    {
        Severity.Breaking => "🔴",
        Severity.Values => "🟠",
        Severity.Schema => "🔵",
        _ => "⚪",
    };
}
