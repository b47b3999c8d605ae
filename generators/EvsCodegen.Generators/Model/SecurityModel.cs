using System.Linq;

namespace EvsCodegen.Generators.Model;

/// <summary>What a security scheme is, as far as the generated client and server care.</summary>
internal enum SecuritySchemeKind
{
    /// <summary>An API key in a header, query parameter or cookie.</summary>
    ApiKey,

    /// <summary>HTTP <c>bearer</c>.</summary>
    HttpBearer,

    /// <summary>HTTP <c>basic</c>.</summary>
    HttpBasic,

    /// <summary>OAuth2 (any flows; the client fetches tokens itself for <c>clientCredentials</c>).</summary>
    OAuth2,

    /// <summary>OpenID Connect discovery.</summary>
    OpenIdConnect,

    /// <summary>Anything else (another HTTP scheme, <c>mutualTLS</c>, a malformed scheme): the server names it, the client cannot send it.</summary>
    Other,
}

/// <summary>
/// A security scheme of <c>components.securitySchemes</c> and the members of the client options that carry its
/// credentials (null where the kind has none).
/// </summary>
/// <param name="SchemeName">The scheme's key, which is also the ASP.NET Core authentication scheme name on the server.</param>
/// <param name="Kind">The kind.</param>
/// <param name="WireKind">The kind as the server runtime names it (<c>apiKey</c>, <c>http-bearer</c>, <c>oauth2</c>, …).</param>
/// <param name="In">For API keys: header, query or cookie.</param>
/// <param name="ParameterName">For API keys: the header, query or cookie name.</param>
/// <param name="TokenUrl">For OAuth2 with a <c>clientCredentials</c> flow: its token URL.</param>
/// <param name="Scopes">For that flow: the scopes the document's requirements ask of the scheme, requested by default.</param>
/// <param name="Description">The scheme's description.</param>
/// <param name="Property">API key value, bearer token, Basic user name or OAuth2 client id.</param>
/// <param name="Secret">Basic password or OAuth2 client secret.</param>
/// <param name="Provider">Bearer, OAuth2 and OpenID Connect: the token provider.</param>
/// <param name="ScopesProperty">OAuth2 client credentials: the scopes to request.</param>
/// <param name="TokenUrlProperty">OAuth2 client credentials: the token URL.</param>
internal sealed record SecuritySchemeModel(
    string SchemeName,
    SecuritySchemeKind Kind,
    string WireKind,
    string? In,
    string? ParameterName,
    string? TokenUrl,
    EquatableArray<string> Scopes,
    string? Description,
    string? Property,
    string? Secret,
    string? Provider,
    string? ScopesProperty,
    string? TokenUrlProperty)
{
    /// <summary>Whether the generated client can send this scheme's credentials when the options hold them.</summary>
    public bool ClientCanSend => Kind != SecuritySchemeKind.Other;
}

/// <summary>One scheme of a requirement alternative and the scopes (OAuth2, OpenID Connect) or roles it asks for.</summary>
/// <param name="SchemeName">The scheme's name (may name no declared scheme: EVS2012).</param>
/// <param name="Scopes">The scopes or roles.</param>
internal sealed record SecurityUseModel(string SchemeName, EquatableArray<string> Scopes);

/// <summary>One alternative of a <c>security</c> list: every scheme in it applies together; none means anonymous.</summary>
/// <param name="Schemes">The schemes.</param>
internal sealed record SecurityAlternativeModel(EquatableArray<SecurityUseModel> Schemes);

/// <summary>
/// A <c>security</c> list (an operation's, or the document's when the operation has none): any one alternative
/// suffices; an empty list (<c>security: []</c>) or an empty alternative lets anonymous requests in.
/// </summary>
/// <param name="Alternatives">The alternatives, in document order.</param>
internal sealed record SecuritySetModel(EquatableArray<SecurityAlternativeModel> Alternatives)
{
    /// <summary>Whether a request without credentials satisfies the set.</summary>
    public bool AllowsAnonymous => Alternatives.Count == 0 || Alternatives.Any(a => a.Schemes.Count == 0);
}
