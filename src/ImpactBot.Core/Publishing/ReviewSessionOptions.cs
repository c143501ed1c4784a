using System.Collections.Immutable;
using ImpactBot.Core.Config;
using ImpactBot.Core.Report;

namespace ImpactBot.Core.Publishing;

/// <summary>How a review session publishes: comment mode, status name and policy, markdown flavour and limits.</summary>
public sealed record ReviewSessionOptions
{
    public string StatusContext { get; init; } = "impactbot";

    public StatusPolicy Policy { get; init; } = new();

    /// <summary>The <c>teams:</c> map of <c>.impactbot.yml</c>: team handle to member logins.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Teams { get; init; } = ImpactBotConfig.Default.Teams;

    public PublishMode Mode { get; init; } = PublishMode.Update;

    public MarkdownOptions Markdown { get; init; } = MarkdownOptions.GitHub;

    public CommentPublisherOptions Publisher { get; init; } = new();

    /// <summary>Where the status links to (the CI job, the run, the note); null: no link.</summary>
    public string? StatusTargetUrl { get; init; }

    /// <summary>
    /// The one way to build the options: the repository's configuration, the settings' <c>fail-on</c> (null: the file's),
    /// the status name and the platform's markdown. Callers add what only they know (mode, links, limits) with <c>with</c>.
    /// </summary>
    public static ReviewSessionOptions For(ImpactBotConfig config, FailOn? failOnOverride, string statusContext, MarkdownOptions markdown) => new()
    {
        StatusContext = statusContext,
        Policy = StatusPolicy.From(config, failOnOverride),
        Teams = config.Teams,
        Markdown = markdown with { Acknowledge = config.Acknowledge },
    };
}
