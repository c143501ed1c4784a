using ImpactBot.Core.Config;

namespace ImpactBot.Core.Publishing;

/// <param name="FailOn">The least severe unacknowledged impact that fails the status.</param>
/// <param name="Acknowledge">
/// Whose ticks count. With <see cref="AcknowledgePolicy.AnyoneWithWrite"/> every tick counts (the platform let its author edit
/// the comment); otherwise only ticks whose recorded acknowledger the rules accept.
/// </param>
public sealed record StatusPolicy(FailOn FailOn = FailOn.Breaking, AcknowledgePolicy Acknowledge = AcknowledgePolicy.AnyoneWithWrite)
{
    /// <summary>The policy of a repository: its <c>.impactbot.yml</c>, with a <c>fail-on</c> given by the CI or serve settings winning.</summary>
    public static StatusPolicy From(ImpactBotConfig config, FailOn? failOnOverride)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new(failOnOverride ?? config.FailOn, config.Acknowledge);
    }
}
