using System.Collections.Immutable;

namespace ImpactBot.Core.Platform;

/// <summary>
/// The status the bot reports on the head commit. <see cref="Summary"/> (markdown) and <see cref="Annotations"/> are used where
/// the platform has check runs; a commit status carries only the state and the one-line description.
/// </summary>
public sealed record CommitStatus(string Sha, string Context, StatusState State, string Description)
{
    public string? Summary { get; init; }

    public string? TargetUrl { get; init; }

    public ImmutableArray<StatusAnnotation> Annotations { get; init; } = [];
}

/// <summary>A note on a changed line, e.g. where a column that downstream models read is removed.</summary>
public sealed record StatusAnnotation(string Path, int Line, string Title, string Message);
