namespace ImpactBot.Testing.Http;

/// <summary>One request a <see cref="LoopbackServer"/> received: the raw path (percent-encoding kept), query, headers and body.</summary>
public sealed record RecordedRequest(
    string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
