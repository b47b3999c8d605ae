using Evs.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// Redirects are the runtime's: the generated client never sends its credentials or a body to another origin (scheme,
/// host, port), refuses every redirect of a PUT, follows a bounded number of same-origin redirects of a GET, and turns a
/// location that is not an http(s) URL into a clear <see cref="ApiException"/>.
/// </summary>
public sealed class ClientRedirectTests
{
    private const string Secret = "secret-token";

    private static SnapshotsApiClient Client(Uri baseAddress, bool autoRedirect = false) =>
        new(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = autoRedirect }) { BaseAddress = baseAddress }, new ApiClientOptions { AuthToken = Secret });

    private static Func<HttpContext, Task> RedirectTo(string location, int status) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    };

    private static Task Snapshot(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(HostileServer.SnapshotJson);
    }

    [Theory]
    [InlineData(307)]
    [InlineData(302)]
    [InlineData(308)]
    public async Task CrossOriginRedirectOfAPut_IsAnApiException_AndTheOtherOriginReceivesNothing(int status)
    {
        await using var other = await HostileServer.StartAsync(Snapshot);
        await using var server = await HostileServer.StartAsync(RedirectTo(other.BaseAddress + "steal", status));

        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(server.BaseAddress).UpdateSnapshotAsync("p", "s", UpdateSnapshotTests.Request("x", null)));

        Assert.Equal(status, exception.StatusCode);
        Assert.Contains("another origin", exception.Message, StringComparison.Ordinal);
        Assert.Contains(other.BaseAddress + "steal", exception.Message, StringComparison.Ordinal);
        Assert.Empty(other.Received);
    }

    [Fact]
    public async Task CrossOriginRedirectOfAGet_IsAnApiException_AndTheOtherOriginReceivesNothing()
    {
        await using var other = await HostileServer.StartAsync(Snapshot);
        await using var server = await HostileServer.StartAsync(RedirectTo(other.BaseAddress + "steal", 302));

        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(server.BaseAddress).ShowSnapshotAsync("p", "s"));

        Assert.Contains("another origin", exception.Message, StringComparison.Ordinal);
        Assert.Empty(other.Received);
    }

    [Fact]
    public async Task SameOriginRedirectOfAGet_IsFollowed_WithTheToken()
    {
        HostileServer? server = null;
        server = await HostileServer.StartAsync(context => context.Request.Path == "/moved" ? Snapshot(context) : RedirectTo("/moved", 301)(context));
        await using (server)
        {
            var snapshot = await Client(server.BaseAddress).ShowSnapshotAsync("p", "s");

            Assert.Equal("snap-001", snapshot.Snapshot.Name);
            Assert.Equal([("GET", "/v3/p/snapshots/s", Secret, 0L), ("GET", "/moved", Secret, 0L)], server.Received);
        }
    }

    [Fact]
    public async Task SameOriginRedirectOfAPut_IsAnApiException_NamingTheLocation_AndTheBodyIsSentOnce()
    {
        await using var server = await HostileServer.StartAsync(context => context.Request.Path == "/moved" ? Snapshot(context) : RedirectTo("/moved", 307)(context));

        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(server.BaseAddress).UpdateSnapshotAsync("p", "s", UpdateSnapshotTests.Request("x", null)));

        Assert.Equal(307, exception.StatusCode);
        Assert.Contains("'/moved'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("PUT", exception.Message, StringComparison.Ordinal);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task EndlessSameOriginRedirects_StopAfterTheBound()
    {
        await using var server = await HostileServer.StartAsync(context => RedirectTo(context.Request.Path + "x", 302)(context));

        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(server.BaseAddress).ShowSnapshotAsync("p", "s"));

        Assert.Contains("more than 5 redirects", exception.Message, StringComparison.Ordinal);
        Assert.Equal(ApiClientRuntime.MaxRedirects + 1, server.Received.Count);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "not an http or https URL", false)]
    [InlineData("file:///etc/passwd", "not an http or https URL", true)]
    [InlineData("ftp://127.0.0.1/x", "not an http or https URL", false)]
    [InlineData("http://[::1", "not a URL", false)]
    public async Task RedirectToALocationThatIsNotAnHttpUrl_IsAClearApiException(string location, string reason, bool autoRedirect)
    {
        await using var server = await HostileServer.StartAsync(RedirectTo(location, 302));

        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(server.BaseAddress, autoRedirect).ShowSnapshotAsync("p", "s"));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        if (autoRedirect)
        {
            // The handler followed the redirect itself and failed on the location: no status reached the client.
            Assert.Equal(0, exception.StatusCode);
            Assert.IsType<UriFormatException>(exception.InnerException);
        }
        else
        {
            Assert.Equal(302, exception.StatusCode);
            Assert.Contains(location, exception.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HttpClientThatFollowsRedirectsItself_CrossOriginAnswer_IsRefused(bool put)
    {
        // A user's HttpClient with the default handler follows the redirect before the client sees it: the token has
        // gone (documented: such a client must turn AllowAutoRedirect off), but the other origin's answer is not a success.
        await using var other = await HostileServer.StartAsync(Snapshot);
        await using var server = await HostileServer.StartAsync(RedirectTo(other.BaseAddress + "steal", 307));
        var client = new SnapshotsApiClient(new HttpClient { BaseAddress = server.BaseAddress }, new ApiClientOptions { AuthToken = Secret });

        var exception = await Assert.ThrowsAsync<ApiException>(() => put
            ? client.UpdateSnapshotAsync("p", "s", UpdateSnapshotTests.Request("x", null))
            : client.ShowSnapshotAsync("p", "s"));

        Assert.Contains("followed a redirect to another origin by itself", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AllowAutoRedirect", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRegistration_TurnsOffTheHandlersRedirects_SoTheOtherOriginReceivesNothing()
    {
        await using var other = await HostileServer.StartAsync(Snapshot);
        await using var server = await HostileServer.StartAsync(RedirectTo(other.BaseAddress + "steal", 307));
        var services = new ServiceCollection();
        services.AddSnapshotsApiClient(server.BaseAddress, options => options.AuthToken = Secret);
        await using var provider = services.BuildServiceProvider();

        var exception = await Assert.ThrowsAsync<ApiException>(() => provider.GetRequiredService<ISnapshotsApi>().UpdateSnapshotAsync("p", "s", UpdateSnapshotTests.Request("x", null)));

        Assert.Contains("another origin", exception.Message, StringComparison.Ordinal);
        Assert.Empty(other.Received);
    }
}
