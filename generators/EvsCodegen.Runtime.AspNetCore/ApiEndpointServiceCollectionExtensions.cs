using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EvsCodegen.Runtime.AspNetCore;

/// <summary>Registrations of the generated minimal-API endpoints.</summary>
public static class ApiEndpointServiceCollectionExtensions
{
    /// <summary>
    /// Lets the generated endpoints see how <see cref="IApiRequestInterceptor"/>s are registered, so that a list of
    /// singletons is taken once per mapping (<see cref="ApiRequestInterceptors"/>) instead of from every request's
    /// services. The generated <c>Add…Endpoints</c> calls it; call it yourself when you register the backend another way.
    /// </summary>
    /// <param name="services">The application's service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddApiEndpointServices(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(new ApiServiceRegistrations(services));
        return services;
    }
}

/// <summary>The application's service collection, read once the container is built for the interceptors' lifetimes.</summary>
internal sealed class ApiServiceRegistrations(IServiceCollection services)
{
    /// <summary>
    /// The number of interceptors the container lists for <c>IEnumerable&lt;IApiRequestInterceptor&gt;</c> when every one
    /// is registered as a singleton; -1 when one is scoped or transient.
    /// </summary>
    public int SingletonInterceptors()
    {
        var count = 0;
        foreach (var descriptor in services)
        {
            // Keyed registrations are not part of the unkeyed list.
            if (descriptor.ServiceType != typeof(IApiRequestInterceptor) || descriptor.IsKeyedService)
            {
                continue;
            }

            if (descriptor.Lifetime != ServiceLifetime.Singleton)
            {
                return -1;
            }

            count++;
        }

        return count;
    }
}
