using System.Net;
using System.Text;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// The contract's order of checks: 413 → 401 → 404 (route) → 415 → 400 (JSON) → 400 (project) → 400 (schema) →
/// 404 (snapshot) → 403 (role). Each test breaks two rules at once and asserts that the earlier one answers.
/// </summary>
public sealed class OrderOfChecksTests
{
    private const string ValidBody = """{"snapshot": {"name": "renamed"}}""";

    private static readonly byte[] s_oversizeBody = Encoding.UTF8.GetBytes(Bodies.PaddedToSize(ValidBody, Bodies.MaxBodyBytes + 1));

    [Fact]
    public async Task OversizeBody_WithoutToken_Is413_Not401()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutBytesAsync(s_oversizeBody, token: null);

        await response.AssertFaultAsync(HttpStatusCode.RequestEntityTooLarge, "overLimit", "EVS.5400");
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task OversizeChunkedBody_WithUnknownToken_Is413_Not401()
    {
        await using var server = await EvsTestServer.StartAsync();

        var response = await RawSocket.SendAsync(server.BaseAddress, "PUT", RawHttp.SnapshotPath(), ["X-Auth-Token: nobody", "Content-Type: application/json", "Transfer-Encoding: chunked"], RawSocket.Chunked(s_oversizeBody));

        await response.ToMessage().AssertFaultAsync(HttpStatusCode.RequestEntityTooLarge, "overLimit", "EVS.5400");
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task OversizeBody_WithForeignContentType_Is413_Not415()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutBytesAsync(s_oversizeBody, contentType: "text/plain");

        await response.AssertFaultAsync(HttpStatusCode.RequestEntityTooLarge, "overLimit", "EVS.5400");
        await server.AssertUnchangedAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("nobody")]
    public async Task MissingOrUnknownToken_OnUnknownRoute_Is401_Not404(string? token)
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync(ValidBody, token: token, path: $"v3/{EvsTestServer.Project}/volumes/{EvsTestServer.SnapshotId}");

        await response.AssertFaultAsync(HttpStatusCode.Unauthorized, "unauthorized", "EVS.5401");
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task MissingToken_WithForeignContentTypeAndMalformedJson_Is401_Not415()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync("{not json", token: null, contentType: "text/plain");

        await response.AssertFaultAsync(HttpStatusCode.Unauthorized, "unauthorized", "EVS.5401");
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task UnknownRoute_WithForeignContentType_Is404_Not415()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync(ValidBody, contentType: "text/plain", path: $"v3/{EvsTestServer.Project}/snapshots/{EvsTestServer.SnapshotId}/extra");

        var (_, _, message) = await response.AssertFaultAsync(HttpStatusCode.NotFound, "itemNotFound", "EVS.5404");
        Assert.Contains("No resource answers", message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task ForeignContentType_WithMalformedJson_Is415_Not400()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync("""{"snapshot": {"name": """, contentType: "text/plain");

        await response.AssertFaultAsync(HttpStatusCode.UnsupportedMediaType, "badMediaType", "EVS.5400");
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task MissingContentType_WithEmptyBody_Is415_Not400()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutBytesAsync([], contentType: null);

        await response.AssertFaultAsync(HttpStatusCode.UnsupportedMediaType, "badMediaType", "EVS.5400");
        await server.AssertUnchangedAsync();
    }

    [Theory]
    [InlineData("""{"snapshot": {"name": """, "not valid JSON")]
    [InlineData("", "empty")]
    public async Task UnreadableJson_WithProjectMismatch_IsTheJsonError_NotTheProjectError(string body, string expected)
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync(body, path: RawHttp.SnapshotPath(project: EvsTestServer.OtherProject));

        var (_, _, message) = await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("project", message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task InvalidUtf8_WithProjectMismatch_IsTheUtf8Error()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutBytesAsync([.. "{\"snapshot\": {\"name\": \""u8, 0xC3, 0x28, .. "\"}}"u8], path: RawHttp.SnapshotPath(project: EvsTestServer.OtherProject));

        var (_, _, message) = await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        Assert.Contains("UTF-8", message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }

    [Theory]
    [InlineData("""{"snapshot": {}}""")]
    [InlineData("""{"snapshot": {"name": 5}}""")]
    [InlineData("""{"snapshot": {"name": "a", "size": 3}}""")]
    public async Task ProjectMismatch_WithSchemaInvalidBody_IsTheProjectError(string body)
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync(body, path: RawHttp.SnapshotPath(project: EvsTestServer.OtherProject));

        var (_, _, message) = await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        Assert.Contains($"The project '{EvsTestServer.OtherProject}' in the URL is not the project of the token", message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task ProjectMismatch_OnMissingSnapshot_Is400_Not404()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync(ValidBody, path: RawHttp.SnapshotPath(project: EvsTestServer.OtherProject, snapshot: "missing"));

        var (_, _, message) = await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        Assert.Contains("project", message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task ProjectMismatch_WithReaderToken_Is400_Not403()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync(ValidBody, token: EvsTestServer.ReaderToken, path: RawHttp.SnapshotPath(project: EvsTestServer.OtherProject, snapshot: EvsTestServer.OtherSnapshotId));

        var (_, _, message) = await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        Assert.Contains("project", message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task SchemaInvalidBody_OnMissingSnapshot_Is400_Not404()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync("""{"snapshot": {"name": "a", "status": "error"}}""", path: RawHttp.SnapshotPath(snapshot: "missing"));

        var (_, _, message) = await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        Assert.Contains("'status' is not allowed", message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task SchemaInvalidBody_WithReaderToken_Is400_Not403()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync("""{"snapshot": {"name": null}}""", token: EvsTestServer.ReaderToken);

        await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task MissingSnapshot_WithReaderToken_Is404_Not403()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync(ValidBody, token: EvsTestServer.ReaderToken, path: RawHttp.SnapshotPath(snapshot: "missing"));

        await response.AssertFaultAsync(HttpStatusCode.NotFound, "itemNotFound", "EVS.5404");
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task OtherProjectsSnapshot_WithReaderToken_Is404_Not403()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync(ValidBody, token: EvsTestServer.ReaderToken, path: RawHttp.SnapshotPath(snapshot: EvsTestServer.OtherSnapshotId));

        await response.AssertFaultAsync(HttpStatusCode.NotFound, "itemNotFound", "EVS.5404");
        await server.AssertUnchangedAsync();
    }
}
