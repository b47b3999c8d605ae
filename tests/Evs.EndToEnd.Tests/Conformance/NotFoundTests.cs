using System.Net;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// 404 itemNotFound for an unknown or malformed snapshot id (ids are not format-checked) and for another project's
/// snapshot (never 403: existence is not leaked); 404 for a path no operation answers.
/// </summary>
public sealed class NotFoundTests
{
    [Theory]
    [InlineData("no-such-snapshot")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("f9faf7df-fdc1-4093-9ef3-5cba06eef99")]
    [InlineData("not a uuid at all")]
    [InlineData("快照")]
    [InlineData("%")]
    [InlineData("'; DROP TABLE snapshots; --")]
    [InlineData("a?b#c")]
    public async Task UnknownOrMalformedId_Is404_OnPutAndGet(string snapshotId)
    {
        await using var server = await EvsTestServer.StartAsync();
        var client = server.CreateClient();

        var put = await Assert.ThrowsAsync<ApiException>(() => client.UpdateSnapshotAsync(EvsTestServer.Project, snapshotId, UpdateSnapshotTests.Request("x", null)));
        var get = await Assert.ThrowsAsync<ApiException>(() => client.ShowSnapshotAsync(EvsTestServer.Project, snapshotId));

        foreach (var exception in new[] { put, get })
        {
            Assert.Equal((404, "itemNotFound", "EVS.5404"), (exception.StatusCode, exception.FaultName, exception.Code));
            Assert.Contains(snapshotId, exception.Message, StringComparison.Ordinal);
        }

        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task VeryLongId_Is404()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync("""{"snapshot": {"name": "x"}}""", path: RawHttp.SnapshotPath(snapshot: new string('f', 4000)));

        await response.AssertFaultAsync(HttpStatusCode.NotFound, "itemNotFound", "EVS.5404");
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task AnotherProjectsSnapshot_Is404_Not403_AndIsNotChanged()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        // Our own project in the URL, the other project's snapshot id: the answer must not say that it exists.
        using var put = await http.PutAsync("""{"snapshot": {"name": "stolen"}}""", path: RawHttp.SnapshotPath(snapshot: EvsTestServer.OtherSnapshotId));
        using var get = await http.GetSnapshotAsync(path: RawHttp.SnapshotPath(snapshot: EvsTestServer.OtherSnapshotId));
        using var missing = await http.PutAsync("""{"snapshot": {"name": "stolen"}}""", path: RawHttp.SnapshotPath(snapshot: "22222222-0000-0000-0000-000000000009"));

        var (_, _, putMessage) = await put.AssertFaultAsync(HttpStatusCode.NotFound, "itemNotFound", "EVS.5404");
        await get.AssertFaultAsync(HttpStatusCode.NotFound, "itemNotFound", "EVS.5404");
        var (_, _, missingMessage) = await missing.AssertFaultAsync(HttpStatusCode.NotFound, "itemNotFound", "EVS.5404");
        Assert.Equal(missingMessage.Replace("22222222-0000-0000-0000-000000000009", "ID", StringComparison.Ordinal), putMessage.Replace(EvsTestServer.OtherSnapshotId, "ID", StringComparison.Ordinal));
        await server.AssertUnchangedAsync();
    }

    [Theory]
    [InlineData("PUT", "v3/{project}/volumes/{snapshot}")]
    [InlineData("PUT", "v2/{project}/snapshots/{snapshot}")]
    [InlineData("PUT", "v3/{project}/snapshots")]
    [InlineData("PUT", "v3/{project}/snapshots/{snapshot}/metadata")]
    [InlineData("POST", "v3/{project}/snapshots/{snapshot}")]
    [InlineData("DELETE", "v3/{project}/snapshots/{snapshot}")]
    [InlineData("PATCH", "v3/{project}/snapshots/{snapshot}")]
    [InlineData("GET", "")]
    public async Task PathOrMethodNoOperationAnswers_Is404ItemNotFound(string method, string template)
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        var path = template.Replace("{project}", EvsTestServer.Project, StringComparison.Ordinal).Replace("{snapshot}", EvsTestServer.SnapshotId, StringComparison.Ordinal);

        using var response = await http.SendBytesAsync(new HttpMethod(method), "{\"snapshot\": {\"name\": \"x\"}}"u8.ToArray(), path: path);

        await response.AssertFaultAsync(HttpStatusCode.NotFound, "itemNotFound", "EVS.5404");
        await server.AssertUnchangedAsync();
    }
}
