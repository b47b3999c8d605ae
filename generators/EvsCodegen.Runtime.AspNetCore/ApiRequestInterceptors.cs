using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EvsCodegen.Runtime.AspNetCore;

/// <summary>
/// The <see cref="IApiRequestInterceptor"/>s of the endpoints one generated <c>Map…Api</c> call maps. When the
/// application registers every interceptor as a singleton (and <see cref="ApiEndpointServiceCollectionExtensions.AddApiEndpointServices"/> lets it see the
/// registrations), the list is taken once, at the first request, and reused: each request then runs the same instances it
/// would have resolved. Otherwise (a scoped or transient interceptor, registrations it cannot see, or a request served
/// by another container than the application's) the list is resolved from each request's services, as
/// <see cref="ApiServerRuntime.InterceptAsync"/> does.
/// </summary>
public sealed class ApiRequestInterceptors
{
    // The application's services (the route builder's) and its recorded registrations; null when they are unknown.
    private readonly IServiceProvider _application;
    private readonly ApiServiceRegistrations? _registrations;

    // Taken once when the list is the application's; null while undecided or when every request resolves its own.
    private IApiRequestInterceptor[]? _list;

    // Set when the registrations are unknown or the first request found the list to be per request: no second look.
    private bool _perRequest;

    private ApiRequestInterceptors(IServiceProvider application)
    {
        _application = application;
        _registrations = application.GetService(typeof(ApiServiceRegistrations)) as ApiServiceRegistrations;
        _perRequest = _registrations is null;
    }

    /// <summary>
    /// The interceptors of endpoints mapped on <paramref name="endpoints"/>: decided at the first request from the
    /// registrations that <see cref="ApiEndpointServiceCollectionExtensions.AddApiEndpointServices"/> recorded (resolved per request when it was not called).
    /// </summary>
    /// <param name="endpoints">The route builder the endpoints are mapped on; its services are the application's.</param>
    /// <returns>The interceptors to run, one instance per mapping.</returns>
    public static ApiRequestInterceptors For(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return For(endpoints.ServiceProvider);
    }

    /// <summary>
    /// The interceptors of endpoints served from <paramref name="applicationServices"/>: decided at the first request
    /// from the registrations that <see cref="ApiEndpointServiceCollectionExtensions.AddApiEndpointServices"/> recorded (resolved per request when it was not
    /// called).
    /// </summary>
    /// <param name="applicationServices">The application's root services (<c>IEndpointRouteBuilder.ServiceProvider</c>).</param>
    /// <returns>The interceptors to run, one instance per mapping.</returns>
    public static ApiRequestInterceptors For(IServiceProvider applicationServices)
    {
        ArgumentNullException.ThrowIfNull(applicationServices);
        return new ApiRequestInterceptors(applicationServices);
    }

    /// <summary>
    /// Runs the interceptors in registration order, as <see cref="ApiServerRuntime.InterceptAsync"/> does (same context,
    /// same isolation of the caller's execution context, an exception stops the rest).
    /// </summary>
    /// <param name="http">The request.</param>
    /// <param name="operationId">The document's operationId.</param>
    /// <returns>A task that completes when the request may go on.</returns>
    public ValueTask InterceptAsync(HttpContext http, string operationId)
    {
        ArgumentNullException.ThrowIfNull(http);
        var list = _list;
        if (list is null)
        {
            return _perRequest ? ApiServerRuntime.InterceptAsync(http, operationId) : DecideAsync(http, operationId);
        }

        return list.Length == 0 ? default : ApiServerRuntime.InterceptAllAsync(list, new ApiRequestContext(operationId, http));
    }

    // The first request (or the first few, when they race): resolve as every request would, and keep the list when it is
    // provably the application's: every registration the collection holds is a singleton, the request's container lists
    // exactly that many, and the application's own container lists the very same instances (so the request's services are
    // the application's, not another container's). Containers build a new array each time; the instances are what count.
    private ValueTask DecideAsync(HttpContext http, string operationId)
    {
        var resolved = http.RequestServices.GetService(typeof(IEnumerable<IApiRequestInterceptor>));
        if (resolved is IApiRequestInterceptor[] array
            && _registrations?.SingletonInterceptors() == array.Length
            && _application.GetService(typeof(IEnumerable<IApiRequestInterceptor>)) is IApiRequestInterceptor[] own
            && SameInstances(own, array))
        {
            _list = own;
        }
        else
        {
            _perRequest = true;
        }

        return ApiServerRuntime.InterceptResolvedAsync(resolved, http, operationId);
    }

    private static bool SameInstances(IApiRequestInterceptor[] left, IApiRequestInterceptor[] right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (!ReferenceEquals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }
}
