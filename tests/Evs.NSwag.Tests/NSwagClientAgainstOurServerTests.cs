using Evs.NSwag.Client;
using Evs.NSwag.Tests.Infrastructure;
using Evs.Snapshots;
using Microsoft.Extensions.DependencyInjection;
using FaultMap = System.Collections.Generic.IDictionary<string, Evs.NSwag.Client.Fault>;

namespace Evs.NSwag.Tests;

/// <summary>NSwag's client, generated from the same document, against our generated server over 127.0.0.1.</summary>
public sealed class NSwagClientAgainstOurServerTests
{
    [Fact]
    public async Task ShowSnapshot_ReturnsTheSeededSnapshot_AsNSwagReadsIt()
    {
        await using var server = await Hosts.StartOursAsync();
        using var client = Clients.NSwag(server);

        var snapshot = (await client.Api.ShowSnapshotAsync(Seed.Project, Seed.SnapshotId)).Snapshot;

        Assert.Equal(Seed.SnapshotId, snapshot.Id);
        Assert.Equal(Client.SnapshotStatus.Available, snapshot.Status);
        Assert.Equal("snap-001", snapshot.Name);
        Assert.Equal("Daily backup", snapshot.Description);
        Assert.Equal("5aa119a8-d25b-45a7-8d1b-88e127885635", snapshot.Volume_id);
        Assert.Equal(1, snapshot.Size);
        Assert.Equal(new Dictionary<string, string> { ["k"] = "v" }, snapshot.Metadata);
        Assert.Null(snapshot.Updated_at);
        // The document types timestamps as strings with a pattern (no RFC 3339 offset), so NSwag keeps the wire text.
        Assert.Equal("2013-02-25T03:56:53.081642", snapshot.Created_at);
    }

    [Fact]
    public async Task UpdateSnapshot_ChangesBothFields_AndShowReadsThemBack()
    {
        await using var server = await Hosts.StartOursAsync();
        using var client = Clients.NSwag(server);

        var updated = (await client.Api.UpdateSnapshotAsync(Request("snap-002", "Weekly backup"), Seed.Project, Seed.SnapshotId)).Snapshot;
        var read = (await client.Api.ShowSnapshotAsync(Seed.Project, Seed.SnapshotId)).Snapshot;

        Assert.Equal(("snap-002", "Weekly backup"), (updated.Name, updated.Description));
        Assert.Equal(("snap-002", "Weekly backup"), (read.Name, read.Description));
        Assert.NotNull(read.Updated_at);
        Assert.Equal(updated.Updated_at, read.Updated_at);
    }

    [Fact]
    public async Task UpdateSnapshot_WithOnlyAName_LeavesTheDescriptionOut_AndTheServerKeepsIt()
    {
        await using var server = await Hosts.StartOursAsync();
        using var client = Clients.NSwag(server);

        var updated = (await client.Api.UpdateSnapshotAsync(Request("renamed", null), Seed.Project, Seed.SnapshotId)).Snapshot;

        Assert.Equal(("renamed", "Daily backup"), (updated.Name, updated.Description));
    }

    /// <summary>
    /// Every status the document lists for each operation, except GET's 403: every role may read, so no request
    /// can produce it. NSwag types each documented error body as the fault map (it inlines <c>ErrorResponse</c>).
    /// </summary>
    [Theory]
    [InlineData("showSnapshot", 400, "badRequest", "EVS.5400")]
    [InlineData("showSnapshot", 401, "unauthorized", "EVS.5401")]
    [InlineData("showSnapshot", 404, "itemNotFound", "EVS.5404")]
    [InlineData("showSnapshot", 500, "computeFault", "EVS.5500")]
    [InlineData("updateSnapshot", 400, "badRequest", "EVS.5400")]
    [InlineData("updateSnapshot", 401, "unauthorized", "EVS.5401")]
    [InlineData("updateSnapshot", 403, "forbidden", "EVS.5403")]
    [InlineData("updateSnapshot", 404, "itemNotFound", "EVS.5404")]
    [InlineData("updateSnapshot", 413, "overLimit", "EVS.5400")]
    [InlineData("updateSnapshot", 415, "badMediaType", "EVS.5400")]
    [InlineData("updateSnapshot", 500, "computeFault", "EVS.5500")]
    public async Task EveryDocumentedErrorStatus_ReachesNSwagAsApiExceptionOfTheFaultMap(string operation, int status, string fault, string code)
    {
        await using var server = await Hosts.StartOursAsync(status == 500 ? services => services.AddScoped<ISnapshotsApi, FailingSnapshotsApi>() : null);
        var token = status switch { 400 when operation == "showSnapshot" => Seed.OtherToken, 401 => null, 403 => Seed.ReaderToken, _ => Seed.MemberToken };
        using var client = Clients.NSwag(server, token, contentType: status == 415 ? "text/plain" : null);
        var snapshotId = status == 404 ? "no-such-snapshot" : Seed.SnapshotId;
        var name = status switch { 400 => new string('中', 86), 413 => new string('a', 120_000), _ => "renamed" };

        var exception = await Assert.ThrowsAsync<Evs.NSwag.Client.ApiException<FaultMap>>(() => operation == "showSnapshot"
            ? client.Api.ShowSnapshotAsync(Seed.Project, snapshotId)
            : client.Api.UpdateSnapshotAsync(Request(name, null), Seed.Project, snapshotId));

        Assert.Equal(status, exception.StatusCode);
        var (key, value) = Assert.Single(exception.Result);
        Assert.Equal(fault, key);
        Assert.Equal(code, value.Code);
        Assert.False(string.IsNullOrEmpty(value.Message));
    }

    private static Client.UpdateSnapshotRequest Request(string? name, string? description) =>
        new() { Snapshot = new Client.UpdateSnapshotOption { Name = name, Description = description } };
}
