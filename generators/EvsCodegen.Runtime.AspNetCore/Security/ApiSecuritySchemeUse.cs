using System.Collections.Generic;

namespace EvsCodegen.Runtime.AspNetCore;

/// <summary>One scheme of a security requirement alternative, with the scopes (or roles) it asks for.</summary>
/// <param name="Scheme">The security scheme's name in the document, which is the ASP.NET Core authentication scheme name.</param>
/// <param name="Kind">The scheme's kind: <c>apiKey</c>, <c>http-bearer</c>, <c>http-basic</c>, <c>http</c>, <c>oauth2</c>, <c>openIdConnect</c>, <c>mutualTLS</c> or <c>undeclared</c>.</param>
/// <param name="Scopes">
/// For OAuth2 and OpenID Connect, the scopes the principal must hold (claims <c>scope</c> or <c>scp</c>, space-separated
/// values allowed); for the other kinds, the roles it must be in (OpenAPI 3.1).
/// </param>
public sealed record ApiSecuritySchemeUse(string Scheme, string Kind, IReadOnlyList<string> Scopes)
{
    /// <summary>Whether <see cref="Scopes"/> are OAuth2 scopes rather than roles.</summary>
    public bool ScopesAreClaims => Kind is "oauth2" or "openIdConnect";

    /// <summary>The challenge an answer 401 names in <c>WWW-Authenticate</c> when the scheme's handler names none.</summary>
    internal string? Challenge => Kind switch
    {
        "http-bearer" or "oauth2" or "openIdConnect" => "Bearer",
        "http-basic" => "Basic",
        _ => null,
    };
}
