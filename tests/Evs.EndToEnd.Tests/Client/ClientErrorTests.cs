using System.Net;
using Evs.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// The generated client as a user meets it: every documented error is an <see cref="ApiException"/> with status, fault
/// name, code and the server's message; an answer that is not the documented error (an HTML page from a proxy) is still
/// a clear <see cref="ApiException"/> with the status and the first bytes of the body.
/// </summary>
public sealed class ClientErrorTests
{
    [Theory]
    [InlineData(400, "badRequest", "EVS.5400", "Invalid value at 'snapshot.name'")]
    [InlineData(401, "unauthorized", "EVS.5401", "X-Auth-Token")]
    [InlineData(403, "forbidden", "EVS.5403", "volume:update_snapshot")]
    [InlineData(404, "itemNotFound", "EVS.5404", "could not be found")]
    [InlineData(413, "overLimit", "EVS.5400", "114688")]
    [InlineData(415, "badMediaType", "EVS.5400", "Content-Type")]
    [InlineData(500, "computeFault", "EVS.5500", "could not complete")]
    public async Task EveryDocumentedError_IsATypedApiException(int status, string fault, string code, string messagePart)
    {
        await using var server = await EvsTestServer.StartAsync(status == 500 ? services => services.AddScoped<ISnapshotsApi, FailingApi>() : null);
        // 415 needs a request the client never sends: a proxy that rewrites the media type stands in for it.
        using var handler = new RecordingHandler(status == 415 ? request => request.Content!.Headers.ContentType = new("text/plain") : null);
        var token = status switch { 401 => null, 403 => EvsTestServer.ReaderToken, _ => EvsTestServer.MemberToken };
        var client = new SnapshotsApiClient(new HttpClient(handler) { BaseAddress = server.BaseAddress }, new ApiClientOptions { AuthToken = token });
        var name = status switch { 400 => new string('n', 256), 413 => new string('n', 120_000), _ => "valid" };
        var snapshot = status == 404 ? "missing" : EvsTestServer.SnapshotId;

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.UpdateSnapshotAsync(EvsTestServer.Project, snapshot, UpdateSnapshotTests.Request(name, null)));

