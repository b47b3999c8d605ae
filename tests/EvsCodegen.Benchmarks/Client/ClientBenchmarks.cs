using BenchmarkDotNet.Attributes;
using Evs.Snapshots;
using EvsCodegen.Runtime;

namespace EvsCodegen.Benchmarks.Client;

/// <summary>
/// Item 4, no network: one UpdateSnapshot call through <c>HttpClient</c> over a handler that consumes the request
/// body and returns a canned response. Baseline: the hand-written System.Text.Json source-generated client.
/// </summary>
[Config(typeof(BenchConfig))]
public class ClientCannedBenchmarks
{
    private readonly CannedHandler _handler = new();
    private ClientFixture _clients = null!;

    [GlobalSetup]
    public void Setup() => _clients = new ClientFixture(_handler, new Uri("http://evs.local/"));

    [GlobalCleanup]
    public void Cleanup()
    {
        _clients.Dispose();
        _handler.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<int> HandWritten() => _clients.HandWrittenAsync();

    [Benchmark]
    public Task<int> Generated() => _clients.GeneratedAsync();

    [Benchmark]
    public Task<int> NSwag() => _clients.NSwagAsync();

    /// <summary>Diagnostic: the generated method with the recommended fixes applied by hand.</summary>
    [Benchmark]
    public Task<int> GeneratedTuned() => _clients.GeneratedTunedAsync();

    /// <summary>Diagnostic: HttpClient and the handler alone, no JSON (the floor under every client).</summary>
    [Benchmark]
    public Task<int> TransportOnly() => _clients.TransportOnlyAsync();
}

/// <summary>
/// Item 4, the JSON alone: the request body serialized to UTF-8 and the response body read back, without
/// <c>HttpClient</c>. Baseline: System.Text.Json's source generator.
/// </summary>
[Config(typeof(BenchConfig))]
public class ClientJsonBenchmarks
{
    private static readonly UpdateSnapshotRequest s_generatedBody = new() { Snapshot = new UpdateSnapshotOption { Name = "snap-001", Description = "Daily backup" } };
    private static readonly HandUpdateSnapshotRequest s_handBody = new(new HandUpdateSnapshotOption("snap-001", "Daily backup"));
    private static readonly NSwagClient.UpdateSnapshotRequest s_nswagBody = new() { Snapshot = new NSwagClient.UpdateSnapshotOption { Name = "snap-001", Description = "Daily backup" } };
    private static readonly System.Text.Json.JsonSerializerOptions s_nswagOptions = new();

    [Benchmark(Baseline = true)]
    public int HandWritten()
    {
        var request = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(s_handBody, HandWrittenJsonContext.Default.HandUpdateSnapshotRequest);
        var response = System.Text.Json.JsonSerializer.Deserialize(ClientFixture.ResponseBody, HandWrittenJsonContext.Default.HandSnapshotResponse)!;
        return request.Length + response.Snapshot.Size;
    }

    [Benchmark]
    public int Generated()
    {
        var request = ApiJsonValue.Serialize(s_generatedBody, UpdateSnapshotRequestJsonConverter.WriteValue);
        var response = ApiJsonReader.Deserialize(ClientFixture.ResponseBody, SnapshotResponseJsonConverter.ReadValue, strict: false);
        return request.Length + response.Snapshot.Size;
    }

    /// <summary>What NSwag's client does with its default settings: reflection-based System.Text.Json.</summary>
    [Benchmark]
    public int NSwag()
    {
        var request = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(s_nswagBody, s_nswagOptions);
        var response = System.Text.Json.JsonSerializer.Deserialize<NSwagClient.SnapshotResponse>(ClientFixture.ResponseBody, s_nswagOptions)!;
        return request.Length + response.Snapshot.Size;
    }
}

/// <summary>
/// Item 4, one full round trip over loopback against the real EVS host (Kestrel on 127.0.0.1, generated
/// controller, in-memory backend). Baseline: the hand-written client.
/// </summary>
[Config(typeof(BenchConfig))]
public class ClientLoopbackBenchmarks
{
    private WebApplication _app = null!;
    private SocketsHttpHandler _handler = null!;
    private ClientFixture _clients = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The EVS host as BenchHosts starts it: only the generated controller (this assembly holds NSwag's too).
        (_app, var baseAddress) = Server.BenchHosts.StartAsync("generated").GetAwaiter().GetResult();
        _handler = new SocketsHttpHandler { UseProxy = false };
        _clients = new ClientFixture(_handler, baseAddress);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _clients.Dispose();
        _handler.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public Task<int> HandWritten() => _clients.HandWrittenAsync();

    [Benchmark]
    public Task<int> Generated() => _clients.GeneratedAsync();

    [Benchmark]
    public Task<int> NSwag() => _clients.NSwagAsync();

    /// <summary>Diagnostic: the generated method with the recommended fixes applied by hand.</summary>
    [Benchmark]
    public Task<int> GeneratedTuned() => _clients.GeneratedTunedAsync();

    /// <summary>Diagnostic: HttpClient and the handler alone, no JSON (the floor under every client).</summary>
    [Benchmark]
    public Task<int> TransportOnly() => _clients.TransportOnlyAsync();
}
