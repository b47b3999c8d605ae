using System.Security.Claims;
using System.Text.Encodings.Web;
using Evs.Backend;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Evs.Server;

/// <summary>
/// The ASP.NET Core authentication scheme named after the document's <c>authToken</c> security scheme, which the generated
/// controller's actions require. <see cref="EvsRequestGuard"/> has already answered 401 for a missing, repeated or unknown
/// <c>X-Auth-Token</c> (in the contract's order, before 404) and recorded the caller; this scheme turns that caller into the
/// request's user (name = project, roles = the token's roles). Without the guard it looks the token up itself.
/// </summary>
public sealed class EvsTokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SnapshotStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name: the security scheme's name in <c>openapi/evs-snapshots.yaml</c>.</summary>
    public const string SchemeName = "authToken";

    /// <inheritdoc/>
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var values = Request.Headers["X-Auth-Token"];
        var token = Context.RequestServices.GetRequiredService<CallerContext>().Token
            ?? (values.Count == 1 ? store.FindToken(values[0]) : null);
        if (token is null)
        {
            return Task.FromResult(values.Count == 0 ? AuthenticateResult.NoResult() : AuthenticateResult.Fail("The token in X-Auth-Token is not valid."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, token.ProjectId), .. token.Roles.Select(role => new Claim(ClaimTypes.Role, role))], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
