using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EvsCodegen.TestSupport;

/// <summary>
/// Generated controllers served by Kestrel on 127.0.0.1 (a port the system picks), for client → server → client round
/// trips: the caller registers the controllers and the implementations of their contracts.
/// </summary>
public sealed class KestrelHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts a host whose services <paramref name="configure"/> registers; every controller is mapped.</summary>
    public static Task<KestrelHost> StartAsync(Action<IServiceCollection> configure) => StartAsync(configure, null);

    /// <summary>
    /// Starts a host whose services <paramref name="configure"/> registers and whose pipeline <paramref name="pipeline"/>
    /// sets up before the controllers are mapped (e.g. <c>UseExceptionHandler</c>).
    /// </summary>
    public static Task<KestrelHost> StartAsync(Action<IServiceCollection> configure, Action<WebApplication>? pipeline) => StartAsync(configure, pipeline, null);

    /// <summary>
    /// Starts a host whose services <paramref name="configure"/> registers, whose pipeline <paramref name="pipeline"/> sets
    /// up, and whose endpoints <paramref name="endpoints"/> maps (the generated minimal-API endpoints, no MVC); every
    /// controller is mapped instead when it is null.
    /// </summary>
    public static async Task<KestrelHost> StartAsync(Action<IServiceCollection> configure, Action<WebApplication>? pipeline, Action<WebApplication>? endpoints)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        configure(builder.Services);
        var app = builder.Build();
        pipeline?.Invoke(app);
        if (endpoints is null)
        {
            app.MapControllers();
        }
        else
        {
            endpoints(app);
        }

        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new KestrelHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>A client of this host.</summary>
    public HttpClient Client() => new() { BaseAddress = Address };

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
