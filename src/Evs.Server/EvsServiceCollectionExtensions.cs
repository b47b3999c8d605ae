using Evs.Backend;
using Evs.Snapshots;
using EvsCodegen.Runtime.AspNetCore;

namespace Evs.Server;

/// <summary>Registers the emulator's services: the generated controller over the in-memory backend, and the EVS rules.</summary>
public static class EvsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the generated controller (<c>AddSnapshotsApiServer</c>) or minimal-API endpoints
    /// (<c>AddSnapshotsApiEndpoints</c>) with <see cref="InMemorySnapshotsApi"/> as their backend, the <c>authToken</c> authentication scheme its actions require, the store over
    /// <paramref name="seed"/>, the clock and the project-scope rule.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="seed">The tokens and snapshots the store starts with.</param>
    /// <param name="flavour">The server flavour: the generated controller or the generated minimal-API endpoints.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddEvsEmulator(this IServiceCollection services, SeedData seed, EvsServerFlavour flavour)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(seed);
#if EVS_MINIMAL_ONLY
        _ = flavour;
        services.AddSnapshotsApiEndpoints<InMemorySnapshotsApi>();
#else
        if (flavour == EvsServerFlavour.Minimal)
        {
            services.AddSnapshotsApiEndpoints<InMemorySnapshotsApi>();
        }
        else
        {
            services.AddSnapshotsApiServer<InMemorySnapshotsApi>();
        }
#endif
        // The document's security scheme 'authToken', which the generated actions require by that name.
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, EvsTokenAuthenticationHandler>(EvsTokenAuthenticationHandler.SchemeName, null);
        services.AddSingleton(new SnapshotStore(seed));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CallerContext>();
        services.AddSingleton<IApiRequestInterceptor, ProjectScopeInterceptor>();
        return services;
    }
}
