using Evs.NSwag.Tests.Infrastructure;

namespace Evs.NSwag.Tests;

/// <summary>
/// Where NSwag and we read the same document differently. Each test pins what each side does today; the README's
/// "Compared with NSwag" section says who is right.
/// </summary>
public sealed class DisagreementTests
{
    [Fact]
    public async Task NSwagHost_WritesTimestampsAsTheDocumentsStrings_WhichOurClientReadsAsUtc()
    {
        await using var server = await Hosts.StartNSwagAsync();
        using var raw = new HttpClient { BaseAddress = server.Address };
        raw.DefaultRequestHeaders.Add("X-Auth-Token", Seed.MemberToken);
        using var http = new HttpClient();
        var client = Clients.Ours(server, http);

        var body = await raw.GetStringAsync($"v3/{Seed.Project}/snapshots/{Seed.SnapshotId}");
        var snapshot = (await client.ShowSnapshotAsync(Seed.Project, Seed.SnapshotId)).Snapshot;

        // The document no longer claims RFC 3339 (format: date-time): NSwag types the timestamps as strings, so no
        // serializer adds an offset; only our converters know x-datetime-format and read them as UTC.
        Assert.Contains("\"created_at\":\"2013-02-25T03:56:53.081642\"", body, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2013, 2, 25, 3, 56, 53, TimeSpan.Zero).AddTicks(816_420), snapshot.CreatedAt);
    }

    /// <summary>The same PUT body to both servers: our generated controller and NSwag's (with model-state answers).</summary>
    [Theory]
    [InlineData("86 Han characters: 258 UTF-8 bytes (x-max-bytes 255)", """{"snapshot": {"name": "HAN86"}}""", 400, 200)]
    [InlineData("an extra top-level key (additionalProperties: false)", """{"snapshot": {"name": "x"}, "extra": 1}""", 400, 200)]
    [InlineData("an extra snapshot key (additionalProperties: false)", """{"snapshot": {"name": "x", "size": 2}}""", 400, 200)]
    [InlineData("no field at all (minProperties: 1)", """{"snapshot": {}}""", 400, 200)]
    [InlineData("a duplicate key", """{"snapshot": {"name": "a", "name": "b"}}""", 400, 200)]
    [InlineData("a key in the wrong case", """{"Snapshot": {"name": "x"}}""", 400, 200)]
    [InlineData("a number for a string", """{"snapshot": {"name": 5}}""", 400, 200)]
    [InlineData("null for a name (DisallowNull in NSwag)", """{"snapshot": {"name": null}}""", 400, 400)]
    [InlineData("256 ASCII characters (maxLength 255)", """{"snapshot": {"name": "A256"}}""", 400, 400)]
    [InlineData("85 Han characters: 255 UTF-8 bytes", """{"snapshot": {"name": "HAN85"}}""", 200, 200)]
    public async Task SameBody_OursAndNSwagsServer_Answer(string what, string json, int ours, int nswag)
    {
        Assert.NotEmpty(what);
        json = json.Replace("HAN86", new string('中', 86), StringComparison.Ordinal)
            .Replace("HAN85", new string('中', 85), StringComparison.Ordinal)
            .Replace("A256", new string('a', 256), StringComparison.Ordinal);
        await using var ourServer = await Hosts.StartOursAsync();
        await using var nswagServer = await Hosts.StartNSwagAsync();

        Assert.Equal((ours, nswag), (await Clients.PutRawAsync(ourServer, json), await Clients.PutRawAsync(nswagServer, json)));
    }
}
