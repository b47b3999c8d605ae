using System.Net;
using Evs.Snapshots;

namespace Evs.EndToEnd.Tests;

/// <summary>401 for a missing or unknown <c>X-Auth-Token</c>; 403 for a <c>reader</c> on PUT, while a reader may GET.</summary>
public sealed class AuthTests
{
    private const string ValidBody = """{"snapshot": {"name": "renamed"}}""";

    [Theory]
    [InlineData(null, "needs an X-Auth-Token header")]
    [InlineData("nobody", "is not valid")]
    [InlineData("", "is not valid")]
    [InlineData("DEMO-TOKEN", "is not valid")]
    public async Task Put_WithMissingOrUnknownToken_Is401_AndChangesNothing(string? token, string expected)
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync(ValidBody, token: token);

        var (_, _, message) = await response.AssertFaultAsync(HttpStatusCode.Unauthorized, "unauthorized", "EVS.5401");
        Assert.Contains(expected, message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("nobody")]
    public async Task Get_WithMissingOrUnknownToken_Is401(string? token)
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.GetSnapshotAsync(token: token);

        await response.AssertFaultAsync(HttpStatusCode.Unauthorized, "unauthorized", "EVS.5401");
    }

    [Fact]
    public async Task TokenSentAnywhereButXAuthToken_Is401()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, RawHttp.SnapshotPath()) { Content = new StringContent(ValidBody, RawHttp.Json) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + EvsTestServer.MemberToken);
        request.Headers.TryAddWithoutValidation("X-Auth", EvsTestServer.MemberToken);

        using var response = await http.SendAsync(request);

        await response.AssertFaultAsync(HttpStatusCode.Unauthorized, "unauthorized", "EVS.5401");
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task ReaderToken_Put_Is403Forbidden_AndChangesNothing()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync(ValidBody, token: EvsTestServer.ReaderToken);

        var (_, _, message) = await response.AssertFaultAsync(HttpStatusCode.Forbidden, "forbidden", "EVS.5403");
        Assert.Contains("volume:update_snapshot", message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task ReaderToken_Get_Is200_WithTheSnapshot()
    {
        await using var server = await EvsTestServer.StartAsync();

        var read = await server.CreateClient(EvsTestServer.ReaderToken).ShowSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId);

        Assert.Equal("snap-001", read.Snapshot.Name);
        Assert.Equal(EvsTestServer.SnapshotId, read.Snapshot.Id);
    }

    [Fact]
    public async Task ReaderToken_ThroughTheGeneratedClient_ThrowsForbidden()
    {
        await using var server = await EvsTestServer.StartAsync();
        var client = server.CreateClient(EvsTestServer.ReaderToken);

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request("x", null)));

        Assert.Equal((403, "forbidden", "EVS.5403"), (exception.StatusCode, exception.FaultName, exception.Code));
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task TokenWithReaderAndAnotherRole_MayUpdate()
    {
        const string seed = """
            {"tokens": [{"token": "both", "project_id": "p", "roles": ["reader", "member"]}],
             "snapshots": [{"project_id": "p", "id": "s", "volume_id": "v", "name": "n", "description": "d", "status": "available",
                            "size": 1, "metadata": {}, "created_at": "2020-01-01T00:00:00.000000", "updated_at": null}]}
            """;
        await using var server = await EvsTestServer.StartAsync(seedJson: seed);
        var client = new SnapshotsApiClient(server.CreateHttpClient(), new ApiClientOptions { AuthToken = "both" });

        var response = await client.UpdateSnapshotAsync("p", "s", UpdateSnapshotTests.Request("x", null));

        Assert.Equal("x", response.Snapshot.Name);
    }
}
