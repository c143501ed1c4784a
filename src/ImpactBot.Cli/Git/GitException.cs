namespace ImpactBot.Cli.Git;

/// <summary>git failed or is missing; the message names the command and what git said.</summary>
public sealed class GitException : Exception
{
    public GitException(string message)
        : base(message)
    {
    }

    public GitException()
    {
    }

    public GitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
