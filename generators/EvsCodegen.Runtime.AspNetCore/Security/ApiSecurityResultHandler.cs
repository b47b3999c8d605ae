using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace EvsCodegen.Runtime.AspNetCore;

/// <summary>
/// Answers a request refused by an <see cref="ApiSecurityAttribute"/> in the document's error shape: 401 when credentials
/// are missing or not valid, 403 when they lack a scope or role; the schemes' handlers are asked to challenge or forbid
/// first, so their <c>WWW-Authenticate</c> headers stay. Every other authorization result goes to ASP.NET Core's default
/// handling. Registered by the generated <c>Add…Controllers()</c> through <see cref="ApiSecurityServiceCollectionExtensions.AddApiSecurityAnswers"/>.
/// </summary>
public sealed class ApiSecurityResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    /// <inheritdoc/>
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        var security = context.GetEndpoint()?.Metadata.GetMetadata<ApiSecurityAttribute>();
        if (security is null || authorizeResult.Succeeded || !(authorizeResult.Challenged || authorizeResult.Forbidden))
        {
            await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }

        var reason = authorizeResult.AuthorizationFailure?.FailureReasons.OfType<ApiSecurityFailureReason>().FirstOrDefault();
        var status = authorizeResult.Challenged ? 401 : reason?.StatusCode ?? 403;
        var message = status == 401
            ? (reason?.StatusCode == 401 ? reason.Message : $"The request needs credentials: {security.Requirement.Describe()}.")
            : reason?.Message ?? "The credentials do not allow this operation.";

        // The handlers' own challenges carry their WWW-Authenticate parameters (realm, error); kept across the error body.
        var schemes = context.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>();
        foreach (var use in security.Requirement.Alternatives.SelectMany(a => a).DistinctBy(u => u.Scheme))
        {
            if (await schemes.GetSchemeAsync(use.Scheme).ConfigureAwait(false) is not null)
            {
                await (status == 401 ? context.ChallengeAsync(use.Scheme) : context.ForbidAsync(use.Scheme)).ConfigureAwait(false);
            }
        }

        if (context.Response.HasStarted)
        {
            return;
        }

        var challenges = context.Response.Headers.WWWAuthenticate;
        if (status == 401 && StringValues.IsNullOrEmpty(challenges))
        {
            challenges = new StringValues(security.Requirement.Alternatives.SelectMany(a => a).Select(u => u.Challenge).OfType<string>().Distinct(StringComparer.Ordinal).ToArray());
        }

        if (!StringValues.IsNullOrEmpty(challenges))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.WWWAuthenticate = challenges;
                return Task.CompletedTask;
            });
        }

        await ApiServerRuntime.WriteErrorAsync(context, security.Faults, status, message).ConfigureAwait(false);
    }
}

/// <summary>Registers the answers of the OpenAPI security requirements of generated controllers.</summary>
public static class ApiSecurityServiceCollectionExtensions
{
    /// <summary>
    /// Makes requests refused by a generated action's security requirement answer in the document's error shape
    /// (<see cref="ApiSecurityResultHandler"/>), and adds ASP.NET Core authorization. Safe to call twice. The
    /// authentication schemes themselves are the host's: <c>services.AddAuthentication().AddScheme&lt;…&gt;("name", …)</c>
    /// with the document's scheme names.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddApiSecurityAnswers(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAuthorization();
        if (!services.Any(d => d.ServiceType == typeof(IAuthorizationMiddlewareResultHandler) && d.ImplementationType == typeof(ApiSecurityResultHandler)))
        {
            services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiSecurityResultHandler>();
        }

        return services;
    }
}
