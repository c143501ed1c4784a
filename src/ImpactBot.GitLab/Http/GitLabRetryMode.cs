namespace ImpactBot.GitLab.Http;

/// <summary>Which failures a request may be retried after.</summary>
internal enum GitLabRetryMode
{
    /// <summary>Reads, updates, deletes, statuses, emoji, and note creation guarded by a look-before-retry check.</summary>
    Transient,

    /// <summary>Creations that cannot be checked afterwards (a new pipeline): only a 429, which GitLab rejected unprocessed.</summary>
    RateLimitOnly,
}
