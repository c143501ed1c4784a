namespace ImpactBot.Core.Impact;

public static class SeverityNames
{
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Breaking => "breaking",
        Severity.Values => "values",
        Severity.Schema => "schema",
        _ => "info",
    };

    /// <summary>Parses a <c>--fail-on</c> value: breaking, values, any (= info and up), never (= null).</summary>
    public static bool TryParseFailOn(string text, out Severity? threshold)
    {
        threshold = null;
        switch (text.ToLowerInvariant())
        {
            case "breaking":
                threshold = Severity.Breaking;
                return true;
            case "values":
                threshold = Severity.Values;
                return true;
            case "schema":
                threshold = Severity.Schema;
                return true;
            case "any":
                threshold = Severity.Info;
                return true;
            case "never":
                return true;
            default:
                return false;
        }
    }
}
