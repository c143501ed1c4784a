using System.Collections.Immutable;

namespace ImpactBot.Core.Report;

/// <summary>
/// A row of "who must act": owners with the same items share one row, so each owner appears once. <see cref="Stale"/> are
/// consumers they own that are stale through a broken item of someone else.
/// </summary>
public sealed record OwnerRow(ImmutableArray<string> Owners, ImmutableArray<ReviewItem> Items, ImmutableArray<(ReviewItem Item, string Asset)> Stale);
