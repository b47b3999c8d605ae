using System.Net;
using EvsCodegen.Runtime.AspNetCore;

namespace EvsCodegen.Runtime.Tests.Security;

/// <summary>The retry after a refused token (once, only for a token from a provider) and the security requirement tokens.</summary>
public sealed class BearerRetryTests
{
    private static readonly ApiFaultTable s_faults = new(false);

    [Fact]
    public async Task A401_InvalidatesTheToken_AndRetriesOnceWithAFreshOne()
    {
        var server = new Server(HttpStatusCode.Unauthorized, HttpStatusCode.OK);
        var provider = new CountingProvider();
        using var request = new HttpRequestMessage(HttpMethod.Put, "http://api.example/x") { Content = new StringContent("{}") };
        var credential = await ApiClientRuntime.AddTokenAsync(server.Client, request, provider, default);

        var response = await ApiClientRuntime.SendAsync(server.Client, request, s_faults, credential, default);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(["Bearer t1", "Bearer t2"], server.Authorizations);
        Assert.Equal(["{}", "{}"], server.Bodies);
        Assert.Equal(["t1"], provider.Invalidated);
    }

    [Fact]
    public async Task ASecond401_IsTheCallersApiException()
    {
        var server = new Server(HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK);
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://api.example/x");
        var credential = await ApiClientRuntime.AddTokenAsync(server.Client, request, new CountingProvider(), default);

        var exception = await Assert.ThrowsAsync<ApiException>(() => ApiClientRuntime.SendAsync(server.Client, request, s_faults, credential, default));

        Assert.Equal(401, exception.StatusCode);
        Assert.Equal(2, server.Authorizations.Count);
    }

    [Fact]
    public async Task WithoutAProviderToken_A401IsNotRetried()
    {
        var server = new Server(HttpStatusCode.Unauthorized, HttpStatusCode.OK);
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://api.example/x");
        ApiClientRuntime.AddBearer(request, "fixed");

        await Assert.ThrowsAsync<ApiException>(() => ApiClientRuntime.SendAsync(server.Client, request, s_faults, null, default));

        Assert.Single(server.Authorizations);
    }

    [Fact]
    public void AddBasic_RefusesAColonInTheUserName_AndKeepsAnAuthorizationAlreadySet()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://api.example/x");
        Assert.Throws<InvalidOperationException>(() => ApiClientRuntime.AddBasic(request, "a:b", "c"));

        ApiClientRuntime.AddBearer(request, "mine");
        ApiClientRuntime.AddBasic(request, "user", "pass");

        Assert.Equal("Bearer mine", request.Headers.Authorization!.ToString());
    }

    [Fact]
    public void SecurityAttribute_ReadsAlternativesSchemesAndScopes()
    {
        var attribute = new ApiSecurityAttribute(typeof(Faults), "apiKey:key", "or", "oauth2:o,auth", "scope:read", "scope:scope:x", "http-basic:basic");

        var alternatives = attribute.Requirement.Alternatives;
        Assert.Equal(2, alternatives.Count);
        Assert.Equal("key", Assert.Single(alternatives[0]).Scheme);
        Assert.Equal(("o,auth", "oauth2"), (alternatives[1][0].Scheme, alternatives[1][0].Kind));
        Assert.Equal(["read", "scope:x"], alternatives[1][0].Scopes);
        Assert.Equal("basic", alternatives[1][1].Scheme);
        // A name with a comma cannot be listed in IAuthorizeData's comma-separated schemes; the requirement authenticates it itself.
        Assert.Equal("key,basic", attribute.AuthenticationSchemes);
        Assert.Same(Faults.Table, attribute.Faults);
        Assert.Equal("key, or o,auth (scopes read scope:x) and basic", attribute.Requirement.Describe());
    }

    [Fact]
    public void SecurityAttribute_RefusesATokenItDoesNotKnow()
    {
        Assert.Throws<ArgumentException>(() => new ApiSecurityAttribute(typeof(Faults), "scope:first"));
        Assert.Throws<ArgumentException>(() => new ApiSecurityAttribute(typeof(Faults), "nonsense"));
    }

    public static class Faults
    {
        public static ApiFaultTable Table { get; } = new(false);
    }

    private sealed class CountingProvider : IApiTokenProvider
    {
        private int _n;

        public List<string> Invalidated { get; } = [];

        public ValueTask<string> GetTokenAsync(HttpClient httpClient, CancellationToken cancellationToken) => ValueTask.FromResult("t" + (_n + 1));

        public void Invalidate(string token)
        {
            Invalidated.Add(token);
            _n++;
        }
    }

    private sealed class Server(params HttpStatusCode[] answers) : HttpMessageHandler
    {
        private int _next;

        public HttpClient Client => new(this, disposeHandler: false);

        public List<string> Authorizations { get; } = [];

        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorizations.Add(request.Headers.Authorization!.ToString());
            if (request.Content is not null)
            {
                Bodies.Add(await request.Content.ReadAsStringAsync(cancellationToken));
            }

            return new HttpResponseMessage(answers[_next++]) { Content = new ByteArrayContent([]), RequestMessage = request };
        }
    }
}
