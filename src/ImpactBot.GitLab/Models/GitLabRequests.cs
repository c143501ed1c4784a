namespace ImpactBot.GitLab.Models;

/// <summary>Request bodies; GitLab accepts JSON bodies on every endpoint used here.</summary>
internal sealed record NoteBody(string Body);

internal sealed record AwardEmojiBody(string Name);

internal sealed record CommitStatusBody(string State, string Name)
{
    public string? Ref { get; init; }

    public string? TargetUrl { get; init; }

    public string? Description { get; init; }

    public long? PipelineId { get; init; }
}
