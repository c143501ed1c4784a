namespace ImpactBot.Core.Platform;

/// <summary>Base of the errors adapters raise after their retries; the CLI maps them to exit codes and messages.</summary>
public class PlatformException : Exception
{
    public PlatformException(string message, int? statusCode = null, Exception? inner = null)
        : base(message, inner) => StatusCode = statusCode;

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
}
