namespace ImpactBot.Cli.Serve;

/// <summary>What a webhook did, returned as the 202 body (and logged): no secrets, no payload content.</summary>
internal sealed record WebhookResult(string Outcome, string Detail);
