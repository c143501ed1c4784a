namespace ImpactBot.Cli.Serve;

/// <summary>
/// What a verified webhook turned into, decided without calling the platform: nothing to do (202), a payload the bot cannot
/// read (400 with the reason), or work to run (queued, or run in the request).
/// </summary>
internal sealed record WebhookIntake(int StatusCode, WebhookResult Result)
{
    /// <summary>The work to run; null when there is nothing to do.</summary>
    public Func<CancellationToken, Task<WebhookResult>>? Work { get; init; }

    public static WebhookIntake Ignored(string detail) => new(202, new("ignored", detail));

    public static WebhookIntake Malformed(string reason) => new(400, new("malformed", reason));

    public static WebhookIntake Run(string what, Func<CancellationToken, Task<WebhookResult>> work) => new(202, new("queued", what)) { Work = work };
}
