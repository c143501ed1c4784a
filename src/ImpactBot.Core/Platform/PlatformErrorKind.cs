namespace ImpactBot.Core.Platform;

/// <summary>
/// What went wrong with a GitHub or GitLab call, whatever the platform. Each adapter maps its HTTP answers to these once;
/// the CLI maps these to exit codes and advice once.
/// </summary>
public enum PlatformErrorKind
{
    /// <summary>Anything not listed below (an unexpected 4xx, a malformed answer).</summary>
    Other,

    /// <summary>The token was rejected (401): missing, wrong, expired or revoked.</summary>
    Unauthorized,

    /// <summary>The token is valid but may not do this (403): a missing permission, scope or role.</summary>
    Forbidden,

    /// <summary>Not there, or not visible to the token (404).</summary>
    NotFound,

    /// <summary>The resource's state refused the change (409, a status transition).</summary>
    Conflict,

    /// <summary>The text is over the platform's limit (413, 422 "too long").</summary>
    TooLarge,

    /// <summary>Throttled longer than the client was allowed to wait (429, 403 with no remaining quota).</summary>
    RateLimited,

    /// <summary>The platform failed or could not be reached (5xx, timeouts) after the retries that were safe.</summary>
    Unavailable,
}
