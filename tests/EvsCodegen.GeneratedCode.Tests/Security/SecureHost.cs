using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using EvsCodegen.TestSupport;
using Microsoft.AspNetCore.Builder;
using GeneratedCode.Secure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EvsCodegen.GeneratedCode.Tests.Security;

/// <summary>
/// The generated server of <c>Documents/secure.yaml</c> on Kestrel, with one ASP.NET Core authentication scheme per
/// security scheme of the document, registered by its name as a consumer would, and an OAuth2 token endpoint
/// (<see cref="TokenEndpointController"/>) on the same host.
/// </summary>
internal static class SecureHost
{
    public const string HeaderKey = "header-secret";
    public const string QueryKey = "query-secret";
    public const string CookieKey = "cookie-secret";
    public const string BearerToken = "static-token";
    public const string BasicUser = "alice";
    public const string BasicPassword = "pa:ss wörd";

    public static Task<KestrelHost> StartAsync(TokenIssuer issuer, ServerFlavour flavour = ServerFlavour.Mvc) => FlavourHost.StartAsync(flavour, services =>
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(issuer);
        if (flavour == ServerFlavour.Minimal)
        {
            services.AddSecureApiEndpoints<SecureApi>();
        }
        else
        {
            services.AddScoped<ISecureApi, SecureApi>();
        }

        services.AddAuthentication()
            .AddScheme<TestSchemeOptions, TestSchemeHandler>("headerKey", o => o.Check = http => Key(http.Request.Headers["X-Api-Key"], HeaderKey))
            .AddScheme<TestSchemeOptions, TestSchemeHandler>("queryKey", o => o.Check = http => Key(http.Request.Query["api_key"], QueryKey))
            .AddScheme<TestSchemeOptions, TestSchemeHandler>("cookieKey", o => o.Check = http => Key(http.Request.Cookies["session"], CookieKey))
            .AddScheme<TestSchemeOptions, TestSchemeHandler>("bearerAuth", o => o.Check = http => Key(Credential(http, "Bearer"), BearerToken))
            .AddScheme<TestSchemeOptions, TestSchemeHandler>("basicAuth", o => o.Check = http => Key(Credential(http, "Basic"), Convert.ToBase64String(Encoding.UTF8.GetBytes(BasicUser + ":" + BasicPassword))))
            .AddScheme<TestSchemeOptions, TestSchemeHandler>("oauth", o => o.Check = http => Credential(http, "Bearer") is not { } token ? null
                : http.RequestServices.GetRequiredService<TokenIssuer>().Scopes(token) is { } scopes ? [.. scopes] : []);
    },
    services => services.AddSecureApiControllers(),
    app =>
    {
        app.MapSecureApi();
        app.MapPost("/oauth/token", (RequestDelegate)TokenEndpointController.IssueAsync);
    });

    /// <summary>null: no credential; empty: a wrong one; else the scopes granted.</summary>
    private static string[]? Key(string? sent, string expected) => string.IsNullOrEmpty(sent) ? null : sent == expected ? ["any"] : [];

    private static string? Credential(HttpContext http, string scheme) =>
        AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization, out var value) && string.Equals(value.Scheme, scheme, StringComparison.OrdinalIgnoreCase) ? value.Parameter : null;
}

/// <summary>How a test scheme reads and checks its credential.</summary>
internal sealed class TestSchemeOptions : AuthenticationSchemeOptions
{
    public Func<HttpContext, string[]?> Check { get; set; } = _ => null;
}

