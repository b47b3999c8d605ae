using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace EvsCodegen.Runtime.AspNetCore;

/// <summary>
/// An OpenAPI security requirement: one of <see cref="Alternatives"/> must hold, and an alternative holds when every
/// scheme it names authenticates the request (<c>HttpContext.AuthenticateAsync(scheme)</c>) with the scopes or roles it
/// asks for. It is its own handler (ASP.NET Core's pass-through handler runs it), so nothing else needs registering. A
/// failure says whether credentials are missing (401) or an authenticated caller lacks a scope or role (403).
/// </summary>
public sealed class ApiSecurityRequirement : AuthorizationHandler<ApiSecurityRequirement>, IAuthorizationRequirement
{
    private static readonly string[] s_scopeClaims = ["scope", "scp", "http://schemas.microsoft.com/identity/claims/scope"];

    /// <summary>Creates the requirement.</summary>
    /// <param name="alternatives">The alternatives; one with no scheme lets every request through.</param>
    public ApiSecurityRequirement(IReadOnlyList<IReadOnlyList<ApiSecuritySchemeUse>> alternatives)
    {
        Alternatives = alternatives ?? throw new ArgumentNullException(nameof(alternatives));
    }

    /// <summary>The alternatives, in document order.</summary>
    public IReadOnlyList<IReadOnlyList<ApiSecuritySchemeUse>> Alternatives { get; }

    /// <summary>What the requirement asks for, for messages: <c>bearerAuth, or apiKey and oauth2 (scopes read)</c>.</summary>
    public string Describe() => string.Join(", or ", Alternatives.Select(a => a.Count == 0 ? "nothing" : string.Join(" and ", a.Select(Describe))));

    /// <inheritdoc/>
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiSecurityRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        var http = context.Resource as HttpContext
            ?? throw new InvalidOperationException("An OpenAPI security requirement is checked on an HTTP request; the authorization resource is not one.");
        string? lacking = null;
        foreach (var alternative in requirement.Alternatives)
        {
            var authenticated = true;
            string? missing = null;
            foreach (var use in alternative)
            {
                var result = await http.AuthenticateAsync(use.Scheme).ConfigureAwait(false);
                if (!result.Succeeded || result.Principal is null)
                {
                    authenticated = false;
                    break;
                }

                missing ??= Missing(use, result.Principal);
            }

            if (authenticated && missing is null)
            {
                context.Succeed(requirement);
                return;
            }

            if (authenticated)
            {
                lacking ??= missing;
            }
        }

        context.Fail(lacking is null
            ? new ApiSecurityFailureReason(this, 401, $"The request needs credentials: {requirement.Describe()}.")
            : new ApiSecurityFailureReason(this, 403, $"The credentials are valid but lack {lacking}."));
    }

    private static string? Missing(ApiSecuritySchemeUse use, ClaimsPrincipal principal)
    {
        foreach (var scope in use.Scopes)
        {
            var held = use.ScopesAreClaims
                ? principal.Claims.Any(c => Array.IndexOf(s_scopeClaims, c.Type) >= 0 && c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal))
                : principal.IsInRole(scope);
            if (!held)
            {
                return $"the {(use.ScopesAreClaims ? "scope" : "role")} '{scope}' of '{use.Scheme}'";
            }
        }

        return null;
    }

    private static string Describe(ApiSecuritySchemeUse use) =>
        use.Scopes.Count == 0 ? use.Scheme : $"{use.Scheme} ({(use.ScopesAreClaims ? "scopes" : "roles")} {string.Join(" ", use.Scopes)})";
}

/// <summary>Why an <see cref="ApiSecurityRequirement"/> failed, and the status the answer has.</summary>
public sealed class ApiSecurityFailureReason : AuthorizationFailureReason
{
    /// <summary>Creates the reason.</summary>
    /// <param name="handler">The requirement that failed.</param>
    /// <param name="statusCode">401 when credentials are missing or not valid, 403 when a scope or role is lacking.</param>
    /// <param name="message">The message of the answer.</param>
    public ApiSecurityFailureReason(IAuthorizationHandler handler, int statusCode, string message)
        : base(handler, message)
    {
        StatusCode = statusCode;
    }

    /// <summary>401 or 403.</summary>
    public int StatusCode { get; }
}
