using ImpactBot.Core.Report;

namespace ImpactBot.Core.Publishing;

/// <summary>How a review session publishes: comment mode, status name and policy, markdown flavour and limits.</summary>
public sealed record ReviewSessionOptions
{
    public string StatusContext { get; init; } = "impactbot";

    public StatusPolicy Policy { get; init; } = new();

    public PublishMode Mode { get; init; } = PublishMode.Update;

    public MarkdownOptions Markdown { get; init; } = MarkdownOptions.GitHub;

    public CommentPublisherOptions Publisher { get; init; } = new();
}
