using System.Text;
using Evs.Backend;
using Evs.Snapshots;

namespace Evs.EndToEnd.Tests;

/// <summary><see cref="SeedData.Parse"/>: a seed is read whole or refused with the file and the problem, never half-loaded.</summary>
public sealed class SeedDataParseTests
{
    [Fact]
    public void ValidSeed_IsReadCompletely()
    {
        var seed = SeedData.Parse(Encoding.UTF8.GetBytes(SeedJson.Valid), "valid.json");

        var token = Assert.Single(seed.Tokens);
        Assert.Equal(("seed-token", "seedproject", "member"), (token.Token, token.ProjectId, Assert.Single(token.Roles)));
        Assert.True(token.CanWrite);
        var snapshot = Assert.Single(seed.Snapshots);
        Assert.Equal(("seedproject", "seed-snap", "v", "from the seed file", string.Empty, 3), (snapshot.ProjectId, snapshot.Id, snapshot.VolumeId, snapshot.Name, snapshot.Description, snapshot.Size));
        Assert.Equal(new SnapshotStatus("backing-up"), snapshot.Status);
        Assert.Equal("v", snapshot.Metadata["k"]);
        Assert.Equal(new DateTimeOffset(2021, 2, 3, 4, 5, 6, TimeSpan.Zero).AddTicks(708090), snapshot.CreatedAt);
        Assert.Null(snapshot.UpdatedAt);
    }

    [Fact]
    public void DefaultSeed_IsTheContractsDemoData()
    {
        var seed = SeedData.Default;

        Assert.Equal(["demo-token", "demo-reader"], seed.Tokens.Select(t => t.Token));
        Assert.False(seed.Tokens[1].CanWrite);
        var snapshot = Assert.Single(seed.Snapshots);
        Assert.Equal(("0c2eba2c5af04d3f9e9d0d410b371fde", "f9faf7df-fdc1-4093-9ef3-5cba06eef995", "snap-001", "Daily backup"), (snapshot.ProjectId, snapshot.Id, snapshot.Name, snapshot.Description));
    }

    [Fact]
    public void SeedWithAUtf8ByteOrderMark_IsRead()
    {
        var seed = SeedData.Parse([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(SeedJson.Valid)], "bom.json");

        Assert.Single(seed.Snapshots);
    }

    [Fact]
    public void SameSnapshotIdInTwoProjects_IsAllowed()
    {
        var json = SeedJson.Valid.Replace("  ]\n}", "  ,{\"project_id\": \"another\", \"id\": \"seed-snap\", \"volume_id\": \"v2\", \"name\": \"\", \"description\": \"\", \"status\": \"available\", \"size\": 1, \"metadata\": {}, \"created_at\": \"2021-02-03T04:05:06.070809\", \"updated_at\": null}\n  ]\n}", StringComparison.Ordinal);

        Assert.Equal(2, SeedData.Parse(Encoding.UTF8.GetBytes(json), "two-projects.json").Snapshots.Count);
    }

    [Theory]
    [MemberData(nameof(SeedJson.Broken), MemberType = typeof(SeedJson))]
    public void BrokenSeed_IsRefused_NamingTheFileAndTheProblem(string what, string json, string problem)
    {
        var exception = Assert.Throws<SeedException>(() => SeedData.Parse(Encoding.UTF8.GetBytes(json), "/seeds/broken.json"));

        Assert.Equal("/seeds/broken.json", exception.Source);
        Assert.True(exception.Problem.Contains(problem, StringComparison.Ordinal), $"{what}: {exception.Problem}");
        Assert.StartsWith("Seed file '/seeds/broken.json' is invalid: ", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public void SeedWithInvalidUtf8_IsRefused(byte[] bad)
    {
        var text = Encoding.UTF8.GetBytes(SeedJson.Valid);
        var at = Encoding.UTF8.GetBytes(SeedJson.Valid[..SeedJson.Valid.IndexOf("from the seed file", StringComparison.Ordinal)]).Length;
        byte[] json = [.. text.AsSpan(0, at), .. bad, .. text.AsSpan(at)];

        var exception = Assert.Throws<SeedException>(() => SeedData.Parse(json, "latin1.json"));

        Assert.Contains("not valid UTF-8", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_IsRefused_NamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "evs-no-such-dir-" + Guid.NewGuid().ToString("N"), "seed.json");

        var exception = Assert.Throws<SeedException>(() => SeedData.LoadFile(path));

        Assert.Equal(path, exception.Source);
        Assert.Contains("cannot be read", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_IsRefused_NamingIt()
    {
        var exception = Assert.Throws<SeedException>(() => SeedData.LoadFile(Path.GetTempPath()));

        Assert.Contains("cannot be read", exception.Problem, StringComparison.Ordinal);
    }
}
