using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>
/// The generated controllers of one assembly, served by Kestrel on 127.0.0.1 (a port the system picks) over the
/// given implementations of the contract interfaces.
/// </summary>
internal sealed class GeneratedServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GeneratedServerHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts the server.</summary>
    public static async Task<GeneratedServerHost> StartAsync(Assembly generated, IReadOnlyDictionary<Type, object> implementations)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        foreach (var (contract, implementation) in implementations)
        {
            builder.Services.AddSingleton(contract, implementation);
        }

        builder.Services.AddControllers().PartManager.ApplicationParts.Add(new AssemblyPart(generated));
        var app = builder.Build();
        app.MapControllers();
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GeneratedServerHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
