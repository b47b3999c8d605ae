using System.Globalization;
using System.Net;
using System.Text.Json;
using Evs.Snapshots;

namespace Evs.EndToEnd.Tests;

/// <summary>The generated client against the generated server, over real HTTP on 127.0.0.1.</summary>
public sealed class UpdateSnapshotTests
{
    [Fact]
    public async Task UpdatingBothFields_ReturnsTheSnapshotWithBoth_AndGetShowsThem()
    {
        await using var server = await EvsTestServer.StartAsync();
        var client = server.CreateClient();

        var response = await client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, Request("snap-002", "Weekly backup"));

        Assert.Equal("snap-002", response.Snapshot.Name);
        Assert.Equal("Weekly backup", response.Snapshot.Description);
        Assert.Equal(SnapshotStatus.Available, response.Snapshot.Status);
        Assert.Equal(1, response.Snapshot.Size);
        Assert.NotNull(response.Snapshot.UpdatedAt);
        var read = await client.ShowSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId);
        Assert.Equal(response.Snapshot with { Metadata = read.Snapshot.Metadata }, read.Snapshot);
    }

    [Fact]
    public async Task UpdatingOneField_KeepsTheOther()
    {
        await using var server = await EvsTestServer.StartAsync();
        var client = server.CreateClient();

        await client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, Request(name: "renamed", description: null));
        var read = await client.ShowSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId);

        Assert.Equal("renamed", read.Snapshot.Name);
        Assert.Equal("Daily backup", read.Snapshot.Description);
    }

    [Fact]
    public async Task SeedRequestExample_Returns200_WithExactlyTheSeedsNineKeys_AndTimestampsWithoutZone()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync("""{"snapshot": {"name": "snap-001", "description": "Daily backup"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var snapshot = Assert.Single(document.RootElement.EnumerateObject());
        Assert.Equal("snapshot", snapshot.Name);
        Assert.Equal(
            ["created_at", "description", "id", "metadata", "name", "size", "status", "updated_at", "volume_id"],
            snapshot.Value.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("2013-02-25T03:56:53.081642", snapshot.Value.GetProperty("created_at").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$", snapshot.Value.GetProperty("updated_at").GetString());
        Assert.Equal(JsonValueKind.Number, snapshot.Value.GetProperty("size").ValueKind);
        Assert.Equal(JsonValueKind.Object, snapshot.Value.GetProperty("metadata").ValueKind);
    }

    [Fact]
    public async Task UnknownSnapshot_ThrowsTypedException_WithItemNotFoundFault()
    {
        await using var server = await EvsTestServer.StartAsync();
        var client = server.CreateClient();

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.UpdateSnapshotAsync(EvsTestServer.Project, "no-such-snapshot", Request("x", null)));

        Assert.Equal(404, exception.StatusCode);
        Assert.Equal("itemNotFound", exception.FaultName);
        Assert.Equal("EVS.5404", exception.Code);
        Assert.Contains("no-such-snapshot", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdatedAt_IsTheTimeOfTheUpdate_AndNotBeforeCreatedAt()
    {
        await using var server = await EvsTestServer.StartAsync();
        var client = server.CreateClient();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var response = await client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, Request("x", null));

        Assert.InRange(response.Snapshot.UpdatedAt!.Value, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.True(response.Snapshot.UpdatedAt >= response.Snapshot.CreatedAt);
        Assert.Equal(TimeSpan.Zero, response.Snapshot.UpdatedAt.Value.Offset);
        Assert.Equal(0, response.Snapshot.UpdatedAt.Value.Ticks % 10);
    }

    [Theory]
    [InlineData(85, "中", true)] // 255 bytes
    [InlineData(86, "中", false)] // 258 bytes
    [InlineData(63, "😀", true)] // 252 bytes
    [InlineData(64, "😀", false)] // 256 bytes
    [InlineData(255, "a", true)]
    [InlineData(256, "a", false)]
    public async Task NameLength_IsCountedInUtf8Bytes(int count, string unit, bool accepted)
    {
        await using var server = await EvsTestServer.StartAsync();
        var client = server.CreateClient();
        var name = string.Concat(Enumerable.Repeat(unit, count));

        if (accepted)
        {
            var response = await client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, Request(name, name));
            Assert.Equal(name, response.Snapshot.Name);
            Assert.Equal(name, response.Snapshot.Description);
            return;
        }

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, Request(name, null)));
        Assert.Equal(400, exception.StatusCode);
        Assert.Equal("badRequest", exception.FaultName);
        Assert.Contains("at most 255", exception.Message, StringComparison.Ordinal);
        var read = await client.ShowSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId);
        Assert.Equal("snap-001", read.Snapshot.Name);
    }

    internal static UpdateSnapshotRequest Request(string? name, string? description) =>
        new() { Snapshot = new UpdateSnapshotOption { Name = name, Description = description } };

    internal static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
