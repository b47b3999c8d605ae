using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading;
using System.Threading.Tasks;
using EvsCodegen.Generators.Model;
using EvsCodegen.Runtime;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>
/// The round trip checks what data survives client → server → client, not who may call: the host registers, for every
/// security scheme the document names, an authentication scheme of that name that lets every request in with every scope
/// and role the document mentions, and the client gets a fixed token from <see cref="FixedTokens"/> (never the document's
/// token URL, which would leave 127.0.0.1). Enforcement itself is proven in tests/EvsCodegen.GeneratedCode.Tests/Security.
/// </summary>
internal static class RoundTripSecurity
{
    public static void Add(IServiceCollection services, ApiModel model)
    {
        var names = model.Context.Schemes.Select(s => s.SchemeName)
            .Concat(model.Context.SecuritySets.SelectMany(s => s.Alternatives).SelectMany(a => a.Schemes).Select(u => u.SchemeName))
            .Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return;
        }

        var grants = model.Context.SecuritySets.SelectMany(s => s.Alternatives).SelectMany(a => a.Schemes).SelectMany(u => u.Scopes).Distinct(StringComparer.Ordinal).ToArray();
        var builder = services.AddAuthentication();
        foreach (var name in names)
        {
            builder.AddScheme<GrantOptions, GrantEverythingHandler>(name, o => o.Grants = grants);
        }
    }

    /// <summary>What every request is granted.</summary>
    internal sealed class GrantOptions : AuthenticationSchemeOptions
    {
        public IReadOnlyList<string> Grants { get; set; } = [];
    }

    private sealed class GrantEverythingHandler(IOptionsMonitor<GrantOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<GrantOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var claims = new List<Claim> { new(ClaimTypes.Name, "round-trip"), new("scope", string.Join(' ', Options.Grants)) };
            claims.AddRange(Options.Grants.Select(g => new Claim(ClaimTypes.Role, g)));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name)));
        }
    }
}

/// <summary>The token every bearer, OAuth2 and OpenID Connect scheme of a round-tripped client sends.</summary>
internal sealed class FixedTokens : IApiTokenProvider
{
    public static FixedTokens Instance { get; } = new();

    public ValueTask<string> GetTokenAsync(HttpClient httpClient, CancellationToken cancellationToken) => ValueTask.FromResult("round-trip-token");

    public void Invalidate(string token)
    {
    }
}
