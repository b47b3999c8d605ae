using System.Net;
using EvsCodegen.TestSupport;
using GeneratedCode.Secure;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Security;

/// <summary>
/// Every security scheme of <c>Documents/secure.yaml</c> through the generated client and the generated server over
/// real HTTP on 127.0.0.1: each credential reaches the server's scheme of the same name; missing or wrong credentials
/// are 401 and a lacking scope 403, in the document's error envelope; OAuth2 tokens are fetched once, cached, and
/// replaced once after a 401 (issue 12).
/// </summary>
public class SecurityRoundTripTests : IAsyncLifetime
{
    /// <summary>The generated server the tests run against.</summary>
    protected virtual ServerFlavour Flavour => ServerFlavour.Mvc;

    private readonly TokenIssuer _issuer = new();
    private KestrelHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _host = await SecureHost.StartAsync(_issuer, Flavour);
        _http = _host.Client();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task ApiKeys_InHeaderQueryAndCookie_ReachTheirSchemes()
    {
        var client = Client(new() { HeaderKey = SecureHost.HeaderKey, QueryKey = SecureHost.QueryKey, CookieKey = SecureHost.CookieKey });

        Assert.Equal("headerKey", (await client.WithHeaderKeyAsync()).User);
        Assert.Equal("queryKey", (await client.WithQueryKeyAsync("x")).User);
        Assert.Equal("cookieKey", (await client.WithCookieKeyAsync()).User);
    }

    [Fact]
    public async Task Bearer_FixedTokenOrTokenProvider()
    {
        Assert.Equal("bearerAuth", (await Client(new() { BearerAuthToken = SecureHost.BearerToken }).WithBearerAsync()).User);
        Assert.Equal("bearerAuth", (await Client(new() { BearerAuthTokenProvider = new FixedProvider(SecureHost.BearerToken) }).WithBearerAsync()).User);
    }

    [Fact]
    public async Task Basic_SendsUtf8UserAndPasswordWithAColon()
    {
        var caller = await Client(new() { BasicAuthUserName = SecureHost.BasicUser, BasicAuthPassword = SecureHost.BasicPassword }).WithBasicAsync();

        Assert.Equal("basicAuth", caller.User);
    }

    [Fact]
    public async Task OAuth2ClientCredentials_FetchesOneTokenWithBasicClientAuthAndTheDocumentsScopes_ThenCachesIt()
    {
        var client = Client(new() { OauthClientId = "reporter", OauthClientSecret = "s3cret" });

        Assert.Equal("oauth", (await client.ReadReportsAsync()).User);
        Assert.Equal("oauth", (await client.WriteReportAsync(new Report { Title = "q3" })).User);
        Assert.Equal("oauth", (await client.ReadReportsAsync()).User);

        Assert.Equal(1, _issuer.Requests);
        Assert.Equal("Basic " + Convert.ToBase64String("reporter:s3cret"u8), _issuer.LastAuthorization);
        Assert.Equal("reports.read reports.write", _issuer.LastScope);
    }

    [Fact]
    public async Task OAuth2ClientCredentials_RefusedToken_IsReplacedOnce_AndTheBodyIsSentAgain()
    {
        var client = Client(new() { OauthClientId = "reporter", OauthClientSecret = "s3cret" });
        await client.ReadReportsAsync();
        _issuer.RevokeAll();

        var caller = await client.WriteReportAsync(new Report { Title = "after refresh" });

        Assert.Equal(("oauth", "after refresh"), (caller.User, Assert.Single(caller.Schemes!)));
        Assert.Equal(2, _issuer.Requests);
        await client.ReadReportsAsync();
        Assert.Equal(2, _issuer.Requests);
    }

