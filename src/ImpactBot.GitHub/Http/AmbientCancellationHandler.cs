namespace ImpactBot.GitHub.Http;

/// <summary>
/// Octokit's client methods take no CancellationToken; this handler links the token of the current resilience attempt
/// (set with <see cref="Use"/> in the same async flow) to every request, so attempt timeouts, the time budget and the
/// caller's cancellation really abort the HTTP call.
/// </summary>
internal sealed class AmbientCancellationHandler : DelegatingHandler
{
    private static readonly AsyncLocal<CancellationToken> Current = new();

    public AmbientCancellationHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>Applies to requests sent later in the calling async method (AsyncLocal values flow down, not back up).</summary>
    public static void Use(CancellationToken cancellationToken) => Current.Value = cancellationToken;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var ambient = Current.Value;
        if (!ambient.CanBeCanceled)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ambient);
        return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
    }
}
