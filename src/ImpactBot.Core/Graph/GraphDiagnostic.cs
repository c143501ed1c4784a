namespace ImpactBot.Core.Graph;

/// <summary>A problem tied to a file position: what went wrong, where, and (in the message) what to do.</summary>
public sealed record GraphDiagnostic(string Code, string Message, string Path, int Line, int Column)
{
    public string Location => Line > 0 ? $"{Path}:{Line}:{Column}" : Path;

    public override string ToString() => $"{Location}: {Code}: {Message}";
}
