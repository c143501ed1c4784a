namespace ImpactBot.Core.Platform;

public sealed record ReviewComment(long Id, string Author, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
