namespace ImpactBot.Cli;

/// <summary>The command line asks for something impossible (unknown dialect, missing file): exit code 2 with the message.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
