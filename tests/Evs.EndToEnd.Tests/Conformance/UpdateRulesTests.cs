using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Evs.EndToEnd.Tests;

/// <summary>Partial updates, trimming after the length check, <c>updated_at</c>, and the <c>autobk_snapshot_</c> prefix.</summary>
public sealed class UpdateRulesTests
{
    [Fact]
    public async Task DescriptionOnly_ChangesTheDescription_AndKeepsEverythingElse()
    {
        await using var server = await EvsTestServer.StartAsync();
        var client = server.CreateClient();
        var before = (await client.ShowSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId)).Snapshot;

        await client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request(null, "new description"));
        var after = (await client.ShowSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId)).Snapshot;

        Assert.Equal("new description", after.Description);
        Assert.Equal(before with { Description = after.Description, UpdatedAt = after.UpdatedAt, Metadata = after.Metadata }, after);
        Assert.Empty(after.Metadata);
    }

    [Fact]
    public async Task NameOnly_ThenDescriptionOnly_KeepsTheNameFromTheFirst()
    {
        await using var server = await EvsTestServer.StartAsync();
        var client = server.CreateClient();

        await client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request("first", null));
        var response = await client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request(null, "second"));

        Assert.Equal(("first", "second"), (response.Snapshot.Name, response.Snapshot.Description));
    }

    [Theory]
    [InlineData("   ", "")]
    [InlineData("  padded  ", "padded")]
    [InlineData("\t\r\n tabs and newlines \n", "tabs and newlines")]
    [InlineData("\u3000全角\u3000", "全角")]
    [InlineData("\u00A0nbsp\u00A0", "nbsp")]
    [InlineData("\u001Fseparators\u001C", "separators")] // Python's str.strip() removes U+001C..U+001F; .NET's Trim() alone would not
    [InlineData("\u200Bzero width\u200B", "\u200Bzero width\u200B")] // not whitespace to Python either
    [InlineData("inner  spaces   stay", "inner  spaces   stay")]
    [InlineData("", "")]
    public async Task LeadingAndTrailingWhitespace_IsTrimmed(string sent, string stored)
    {
        await using var server = await EvsTestServer.StartAsync();
        var client = server.CreateClient();

        var response = await client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request(sent, sent));
        var read = await client.ShowSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId);

        Assert.Equal((stored, stored), (response.Snapshot.Name, response.Snapshot.Description));
        Assert.Equal((stored, stored), (read.Snapshot.Name, read.Snapshot.Description));
    }

    [Theory]
    [InlineData(253, "a", 2)] // 255 bytes with the spaces
    [InlineData(84, "中", 3)] // 252 + 3 = 255 bytes
    public async Task ValueThatFitsOnlyWithItsSpaces_IsAcceptedAndTrimmed(int count, string unit, int spaces)
    {
        await using var server = await EvsTestServer.StartAsync();
        var client = server.CreateClient();
        var core = string.Concat(Enumerable.Repeat(unit, count));
        var sent = new string(' ', spaces / 2) + core + new string(' ', spaces - (spaces / 2));
        Assert.Equal(255, Encoding.UTF8.GetByteCount(sent));

        var response = await client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request(sent, null));

        Assert.Equal(core, response.Snapshot.Name);
    }

    [Theory]
    [InlineData(255, "a")]
    [InlineData(85, "中")]
    [InlineData(63, "😀")]
    public async Task ValueThatFitsOnlyWhenTrimmed_IsRejected_BecauseTheLengthIsCheckedFirst(int count, string unit)
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        var sent = "  " + string.Concat(Enumerable.Repeat(unit, count)) + "  ";
        Assert.True(Encoding.UTF8.GetByteCount(sent.Trim()) <= 255);
        Assert.True(Encoding.UTF8.GetByteCount(sent) > 255);

        using var name = await http.PutAsync(Bodies.Update("\"" + sent + "\"", null));
        using var description = await http.PutAsync(Bodies.Update(null, "\"" + sent + "\""));

        var (_, _, message) = await name.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        Assert.Contains("snapshot.name", message, StringComparison.Ordinal);
        Assert.Contains("at most 255", message, StringComparison.Ordinal);
        (_, _, message) = await description.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        Assert.Contains("snapshot.description", message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task OneInvalidField_RejectsTheWholeRequest_EvenWhenTheOtherIsValid()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync(Bodies.Update("\"valid\"", "\"" + new string('d', 256) + "\""));

        await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        await server.AssertUnchangedAsync();
    }

    [Fact]
    [Trait("Category", EvsTestServer.InProcessTrait)]
    public async Task UpdatedAt_IsNullBeforeTheFirstUpdate_ThenMovesWithEachUpdate()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1234567));
        await using var server = await EvsTestServer.StartAsync(services => services.AddSingleton<TimeProvider>(clock));
        var client = server.CreateClient();
        Assert.Null((await client.ShowSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId)).Snapshot.UpdatedAt);

        var first = await client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request("one", null));
        clock.Advance(TimeSpan.FromSeconds(90));
        var second = await client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request(null, "two"));

        // Stored with microsecond precision, as the wire format carries it.
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1234560), first.Snapshot.UpdatedAt);
        Assert.Equal(first.Snapshot.UpdatedAt!.Value.AddSeconds(90), second.Snapshot.UpdatedAt);
        Assert.Equal(second.Snapshot.UpdatedAt, (await client.ShowSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId)).Snapshot.UpdatedAt);
        Assert.Contains("\"updated_at\":\"2024-05-06T07:09:39.123456\"", await server.GetSnapshotJsonAsync(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", EvsTestServer.InProcessTrait)]
    public async Task UpdatedAt_IsNeverBeforeCreatedAt_EvenWhenTheClockIsBehind()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var server = await EvsTestServer.StartAsync(services => services.AddSingleton<TimeProvider>(clock));
        var client = server.CreateClient();

        var response = await client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request("x", null));

        Assert.Equal(response.Snapshot.CreatedAt, response.Snapshot.UpdatedAt);
        Assert.Equal("2013-02-25T03:56:53.081642", UpdateSnapshotTests.Format(response.Snapshot.UpdatedAt!.Value));
    }

    [Fact]
    [Trait("Category", EvsTestServer.InProcessTrait)]
    public async Task FailedRequest_DoesNotMoveUpdatedAt()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var server = await EvsTestServer.StartAsync(services => services.AddSingleton<TimeProvider>(clock));
        var client = server.CreateClient();
        var updated = await client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request("x", null));
        clock.Advance(TimeSpan.FromHours(1));

        await Assert.ThrowsAsync<ApiException>(() => client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request(new string('n', 256), null)));
        await Assert.ThrowsAsync<ApiException>(() => server.CreateClient(EvsTestServer.ReaderToken).UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request("y", null)));

        Assert.Equal(updated.Snapshot, (await client.ShowSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId)).Snapshot with { Metadata = updated.Snapshot.Metadata });
    }

    [Theory]
    [InlineData("autobk_snapshot_")]
    [InlineData("autobk_snapshot_2024-05-06")]
    public async Task AutobkSnapshotPrefix_IsAccepted(string name)
    {
        await using var server = await EvsTestServer.StartAsync();
        var client = server.CreateClient();

        var response = await client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request(name, null));

        Assert.Equal(name, response.Snapshot.Name);
        Assert.Equal(name, (await client.ShowSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId)).Snapshot.Name);
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
