using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImpactBot.Testing.Http;

/// <summary>
/// A Kestrel minimal-API server on 127.0.0.1 with a port the OS picks, for fakes of remote HTTP APIs. Every request is
/// recorded (body buffered, so handlers can read it again) before the endpoints run.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests;

    private LoopbackServer(WebApplication app, ConcurrentQueue<RecordedRequest> requests, Uri baseAddress)
    {
        this.app = app;
        this.requests = requests;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>Forgets the recorded requests, so one server can serve a whole fixture.</summary>
    public void ClearRequests() => requests.Clear();

    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> mapEndpoints, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapEndpoints);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var requests = new ConcurrentQueue<RecordedRequest>();
        app.Use(async (context, next) =>
        {
            requests.Enqueue(await RecordAsync(context).ConfigureAwait(false));
            await next(context).ConfigureAwait(false);
        });
        mapEndpoints(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new LoopbackServer(app, requests, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await app.StopAsync(stop.Token).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        context.Request.Body.Position = 0;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new RecordedRequest(
            context.Request.Method,
            queryStart < 0 ? rawTarget : rawTarget[..queryStart],
            queryStart < 0 ? "" : rawTarget[queryStart..],
            headers,
            body);
    }
}
