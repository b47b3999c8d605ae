using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// A server that answers whatever a test tells it to, on 127.0.0.1 with a free port (two of them are two origins),
/// recording every request it receives: method, path, <c>X-Auth-Token</c> and body length.
/// </summary>
public sealed class HostileServer : IAsyncDisposable
{
    /// <summary>A snapshot answer as EVS writes it.</summary>
    public const string SnapshotJson = """{"snapshot":{"id":"f9faf7df-fdc1-4093-9ef3-5cba06eef995","status":"available","name":"snap-001","description":"Daily backup","created_at":"2013-02-25T03:56:53.081642","updated_at":"2026-11-28T04:08:19.288408","metadata":{},"volume_id":"5aa119a8-d25b-45a7-8d1b-88e127885635","size":1}}""";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Method, string Path, string? Token, long BodyLength)> _received = new();

    private HostileServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<(string Method, string Path, string? Token, long BodyLength)> Received => [.. _received];

    public static async Task<HostileServer> StartAsync(Func<HttpContext, Task> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        HostileServer? server = null;
        app.Run(async context =>
        {
            var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            server!._received.Enqueue((context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.Headers["X-Auth-Token"].FirstOrDefault(), body.Length));
            await answer(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new HostileServer(app, new Uri(address + "/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
