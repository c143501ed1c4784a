using ImpactBot.Core.Config;

namespace ImpactBot.Core.Publishing;

/// <param name="FailOn">The least severe unacknowledged impact that fails the status.</param>
/// <param name="OwnersOnlyAcknowledgement">
/// When on, a tick counts only if the recorded acknowledger is an owner of the item or a trusted user (maintainer).
/// </param>
public sealed record StatusPolicy(FailOn FailOn = FailOn.Breaking, bool OwnersOnlyAcknowledgement = false)
{
    /// <summary>The policy of a repository: its <c>.impactbot.yml</c>, with a <c>fail-on</c> given by the CI or serve settings winning.</summary>
    public static StatusPolicy From(ImpactBotConfig config, FailOn? failOnOverride)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new(failOnOverride ?? config.FailOn, config.Acknowledge == AcknowledgePolicy.OwnersOnly);
    }
}