        Assert.Equal((status, fault, code), (exception.StatusCode, exception.FaultName, exception.Code));
        Assert.Contains(messagePart, exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("{\"" + fault + "\":", exception.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlBadGatewayFromAProxy_IsAClearApiException_WithStatusAndTheStartOfTheBody()
    {
        const string Html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
        var client = new SnapshotsApiClient(new HttpClient(StubHandler.Answer(HttpStatusCode.BadGateway, Html, "text/html", "Bad Gateway")) { BaseAddress = new Uri("http://127.0.0.1:9/") }, new ApiClientOptions { AuthToken = "t" });

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.UpdateSnapshotAsync("p", "s", UpdateSnapshotTests.Request("x", null)));

        Assert.Equal(502, exception.StatusCode);
        Assert.Null(exception.FaultName);
        Assert.Null(exception.Code);
        Assert.Equal(Html, exception.ResponseBody);
        Assert.Contains("502 Bad Gateway", exception.Message, StringComparison.Ordinal);
        Assert.Contains("<html><head><title>502", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, "<html>upstream error</html>", "application/json")]
    [InlineData(HttpStatusCode.ServiceUnavailable, """{"error": "maintenance"}""", "application/json")]
    [InlineData(HttpStatusCode.GatewayTimeout, """{"message": "timeout", "code": "X"}""", "application/json")]
    [InlineData(HttpStatusCode.BadRequest, "Bad Request", "text/plain")]
    [InlineData(HttpStatusCode.InternalServerError, "oops", null)]
    public async Task ErrorBodyThatIsNotTheEnvelope_IsAClearApiException(HttpStatusCode status, string body, string? mediaType)
    {
        var client = new SnapshotsApiClient(new HttpClient(StubHandler.Answer(status, body, mediaType)) { BaseAddress = new Uri("http://127.0.0.1:9/") });

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.ShowSnapshotAsync("p", "s"));

        Assert.Equal((int)status, exception.StatusCode);
        Assert.Null(exception.Code);
        Assert.Equal(body, exception.ResponseBody);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
        Assert.Contains(body, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyErrorBody_SaysSo()
    {
        var client = new SnapshotsApiClient(new HttpClient(StubHandler.Answer(HttpStatusCode.BadGateway, string.Empty, null)) { BaseAddress = new Uri("http://127.0.0.1:9/") });

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.ShowSnapshotAsync("p", "s"));

        Assert.Equal(502, exception.StatusCode);
        Assert.Contains("an empty body", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HugeHtmlErrorPage_IsCutToItsFirstBytes()
    {
        var html = "<html>" + new string('x', 100_000) + "</html>";
        var client = new SnapshotsApiClient(new HttpClient(StubHandler.Answer(HttpStatusCode.BadGateway, html, "text/html")) { BaseAddress = new Uri("http://127.0.0.1:9/") });

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.ShowSnapshotAsync("p", "s"));

        Assert.StartsWith("<html>xxx", exception.ResponseBody, StringComparison.Ordinal);
        Assert.InRange(exception.ResponseBody!.Length, 4096, 4097);
        Assert.True(exception.Message.Length < 5000);
    }

    [Fact]
    public async Task SuccessStatusWithAnHtmlBody_IsAnApiException_NotAParserCrash()
    {
        var client = new SnapshotsApiClient(new HttpClient(StubHandler.Answer(HttpStatusCode.OK, "<html>Sign in to continue</html>", "text/html")) { BaseAddress = new Uri("http://127.0.0.1:9/") });

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.ShowSnapshotAsync("p", "s"));

        Assert.Equal(200, exception.StatusCode);
        // Refused on its media type before any parsing (ClientHostileTextTests has the other media types).
        Assert.Contains("Content-Type 'text/html' where the document declares JSON", exception.Message, StringComparison.Ordinal);
        Assert.Equal("<html>Sign in to continue</html>", exception.ResponseBody);
    }

    [Fact]
    public async Task NumericCodeInAnEnvelope_IsStillReadAsText()
    {
        var client = new SnapshotsApiClient(new HttpClient(StubHandler.Answer(HttpStatusCode.NotFound, """{"itemNotFound": {"message": "gone", "code": 404}}""", "application/json")) { BaseAddress = new Uri("http://127.0.0.1:9/") });

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.ShowSnapshotAsync("p", "s"));

        Assert.Equal(("itemNotFound", "404", "gone"), (exception.FaultName, exception.Code, exception.Message));
    }

    [Theory]
    [InlineData("""{"snapshot": {"id": "s", "status": "available", "name": "n", "description": "", "created_at": "2020-01-01T00:00:00.000000", "updated_at": null, "metadata": {"\uD800": "v"}, "volume_id": "v", "size": 1}}""")]
    [InlineData("""{"snapshot": {"id": "s", "status": "available", "name": "n", "description": "", "created_at": "2020-01-01T00:00:00.000000", "updated_at": null, "metadata": {}, "volume_id": "v", "size": 1, "\uDC00": 1}}""")]
    public async Task ResponseKeyWithAnEscapedUnpairedSurrogate_IsAnApiException_NotInvalidOperationException(string body)
    {
        var client = new SnapshotsApiClient(new HttpClient(StubHandler.Answer(HttpStatusCode.OK, body, "application/json")) { BaseAddress = new Uri("http://127.0.0.1:9/") });

        var exception = await Record.ExceptionAsync(() => client.ShowSnapshotAsync("p", "s"));

        Assert.True(exception is null or ApiException, exception?.ToString());
    }

    private sealed class FailingApi : ISnapshotsApi
    {
        public Task<SnapshotResponse> ShowSnapshotAsync(string projectId, string snapshotId, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("internal detail");

        public Task<SnapshotResponse> UpdateSnapshotAsync(string projectId, string snapshotId, UpdateSnapshotRequest body, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("internal detail");
    }
}
