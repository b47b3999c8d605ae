using System.Net;
using System.Text.Json;
using Evs.Snapshots;

namespace Evs.EndToEnd.Tests;

/// <summary>The document's rows the other classes do not already cover: status values, metadata, GET, the served document.</summary>
public sealed class DocumentRulesTests
{
    [Theory]
    [InlineData("creating")]
    [InlineData("available")]
    [InlineData("error")]
    [InlineData("deleting")]
    [InlineData("error_deleting")]
    [InlineData("rollbacking")]
    [InlineData("backing-up")]
    public async Task EveryDocumentedStatus_RoundTripsThroughGetAndPut(string status)
    {
        var seed = $$"""
            {"tokens": [{"token": "t", "project_id": "p", "roles": ["member"]}],
             "snapshots": [{"project_id": "p", "id": "s", "volume_id": "v", "name": "n", "description": "d", "status": "{{status}}",
                            "size": 2, "metadata": {"a": "1", "b": "two"}, "created_at": "2020-01-01T00:00:00.000001", "updated_at": "2020-01-02T00:00:00.000000"}]}
            """;
        await using var server = await EvsTestServer.StartAsync(seedJson: seed);
        var client = new SnapshotsApiClient(server.CreateHttpClient(), new ApiClientOptions { AuthToken = "t" });

        var read = await client.ShowSnapshotAsync("p", "s");
        var updated = await client.UpdateSnapshotAsync("p", "s", UpdateSnapshotTests.Request("m", null));

        Assert.Equal(new SnapshotStatus(status), read.Snapshot.Status);
        Assert.True(read.Snapshot.Status.IsKnown);
        Assert.Equal(read.Snapshot.Status, updated.Snapshot.Status);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "two" }, updated.Snapshot.Metadata);
        Assert.Equal(2, updated.Snapshot.Size);
    }

    [Fact]
    public async Task Get_AnswersTheSnapshot_WithTheNineKeys_StringMetadata_AndNullUpdatedAtBeforeAnyUpdate()
    {
        await using var server = await EvsTestServer.StartAsync();

        using var document = JsonDocument.Parse(await server.GetSnapshotJsonAsync(EvsTestServer.OtherProject, EvsTestServer.OtherSnapshotId, EvsTestServer.OtherToken));

        var snapshot = document.RootElement.GetProperty("snapshot");
        Assert.Single(document.RootElement.EnumerateObject());
        Assert.Equal(9, snapshot.EnumerateObject().Count());
        Assert.Equal(JsonValueKind.Null, snapshot.GetProperty("updated_at").ValueKind);
        Assert.Equal("2020-01-01T00:00:00.000000", snapshot.GetProperty("created_at").GetString());
        Assert.Equal("v", snapshot.GetProperty("metadata").GetProperty("k").GetString());
        Assert.Equal(10, snapshot.GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task TheHost_ServesItsOpenApiDocument_WithoutAToken()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.GetAsync(new Uri(server.BaseAddress, "openapi/evs-snapshots.yaml"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("operationId: updateSnapshot", text, StringComparison.Ordinal);
        Assert.Contains("x-max-bytes", text, StringComparison.Ordinal);
    }
}
