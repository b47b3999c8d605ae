using Evs.NSwag.Tests.Infrastructure;
using Evs.Snapshots;

namespace Evs.NSwag.Tests;

/// <summary>Our generated client against NSwag's controller, generated from the same document and wired to our backend.</summary>
public sealed class OurClientAgainstNSwagControllerTests
{
    /// <summary>The document's <c>x-datetime-format</c>, which NSwag does not read: its host has to be told.</summary>
    private const string DocumentTimestampFormat = "yyyy-MM-ddTHH:mm:ss.ffffff";

    [Fact]
    public async Task ShowSnapshot_ReturnsTheSeededSnapshot_WhenTheNSwagHostWritesTheDocumentsTimestampFormat()
    {
        await using var server = await Hosts.StartNSwagAsync(json => json.DateFormatString = DocumentTimestampFormat);
        using var http = new HttpClient();
        var client = Clients.Ours(server, http);

        var snapshot = (await client.ShowSnapshotAsync(Seed.Project, Seed.SnapshotId)).Snapshot;

        Assert.Equal(Seed.SnapshotId, snapshot.Id);
        Assert.Equal(SnapshotStatus.Available, snapshot.Status);
        Assert.Equal(("snap-001", "Daily backup", 1), (snapshot.Name, snapshot.Description, snapshot.Size));
        Assert.Equal("v", snapshot.Metadata["k"]);
        Assert.Equal(new DateTimeOffset(2013, 2, 25, 3, 56, 53, TimeSpan.Zero).AddTicks(816_420), snapshot.CreatedAt);
        Assert.Null(snapshot.UpdatedAt);
    }

    [Fact]
    public async Task UpdateSnapshot_ChangesTheFieldsSent_AndShowReadsThemBack()
    {
        await using var server = await Hosts.StartNSwagAsync(json => json.DateFormatString = DocumentTimestampFormat);
        using var http = new HttpClient();
        var client = Clients.Ours(server, http);

        var updated = (await client.UpdateSnapshotAsync(Seed.Project, Seed.SnapshotId, Request("snap-002", null))).Snapshot;
        var read = (await client.ShowSnapshotAsync(Seed.Project, Seed.SnapshotId)).Snapshot;

        Assert.Equal(("snap-002", "Daily backup"), (updated.Name, updated.Description));
        Assert.Equal(updated, read with { Metadata = updated.Metadata });
        Assert.NotNull(read.UpdatedAt);
    }

    [Theory]
    [InlineData("showSnapshot", Seed.OtherToken, 400, "badRequest")]
    [InlineData("showSnapshot", null, 401, "unauthorized")]
    [InlineData("updateSnapshot", Seed.ReaderToken, 403, "forbidden")]
    [InlineData("showSnapshot", Seed.MemberToken, 404, "itemNotFound")]
    public async Task ErrorAnswers_ReachOurClientAsTypedFaults(string operation, string? token, int status, string fault)
    {
        await using var server = await Hosts.StartNSwagAsync(json => json.DateFormatString = DocumentTimestampFormat);
        using var http = new HttpClient();
        var client = Clients.Ours(server, http, token);
        var snapshotId = status == 404 ? "no-such-snapshot" : Seed.SnapshotId;

        var exception = await Assert.ThrowsAsync<ApiException>(() => operation == "showSnapshot"
            ? client.ShowSnapshotAsync(Seed.Project, snapshotId)
            : client.UpdateSnapshotAsync(Seed.Project, snapshotId, Request("renamed", null)));

        Assert.Equal((status, fault), (exception.StatusCode, exception.FaultName));
    }

    internal static UpdateSnapshotRequest Request(string? name, string? description) =>
        new() { Snapshot = new UpdateSnapshotOption { Name = name, Description = description } };
}
