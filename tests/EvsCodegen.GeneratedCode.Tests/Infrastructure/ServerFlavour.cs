using EvsCodegen.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests;

/// <summary>The two generated servers: the MVC controller (<c>OpenApiEmit="server"</c>) and the minimal-API endpoints (<c>"minimal"</c>).</summary>
public enum ServerFlavour
{
    /// <summary>The generated controller, mapped by <c>MapControllers</c>.</summary>
    Mvc,

    /// <summary>The generated endpoints, mapped by their <c>Map…Api</c> extension; no MVC services at all.</summary>
    Minimal,
}

/// <summary>
/// Starts a document's generated server in either flavour over the same services, so one test body (a test class
/// whose derived class overrides its flavour) proves both servers behave alike.
/// </summary>
internal static class FlavourHost
{
    public static Task<KestrelHost> StartAsync(
        ServerFlavour flavour,
        Action<IServiceCollection> services,
        Action<IServiceCollection> addControllers,
        Action<WebApplication> mapEndpoints,
        Action<WebApplication>? pipeline = null) => flavour == ServerFlavour.Mvc
        ? KestrelHost.StartAsync(s => { services(s); addControllers(s); }, pipeline)
        : KestrelHost.StartAsync(services, pipeline, mapEndpoints);
}
