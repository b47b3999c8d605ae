using System.Net;
using System.Text;

namespace EvsCodegen.Runtime.Tests.Security;

/// <summary>
/// <see cref="ApiClientCredentialsTokenProvider"/> against a fake token endpoint (an in-memory handler) and a clock the
/// test moves: what it posts, how long it keeps a token, what it does with concurrent callers, refusals and bad answers.
/// </summary>
public sealed class ClientCredentialsTokenProviderTests
{
    private static readonly Uri s_tokenUrl = new("https://auth.example/oauth/token");

    [Fact]
    public async Task PostsClientCredentialsWithBasicAuthAndScopes()
    {
        var endpoint = new TokenEndpoint();
        using var provider = new ApiClientCredentialsTokenProvider(s_tokenUrl, "id:1", "s e/cret", ["read", "write", "read"]);

        Assert.Equal("token-1", await provider.GetTokenAsync(endpoint.Client, default));

        var request = Assert.Single(endpoint.Requests);
        Assert.Equal("grant_type=client_credentials&scope=read+write", request.Body);
        // RFC 6749 2.3.1: each part form-encoded, then joined and base64-encoded.
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("id%3A1:s+e%2Fcret")), request.Authorization);
    }

    [Fact]
    public async Task SendCredentialsInBody_PutsThemInTheForm()
    {
        var endpoint = new TokenEndpoint();
        using var provider = new ApiClientCredentialsTokenProvider(s_tokenUrl, "id", "secret") { SendCredentialsInBody = true };

        await provider.GetTokenAsync(endpoint.Client, default);

        var request = Assert.Single(endpoint.Requests);
        Assert.Equal(("grant_type=client_credentials&client_id=id&client_secret=secret", null), (request.Body, request.Authorization));
    }

    [Fact]
    public async Task KeepsTheTokenUntilShortlyBeforeItExpires()
    {
        var clock = new ManualClock();
        var endpoint = new TokenEndpoint { ExpiresIn = 300 };
        using var provider = new ApiClientCredentialsTokenProvider(s_tokenUrl, "id", "secret", null, clock);

        Assert.Equal("token-1", await provider.GetTokenAsync(endpoint.Client, default));
        clock.Advance(TimeSpan.FromSeconds(269));
        Assert.Equal("token-1", await provider.GetTokenAsync(endpoint.Client, default));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await provider.GetTokenAsync(endpoint.Client, default));
        Assert.Equal(2, endpoint.Requests.Count);
    }

    [Fact]
    public async Task AShortLivedToken_IsReplacedAtHalfItsLifetime()
    {
        var clock = new ManualClock();
        var endpoint = new TokenEndpoint { ExpiresIn = 20 };
        using var provider = new ApiClientCredentialsTokenProvider(s_tokenUrl, "id", "secret", null, clock);

        await provider.GetTokenAsync(endpoint.Client, default);
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal("token-1", await provider.GetTokenAsync(endpoint.Client, default));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await provider.GetTokenAsync(endpoint.Client, default));
    }

    [Fact]
    public async Task ConcurrentCallers_ShareOneRequest()
    {
        var endpoint = new TokenEndpoint { Delay = TimeSpan.FromMilliseconds(100) };
        using var provider = new ApiClientCredentialsTokenProvider(s_tokenUrl, "id", "secret");

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => provider.GetTokenAsync(endpoint.Client, default).AsTask()));

        Assert.All(tokens, t => Assert.Equal("token-1", t));
        Assert.Single(endpoint.Requests);
    }

    [Fact]
    public async Task Invalidate_DropsOnlyTheCachedToken()
    {
        var endpoint = new TokenEndpoint();
        using var provider = new ApiClientCredentialsTokenProvider(s_tokenUrl, "id", "secret");
        await provider.GetTokenAsync(endpoint.Client, default);

        provider.Invalidate("some-older-token");
        Assert.Equal("token-1", await provider.GetTokenAsync(endpoint.Client, default));
        provider.Invalidate("token-1");
        Assert.Equal("token-2", await provider.GetTokenAsync(endpoint.Client, default));
    }

    [Theory]
    [InlineData(400, """{"error":"invalid_scope","error_description":"No such scope."}""", "invalid_scope: No such scope.")]
    [InlineData(200, """{"token_type":"Bearer"}""", "the answer has no access_token")]
    [InlineData(200, """{"access_token":"t","token_type":"mac"}""", "only Bearer tokens are sent")]
    [InlineData(200, """[1]""", "the answer is not a JSON object")]
    [InlineData(200, """<html>""", "not JSON")]
    [InlineData(302, "", "redirected")]
    public async Task BadAnswers_AreApiExceptionsSayingWhy(int status, string body, string expected)
    {
        var endpoint = new TokenEndpoint { Status = (HttpStatusCode)status, Body = body };
        using var provider = new ApiClientCredentialsTokenProvider(s_tokenUrl, "id", "secret");

        var exception = await Assert.ThrowsAsync<ApiException>(() => provider.GetTokenAsync(endpoint.Client, default).AsTask());

        Assert.Equal(status, exception.StatusCode);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.Contains("auth.example", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/relative")]
    [InlineData("file:///etc/passwd")]
    public void TokenUrl_MustBeAbsoluteHttp(string url)
    {
        Assert.Throws<ArgumentException>(() => new ApiClientCredentialsTokenProvider(new Uri(url, UriKind.RelativeOrAbsolute), "id", "secret"));
    }

    [Fact]
    public void ResolveTokenUrl_ResolvesARelativeOneAgainstTheBaseAddress()
    {
        using var client = new HttpClient { BaseAddress = new Uri("https://api.example/v1/") };

        Assert.Equal("https://api.example/oauth/token", ApiClientRuntime.ResolveTokenUrl(client, new Uri("/oauth/token", UriKind.Relative)).AbsoluteUri);
        Assert.Equal(s_tokenUrl, ApiClientRuntime.ResolveTokenUrl(client, s_tokenUrl));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private sealed class TokenEndpoint : HttpMessageHandler
    {
        private int _issued;

        public TokenEndpoint() => Client = new HttpClient(this);

        public HttpClient Client { get; }

        public List<(string Body, string? Authorization)> Requests { get; } = [];

        public int ExpiresIn { get; init; } = 3600;

        public HttpStatusCode Status { get; init; } = HttpStatusCode.OK;

        public string? Body { get; init; }

        public TimeSpan Delay { get; init; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal((HttpMethod.Post, s_tokenUrl), (request.Method, request.RequestUri));
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            lock (Requests)
            {
                Requests.Add((body, request.Headers.Authorization?.ToString()));
            }

            await Task.Delay(Delay, cancellationToken);
            var n = Interlocked.Increment(ref _issued);
            var text = Body ?? $$"""{"access_token":"token-{{n}}","token_type":"bearer","expires_in":{{ExpiresIn}}}""";
            return new HttpResponseMessage(Status) { Content = new StringContent(text, Encoding.UTF8, "application/json"), RequestMessage = request };
        }
    }
}
