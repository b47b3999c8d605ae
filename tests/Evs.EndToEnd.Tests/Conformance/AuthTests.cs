using System.Net;
using System.Text;
using Evs.Backend;
using Evs.Server;
using Evs.Snapshots;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// 401 for a missing, unknown or repeated <c>X-Auth-Token</c>; 403 on PUT for any token without a role that grants
/// writing (<c>member</c>), while a reader may GET.
/// </summary>
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

    [Theory]
    [InlineData("demo-token", "demo-reader")]
    [InlineData("demo-reader", "demo-token")]
    [InlineData("demo-token", "demo-token")]
    public async Task Put_WithTwoXAuthTokenHeaders_Is401_InEitherOrder_AndChangesNothing(string first, string second)
    {
        await using var server = await EvsTestServer.StartAsync();

        var response = await SendRawAsync(server, "PUT", ValidBody, [$"X-Auth-Token: {first}", $"X-Auth-Token: {second}"]);

        var (_, _, message) = await response.ToMessage().AssertFaultAsync(HttpStatusCode.Unauthorized, "unauthorized", "EVS.5401");
        Assert.Contains("exactly one X-Auth-Token", message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task Get_WithTwoXAuthTokenHeaders_Is401()
    {
        await using var server = await EvsTestServer.StartAsync();

        var response = await SendRawAsync(server, "GET", null, ["X-Auth-Token: demo-reader", "X-Auth-Token: demo-token"]);

        await response.ToMessage().AssertFaultAsync(HttpStatusCode.Unauthorized, "unauthorized", "EVS.5401");
    }

    [Theory]
    [InlineData("demo-token, demo-reader")]
    [InlineData("demo-reader,demo-token")]
    [InlineData("demo-token,")]
    public async Task Put_WithACommaJoinedXAuthToken_Is401_AsTwoValues(string value)
    {
        // RFC 9110 5.3: a comma-joined field value means the same as separate field lines, so it is as ambiguous.
        await using var server = await EvsTestServer.StartAsync();

        var response = await SendRawAsync(server, "PUT", ValidBody, [$"X-Auth-Token: {value}"]);

        var (_, _, message) = await response.ToMessage().AssertFaultAsync(HttpStatusCode.Unauthorized, "unauthorized", "EVS.5401");
        Assert.Contains("exactly one X-Auth-Token", message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task TwoXAuthTokenHeaders_WithAnOversizedBody_AreStill413First()
    {
        await using var server = await EvsTestServer.StartAsync();

        var response = await SendRawAsync(server, "PUT", new string(' ', EvsHost.MaxBodyBytes + 1), ["X-Auth-Token: demo-token", "X-Auth-Token: demo-reader"]);

        await response.ToMessage().AssertFaultAsync(HttpStatusCode.RequestEntityTooLarge, "overLimit", "EVS.5400");
    }

    [Theory]
    [InlineData("Reader")]
    [InlineData("MEMBER")]
    [InlineData("admin")]
    [InlineData("owner")]
    public async Task TokenWithOnlyARoleThatIsNotMember_MayNotUpdate(string role)
    {
        // The seed loader refuses such roles; a token built in code (tests, embedding) must still fail closed.
        var store = new SnapshotStore(SeedData.Default);
        var caller = new CallerContext { Token = new EvsToken("t", EvsTestServer.Project, [role]) };
        var api = new InMemorySnapshotsApi(store, caller, TimeProvider.System);

        var exception = await Assert.ThrowsAsync<ApiException>(() => api.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request("x", null)));

        Assert.Equal(403, exception.StatusCode);
        Assert.Equal("snap-001", store.Find(EvsTestServer.Project, EvsTestServer.SnapshotId)!.Name);
    }

    [Theory]
    [InlineData(new[] { "member" }, true)]
    [InlineData(new[] { "reader", "member" }, true)]
    [InlineData(new[] { "reader" }, false)]
    [InlineData(new[] { "Reader" }, false)]
    [InlineData(new[] { "Member" }, false)]
    [InlineData(new string[0], false)]
    public void CanWrite_IsGrantedByTheMemberRoleOnly(string[] roles, bool canWrite) =>
        Assert.Equal(canWrite, new EvsToken("t", "p", roles).CanWrite);

    private static Task<RawResponse> SendRawAsync(EvsTestServer server, string method, string? body, IEnumerable<string> tokenHeaders)
    {
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var headers = body is null ? tokenHeaders : tokenHeaders.Concat(["Content-Type: application/json", $"Content-Length: {bytes.Length}"]);
        return RawSocket.SendAsync(server.BaseAddress, method, RawHttp.SnapshotPath(), headers, async (stream, cancellationToken) => await stream.WriteAsync(bytes, cancellationToken));
    }
}