    [Fact]
    public async Task OAuth2_TokenWithoutTheWriteScope_Is403InTheDocumentsEnvelope()
    {
        var client = Client(new() { OauthClientId = "reader", OauthClientSecret = "s3cret" });
        Assert.Equal("oauth", (await client.ReadReportsAsync()).User);

        var refused = await Assert.ThrowsAsync<ApiException>(() => client.WriteReportAsync(new Report { Title = "no" }));

        Assert.Equal((403, "forbidden", "SEC.403"), (refused.StatusCode, refused.FaultName, refused.Code));
        Assert.Contains("'reports.write' of 'oauth'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, _issuer.Requests);
    }

    [Fact]
    public async Task OAuth2_UnknownClient_IsAnApiExceptionNamingTheTokenEndpointsError()
    {
        var refused = await Assert.ThrowsAsync<ApiException>(() => Client(new() { OauthClientId = "nobody", OauthClientSecret = "x" }).ReadReportsAsync());

        Assert.Equal(401, refused.StatusCode);
        Assert.Contains("invalid_client: Unknown client.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCredentials_Is401InTheDocumentsEnvelope_ForEverySecuredOperation()
    {
        var client = Client(new());
        Func<Task>[] calls = [() => client.WithHeaderKeyAsync(), () => client.WithQueryKeyAsync(), () => client.WithCookieKeyAsync(), () => client.WithBearerAsync(),
            () => client.WithBasicAsync(), () => client.ReadReportsAsync(), () => client.WriteReportAsync(new Report { Title = "t" }), () => client.WithEitherAsync(), () => client.WithBothAsync()];

        foreach (var call in calls)
        {
            var refused = await Assert.ThrowsAsync<ApiException>(call);
            Assert.Equal((401, "unauthorized", "SEC.401"), (refused.StatusCode, refused.FaultName, refused.Code));
            Assert.StartsWith("The request needs credentials: ", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NoCredentials_AnswerNamesTheChallenge()
    {
        using var response = await _http.GetAsync(new Uri("bearer", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal("""{"unauthorized":{"message":"The request needs credentials: bearerAuth.","code":"SEC.401"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WrongCredentials_Are401()
    {
        var client = Client(new() { HeaderKey = "wrong", BasicAuthUserName = SecureHost.BasicUser, BasicAuthPassword = "wrong", BearerAuthToken = "wrong" });

        Assert.Equal(401, (await Assert.ThrowsAsync<ApiException>(() => client.WithHeaderKeyAsync())).StatusCode);
        Assert.Equal(401, (await Assert.ThrowsAsync<ApiException>(() => client.WithBasicAsync())).StatusCode);
        Assert.Equal(401, (await Assert.ThrowsAsync<ApiException>(() => client.WithBearerAsync())).StatusCode);
    }

    [Fact]
    public async Task Alternatives_TheFirstTheOptionsCanSatisfyIsSent()
    {
        var basicOnly = Client(new() { BasicAuthUserName = SecureHost.BasicUser, BasicAuthPassword = SecureHost.BasicPassword });
        var both = Client(new() { HeaderKey = SecureHost.HeaderKey, BasicAuthUserName = SecureHost.BasicUser, BasicAuthPassword = "wrong" });

        Assert.Equal("basicAuth", (await basicOnly.WithEitherAsync()).User);
        Assert.Equal("headerKey", (await both.WithEitherAsync()).User);
    }

    [Fact]
    public async Task SchemesOfOneAlternative_AreAllSentAndAllRequired()
    {
        Assert.Equal("headerKey+queryKey", (await Client(new() { HeaderKey = SecureHost.HeaderKey, QueryKey = SecureHost.QueryKey }).WithBothAsync()).User);

        // The header key alone cannot satisfy the alternative: nothing is sent, and the server wants both.
        Assert.Equal(401, (await Assert.ThrowsAsync<ApiException>(() => Client(new() { HeaderKey = SecureHost.HeaderKey }).WithBothAsync())).StatusCode);
        using var headerOnly = new HttpRequestMessage(HttpMethod.Get, "both") { Headers = { { "X-Api-Key", SecureHost.HeaderKey } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(headerOnly)).StatusCode);
    }

    [Fact]
    public async Task EmptySecurity_OverridesTheDocuments_AndSendsNothing()
    {
        var client = Client(new() { BearerAuthToken = SecureHost.BearerToken, HeaderKey = SecureHost.HeaderKey });

        Assert.Equal("anonymous", (await client.PublicInfoAsync()).User);
    }

    [Fact]
    public async Task OptionsPatternRegistration_CarriesEveryScheme()
    {
        var services = new ServiceCollection();
        services.AddSecureApiClient(_host.Address, o =>
        {
            o.OauthClientId = "reporter";
            o.OauthClientSecret = "s3cret";
            o.BasicAuthUserName = SecureHost.BasicUser;
            o.BasicAuthPassword = SecureHost.BasicPassword;
        });
        await using var provider = services.BuildServiceProvider();
        var api = provider.GetRequiredService<ISecureApi>();

        Assert.Equal("oauth", (await api.ReadReportsAsync()).User);
        Assert.Equal("oauth", (await provider.GetRequiredService<ISecureApi>().ReadReportsAsync()).User);
        Assert.Equal("basicAuth", (await api.WithBasicAsync()).User);
        Assert.Equal(1, _issuer.Requests);
    }

    private SecureApiClient Client(ApiClientOptions options) => new(_http, options);

    private sealed class FixedProvider(string token) : IApiTokenProvider
    {
        public ValueTask<string> GetTokenAsync(HttpClient httpClient, CancellationToken cancellationToken) => ValueTask.FromResult(token);

        public void Invalidate(string token)
        {
        }
    }
}

/// <summary>The same security round trips against the generated minimal-API endpoints (security as endpoint metadata).</summary>
public sealed class SecurityRoundTripMinimalTests : SecurityRoundTripTests
{
    protected override ServerFlavour Flavour => ServerFlavour.Minimal;
}
