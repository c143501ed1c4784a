namespace ImpactBot.GitLab.Errors;

/// <summary>What went wrong on which call: method, path (without query or token), HTTP status and GitLab's message.</summary>
public sealed record GitLabFailure(string Method, string Path, int? StatusCode, string? GitLabMessage);
