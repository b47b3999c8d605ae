using System.Net;

namespace Evs.EndToEnd.Tests;

/// <summary>The document's validation rules, enforced by the generated server; each failure changes nothing.</summary>
public sealed class SchemaValidationTests
{
    [Theory]
    [InlineData("""{"snapshot": {"name": "a", "size": 3}}""", "'size' is not allowed")]
    [InlineData("""{"snapshot": {"name": "a"}, "extra": 1}""", "'extra' is not allowed")]
    [InlineData("""{"Snapshot": {"name": "a"}}""", "'Snapshot' is not allowed")]
    [InlineData("""{"snapshot": {"Name": "a"}}""", "'Name' is not allowed")]
    [InlineData("""{"snapshot": {}}""", "at least 1")]
    [InlineData("""{}""", "'snapshot' is missing")]
    [InlineData("""{"snapshot": {"name": 5}}""", "expected a string")]
    [InlineData("""{"snapshot": {"name": true}}""", "expected a string")]
    [InlineData("""{"snapshot": {"description": ["a"]}}""", "expected a string")]
    [InlineData("""{"snapshot": {"name": null}}""", "got null")]
    [InlineData("""{"snapshot": null}""", "expected an object")]
    [InlineData("""{"snapshot": "snap"}""", "expected an object")]
    [InlineData("""[]""", "expected an object")]
    [InlineData("""{"snapshot": {"name": "a", "name": "b"}}""", "more than once")]
    public async Task InvalidBody_Is400BadRequest_AndChangesNothing(string body, string expected)
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync(body);

        var (_, _, message) = await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        Assert.Contains(expected, message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task InvalidBodyOnMissingSnapshot_Is400_Not404()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync("""{"snapshot": {}}""", path: RawHttp.SnapshotPath(snapshot: "missing"));

        await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        await server.AssertUnchangedAsync();
    }
}
