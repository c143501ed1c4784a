using System.Collections.Immutable;
using ImpactBot.Core.Platform;

namespace ImpactBot.Core.Publishing;

/// <param name="Description">One line of at most <see cref="StatusEvaluator.MaxDescriptionLength"/> characters.</param>
/// <param name="Blocking">Items that keep the status failing, unconfirmed ticks included.</param>
/// <param name="Unconfirmed">Ticked items whose acknowledger is unknown or not allowed to acknowledge them.</param>
public sealed record StatusDecision(StatusState State, string Description, ImmutableArray<ChecklistItem> Blocking, ImmutableArray<ChecklistItem> Unconfirmed);
