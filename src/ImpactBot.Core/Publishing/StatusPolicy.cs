using ImpactBot.Core.Config;
namespace ImpactBot.Core.Publishing;

/// <param name="FailOn">The least severe unacknowledged impact that fails the status.</param>
/// <param name="OwnersOnlyAcknowledgement">
/// When on, a tick counts only if the recorded acknowledger is an owner of the item or a trusted user (maintainer).
/// </param>
public sealed record StatusPolicy(FailOn FailOn = FailOn.Breaking, bool OwnersOnlyAcknowledgement = false);
