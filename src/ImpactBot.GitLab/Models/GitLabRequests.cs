namespace ImpactBot.GitLab.Models;

/// <summary>Request bodies; GitLab accepts JSON bodies on every endpoint used here.</summary>
internal sealed record NoteBody(string Body);

internal sealed record AwardEmojiBody(string Name);

/// <summary>POST /projects/:id/pipeline: a branch pipeline with CI/CD variables (the merge request pipeline API takes none).</summary>
internal sealed record PipelineBody(string Ref, IReadOnlyList<PipelineVariable> Variables);

internal sealed record PipelineVariable(string Key, string Value)
{
    public string VariableType { get; init; } = "env_var";
}

internal sealed record CommitStatusBody(string State, string Name)
{
    public string? Ref { get; init; }

    public string? TargetUrl { get; init; }

    public string? Description { get; init; }

    public long? PipelineId { get; init; }
}