/// <summary>A consumer's authentication handler: no credential is no result, a wrong one fails, a right one grants its scopes.</summary>
internal sealed class TestSchemeHandler(IOptionsMonitor<TestSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<TestSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var scopes = Options.Check(Context);
        if (scopes is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (scopes.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.Fail("Wrong credentials."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, Scheme.Name), new Claim("scope", string.Join(' ', scopes))], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}

/// <summary>The implementation: answers with the user the server authenticated.</summary>
internal sealed class SecureApi(IHttpContextAccessor accessor) : ISecureApi
{
    public Task<Caller> WithHeaderKeyAsync(CancellationToken cancellationToken = default) => Who();

    public Task<Caller> WithQueryKeyAsync(string? q = null, CancellationToken cancellationToken = default) => Who();

    public Task<Caller> WithCookieKeyAsync(CancellationToken cancellationToken = default) => Who();

    public Task<Caller> WithBearerAsync(CancellationToken cancellationToken = default) => Who();

    public Task<Caller> WithBasicAsync(CancellationToken cancellationToken = default) => Who();

    public Task<Caller> ReadReportsAsync(CancellationToken cancellationToken = default) => Who();

    public Task<Caller> WriteReportAsync(Report body, CancellationToken cancellationToken = default) => Who(body.Title);

    public Task<Caller> WithEitherAsync(CancellationToken cancellationToken = default) => Who();

    public Task<Caller> WithBothAsync(CancellationToken cancellationToken = default) => Who();

    public Task<Caller> PublicInfoAsync(CancellationToken cancellationToken = default) => Who();

    private Task<Caller> Who(string? note = null)
    {
        var user = accessor.HttpContext!.User;
        var schemes = user.Identities.Where(i => i.IsAuthenticated).Select(i => i.AuthenticationType!).Order(StringComparer.Ordinal).ToList();
        return Task.FromResult(new Caller { User = schemes.Count == 0 ? "anonymous" : string.Join("+", schemes), Schemes = note is null ? null : [note] });
    }
}

/// <summary>
/// A fake OAuth2 authorization server: clients <c>reporter</c> (both scopes) and <c>reader</c> (read only), secret
/// <c>s3cret</c>; tokens are granted the scopes asked for that the client may have; it counts requests and can revoke.
/// </summary>
public sealed class TokenIssuer
{
    private readonly ConcurrentDictionary<string, string[]> _issued = new(StringComparer.Ordinal);
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    public string? LastAuthorization { get; private set; }

    public string? LastScope { get; private set; }

    public int ExpiresIn { get; set; } = 3600;

    public string[]? Scopes(string token) => _issued.TryGetValue(token, out var scopes) ? scopes : [];

    public void RevokeAll() => _issued.Clear();

    internal (int Status, string Body) Issue(string? authorization, string? grantType, string? scope)
    {
        var n = Interlocked.Increment(ref _requests);
        LastAuthorization = authorization;
        LastScope = scope;
        if (grantType != "client_credentials")
        {
            return (400, """{"error":"unsupported_grant_type"}""");
        }

        var client = authorization is not null && AuthenticationHeaderValue.TryParse(authorization, out var value) && value.Scheme == "Basic"
            ? Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter!)) : string.Empty;
        string[] allowed = client switch
        {
            "reporter:s3cret" => ["reports.read", "reports.write"],
            "reader:s3cret" => ["reports.read"],
            _ => [],
        };
        if (allowed.Length == 0)
        {
            return (401, """{"error":"invalid_client","error_description":"Unknown client."}""");
        }

        var granted = (scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Intersect(allowed).ToArray();
        var token = $"token-{n}";
        _issued[token] = granted;
        return (200, $$"""{"access_token":"{{token}}","token_type":"Bearer","expires_in":{{ExpiresIn}},"scope":"{{string.Join(' ', granted)}}"}""");
    }
}

/// <summary>The token endpoint of <see cref="TokenIssuer"/> at <c>/oauth/token</c>, the document's relative token URL.</summary>
[Route("oauth/token")]
public sealed class TokenEndpointController : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> TokenAsync()
    {
        var (status, body) = await IssueAsync(HttpContext.RequestServices.GetRequiredService<TokenIssuer>(), Request);
        return new ContentResult { StatusCode = status, Content = body, ContentType = "application/json" };
    }

    /// <summary>The same endpoint for a host without MVC (the minimal-API flavour).</summary>
    internal static async Task IssueAsync(HttpContext http)
    {
        var (status, body) = await IssueAsync(http.RequestServices.GetRequiredService<TokenIssuer>(), http.Request);
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body);
    }

    private static async Task<(int Status, string Body)> IssueAsync(TokenIssuer issuer, HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        return issuer.Issue(request.Headers.Authorization, form["grant_type"], form["scope"]);
    }
}
