namespace ImpactBot.Core.Platform;

/// <summary>
/// Base of the errors adapters raise after their retries. <see cref="Kind"/> is the platform-neutral case the CLI maps to
/// an exit code and advice; the message names the call and the platform's own words.
/// </summary>
public class PlatformException : Exception
{
    public PlatformException(string message, int? statusCode = null, Exception? inner = null)
        : this(message, KindOf(statusCode), statusCode, inner)
    {
    }

    public PlatformException(string message, PlatformErrorKind kind, int? statusCode, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        Kind = kind;
    }

    public PlatformException()
    {
    }

    public PlatformException(string message)
        : base(message)
    {
    }

    public PlatformException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int? StatusCode { get; }

    public PlatformErrorKind Kind { get; }

    /// <summary>"GitHub" or "GitLab", for advice that differs by platform.</summary>
    public virtual string PlatformName => "the platform";

    /// <summary>The kind an HTTP status means when the adapter knows nothing more.</summary>
    public static PlatformErrorKind KindOf(int? statusCode) => statusCode switch
    {
        401 => PlatformErrorKind.Unauthorized,
        403 => PlatformErrorKind.Forbidden,
        404 => PlatformErrorKind.NotFound,
        409 => PlatformErrorKind.Conflict,
        413 => PlatformErrorKind.TooLarge,
        429 => PlatformErrorKind.RateLimited,
        >= 500 => PlatformErrorKind.Unavailable,
        _ => PlatformErrorKind.Other,
    };
}
