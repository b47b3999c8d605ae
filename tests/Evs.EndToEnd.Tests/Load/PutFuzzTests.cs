using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using Xunit.Abstractions;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// Thousands of generated bodies PUT over real HTTP. For each: never a 5xx; the status is the one an independent
/// reading of the contract (<see cref="FuzzOracle"/>) predicts; every error is the envelope under application/json
/// with a string code; the stored snapshot is the very same object after a failure and, after a 200, holds exactly
/// the trimmed values sent. Bounded: <c>EVS_FUZZ_ITERATIONS</c> (default 5,000) or <c>EVS_FUZZ_SECONDS</c>;
/// <c>EVS_FUZZ_SEED</c> replays a run. tests/scripts/fuzz-long.sh runs it for longer.
/// </summary>
public sealed class PutFuzzTests(ITestOutputHelper output)
{
    private const int DefaultIterations = 5_000;

    private static readonly JsonSerializerOptions s_readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task GeneratedBodies_NeverFail5xx_AnswerAsTheContractSays_AndChangeStateOnlyOn200()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        var counts = new Counts();
        var watch = Stopwatch.StartNew();
        var iterations = ReadSetting("EVS_FUZZ_ITERATIONS") ?? DefaultIterations;
        var seconds = ReadSetting("EVS_FUZZ_SECONDS") ?? -1;

        await FuzzBodies.Body.SampleAsync(
            body => PutAndCheckAsync(server, http, body, counts),
            writeLine: output.WriteLine,
            seed: Environment.GetEnvironmentVariable("EVS_FUZZ_SEED"),
            iter: iterations,
            time: seconds,
            threads: 1,
            print: Show);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz: {counts.Total} PUTs in {watch.Elapsed.TotalSeconds:F1} s: {counts.Ok} answered 200, {counts.BadRequest} answered 400, {counts.Other} other; {counts.Accepted255} of the 200s were 250–255 bytes long"));
        Assert.True(counts.Ok > counts.Total / 10 && counts.BadRequest > counts.Total / 10, "the generator must exercise both outcomes");
    }

    [Fact]
    public async Task EscapedUnpairedSurrogateInAKey_Is400_Not500()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        foreach (var body in new[] { """{"snapshot": {"\uD800": "a"}}""", """{"\uDC00": 1}""", """{"snapshot": {"name": "a"}, "x\uDBFFy": 1}""" })
        {
            using var response = await http.PutAsync(body);
            await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        }

        await server.AssertUnchangedAsync();
    }

    private static async Task PutAndCheckAsync(EvsTestServer server, HttpClient http, byte[] body, Counts counts)
    {
        var before = server.Store.Find(EvsTestServer.Project, EvsTestServer.SnapshotId)!;
        var expected = FuzzOracle.Expect(body);

        using var response = await http.PutBytesAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        counts.Add(status, expected.Name is { } n && Encoding.UTF8.GetByteCount(n) >= 250);

        Assert.True(status < 500, $"answered {status}: {text}");
        Assert.True(status == expected.Status, $"expected {expected.Status}, answered {status}: {text}");
        var after = server.Store.Find(EvsTestServer.Project, EvsTestServer.SnapshotId)!;
        if (status != 200)
        {
            await response.AssertFaultAsync((HttpStatusCode)status, "badRequest", "EVS.5400");
            Assert.Same(before, after);
            return;
        }

        Assert.Equal(expected.Name ?? before.Name, after.Name);
        Assert.Equal(expected.Description ?? before.Description, after.Description);
        Assert.Equal(before with { Name = after.Name, Description = after.Description, UpdatedAt = after.UpdatedAt }, after);
        Assert.True(after.UpdatedAt >= after.CreatedAt);
        using var document = JsonDocument.Parse(text);
        var snapshot = document.RootElement.GetProperty("snapshot");
        Assert.Equal((after.Name, after.Description), (snapshot.GetProperty("name").GetString(), snapshot.GetProperty("description").GetString()));
    }

    private static int? ReadSetting(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Show(byte[] body) =>
        System.Text.Unicode.Utf8.IsValid(body) ? JsonSerializer.Serialize(Encoding.UTF8.GetString(body), s_readable) : "bytes " + Convert.ToHexString(body);

    private sealed class Counts
    {
        private int _ok;
        private int _badRequest;
        private int _other;
        private int _accepted255;



        public int Total => _ok + _badRequest + _other;

        public int Ok => _ok;

        public int BadRequest => _badRequest;

        public int Other => _other;

        public int Accepted255 => _accepted255;

        public void Add(int status, bool nearLimit)
        {
            if (status == 200)
            {
                Interlocked.Increment(ref _ok);
            }
            else if (status == 400)
            {
                Interlocked.Increment(ref _badRequest);
            }
            else
            {
                Interlocked.Increment(ref _other);
            }

            if (status == 200 && nearLimit)
            {
                Interlocked.Increment(ref _accepted255);
            }
        }
    }
}
