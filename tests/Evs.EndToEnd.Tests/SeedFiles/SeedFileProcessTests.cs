using Evs.Backend;
using Evs.Snapshots;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// The real executable with <c>--seed</c>: a good file is served; a bad one stops the host at start-up with a message
/// on stderr naming the file and the problem, and a non-zero exit code (never a half-loaded store).
/// </summary>
public sealed class SeedFileProcessTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private readonly string _directory = Directory.CreateTempSubdirectory("evs-seed-tests-").FullName;

    public static TheoryData<string, string, string> Broken => new()
    {
        { "invalid JSON", """{"tokens": [""", "is not valid JSON" },
        { "wrong type", SeedJson.Valid.Replace("\"size\": 3", "\"size\": \"3\"", StringComparison.Ordinal), "$.snapshots[0].size: must be a non-negative integer" },
        { "unknown status", SeedJson.Valid.Replace("backing-up", "frozen", StringComparison.Ordinal), "'frozen' is not one of" },
        { "duplicate id", SeedJson.Valid.Replace("  ]\n}", "  ,{\"project_id\": \"seedproject\", \"id\": \"seed-snap\", \"volume_id\": \"v2\", \"name\": \"\", \"description\": \"\", \"status\": \"available\", \"size\": 1, \"metadata\": {}, \"created_at\": \"2021-02-03T04:05:06.070809\", \"updated_at\": null}\n  ]\n}", StringComparison.Ordinal), "is listed twice" },
        { "updated_at before created_at", SeedJson.Valid.Replace("\"updated_at\": null", "\"updated_at\": \"2020-01-01T00:00:00.000000\"", StringComparison.Ordinal), "$.snapshots[0].updated_at: must not be earlier than created_at" },
        { "escaped unpaired surrogate", SeedJson.Valid.Replace("from the seed file", "\\uD800", StringComparison.Ordinal), "must be valid Unicode text" },
        { "unknown role", SeedJson.Valid.Replace("[\"member\"]", "[\"Reader\"]", StringComparison.Ordinal), "$.tokens[0].roles[0]: unknown role 'Reader'" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task BrokenSeedFile_StopsTheHost_WithTheFileAndTheProblemOnStderr_AndNonZeroExit(string what, string json, string problem)
    {
        var path = Write(what.Replace(' ', '-') + ".json", json);

        await using var server = ServerProcess.Start("--seed", path);
        var exitCode = await server.WaitForExitAsync(s_timeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"Seed file '{path}' is invalid", server.StandardError, StringComparison.Ordinal);
        Assert.Contains(problem, server.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", server.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", server.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedFileWithInvalidUtf8_StopsTheHost()
    {
        var path = Path.Combine(_directory, "latin1.json");
        await File.WriteAllBytesAsync(path, System.Text.Encoding.Latin1.GetBytes(SeedJson.Valid.Replace("from the seed file", "café", StringComparison.Ordinal)));

        await using var server = ServerProcess.Start("--seed", path);

        Assert.NotEqual(0, await server.WaitForExitAsync(s_timeout));
        Assert.Contains($"Seed file '{path}' is invalid: the file is not valid UTF-8", server.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingSeedFile_StopsTheHost_NamingTheFile()
    {
        var path = Path.Combine(_directory, "does-not-exist.json");

        await using var server = ServerProcess.Start("--seed", path);

        Assert.NotEqual(0, await server.WaitForExitAsync(s_timeout));
        Assert.Contains($"Seed file '{path}' is invalid: the file cannot be read", server.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedFileOverTheSizeLimit_StopsTheHost_WithExit2()
    {
        // Valid JSON padded past the limit: it is the size that is refused, before anything is parsed.
        var path = Write("large.json", SeedJson.Valid + new string(' ', SeedData.MaxFileBytes));

        await using var server = ServerProcess.Start("--seed", path);

        Assert.Equal(2, await server.WaitForExitAsync(s_timeout));
        Assert.Contains($"Seed file '{path}' is invalid: the file is larger than {SeedData.MaxFileBytes} bytes", server.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedFileWithoutALength_DevZero_StopsTheHost_WithExit2_NotOutOfMemory()
    {
        // A character device reports no length and never ends: only a bounded read stops it.
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        await using var server = ServerProcess.Start("--seed", "/dev/zero");

        Assert.Equal(2, await server.WaitForExitAsync(s_timeout));
        Assert.Contains($"Seed file '/dev/zero' is invalid: the file is larger than {SeedData.MaxFileBytes} bytes", server.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Out of memory", server.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seed")]
    [InlineData("--seed=")]
    public async Task SeedOptionWithoutAPath_StopsTheHost(string option)
    {
        await using var server = ServerProcess.Start(option);

        Assert.NotEqual(0, await server.WaitForExitAsync(s_timeout));
        Assert.Contains("--seed needs a file path", server.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ValidSeedFile_IsServed_AndTheDemoDataIsNot(bool inlineForm)
    {
        var path = Write("valid.json", SeedJson.Valid);

        await using var server = inlineForm ? ServerProcess.Start("--seed=" + path) : ServerProcess.Start("--seed", path);
        var address = await server.WaitUntilListeningAsync(s_timeout);
        using var http = new HttpClient { BaseAddress = address, Timeout = s_timeout };

        var snapshot = (await new SnapshotsApiClient(http, new ApiClientOptions { AuthToken = "seed-token" }).ShowSnapshotAsync("seedproject", "seed-snap")).Snapshot;
        var demo = await Assert.ThrowsAsync<ApiException>(() => new SnapshotsApiClient(http, new ApiClientOptions { AuthToken = "demo-token" }).ShowSnapshotAsync("0c2eba2c5af04d3f9e9d0d410b371fde", "f9faf7df-fdc1-4093-9ef3-5cba06eef995"));

        Assert.Equal(("from the seed file", 3), (snapshot.Name, snapshot.Size));
        Assert.Equal(401, demo.StatusCode);
        Assert.Equal("127.0.0.1", address.Host);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, json);
        return path;
    }
}
