namespace ImpactBot.Cli;

/// <summary>The documented exit codes (README "Exit codes"). One table, used by every command.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The input could not be read at all (a query with no readable statement), or a runtime failure.</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments or configuration.</summary>
    public const int BadInput = 2;

    /// <summary>The report has an unacknowledged impact at or above <c>--fail-on</c>.</summary>
    public const int FailOnMet = 3;

    /// <summary>
    /// The report was printed, but the input has a problem that fails the check: two models of one name, or a changed
    /// file that is not text (README "Exit codes").
    /// </summary>
    public const int InputErrors = 4;

    public const int Cancelled = 130;
}
