// A bounded load run against the EVS emulator: N clients, each doing PUT then GET of its own snapshot through the
// generated client, for T seconds; prints the request rate, latency percentiles and the error count.
//
//   dotnet run -c Release --project tests/Evs.LoadTest -- [--clients 50] [--seconds 10] [--shared] [--url http://127.0.0.1:5080]
//
// Without --url it starts the emulator in this process on 127.0.0.1 (a free port) with one token and one snapshot per
// client (--shared: all clients update one snapshot). With --url it targets a running emulator started with the
// demo data, all clients updating the demo snapshot. Exit code 1 when any request failed.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Evs.Backend;
using Evs.Server;
using Evs.Snapshots;
using EvsCodegen.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

var clients = Option("--clients", 50);
var seconds = Option("--seconds", 10);
var shared = args.Contains("--shared");
var url = OptionText("--url");
if (clients is < 1 or > 10_000 || seconds is < 1 or > 3_600)
{
    Console.Error.WriteLine("--clients must be 1..10000 and --seconds 1..3600");
    return 2;
}

const string Project = "0c2eba2c5af04d3f9e9d0d410b371fde";
WebApplication? app = null;
Uri baseAddress;
if (url is null)
{
    app = EvsHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], LoadSeed(clients, shared));
    await app.StartAsync();
    baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
}
else
{
    baseAddress = new Uri(url.EndsWith('/') ? url : url + "/");
    shared = true;
}

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
var api = new SnapshotsApiClient(http, new ApiClientOptions { AuthToken = url is null ? "load-token" : "demo-token" });

// Warm up (JIT, connection) so the figures describe the steady state.
await api.ShowSnapshotAsync(Project, SnapshotId(0, shared));

var latencies = new ConcurrentBag<double[]>();
var errors = new ConcurrentQueue<string>();
long puts = 0;
long gets = 0;
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
var watch = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
{
    var own = new List<double>(capacity: 4096);
    var snapshot = SnapshotId(client, shared);
    for (var n = 0; !stop.IsCancellationRequested; n++)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"client-{client}-{n}");
        var started = Stopwatch.GetTimestamp();
        try
        {
            var updated = await api.UpdateSnapshotAsync(Project, snapshot, new UpdateSnapshotRequest { Snapshot = new UpdateSnapshotOption { Name = name } });
            own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Interlocked.Increment(ref puts);
            started = Stopwatch.GetTimestamp();
            var read = await api.ShowSnapshotAsync(Project, snapshot);
            own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Interlocked.Increment(ref gets);
            if (updated.Snapshot.Name != name || (!shared && read.Snapshot.Name != name))
            {
                errors.Enqueue($"client {client}: wrote '{name}', answered '{updated.Snapshot.Name}', read '{read.Snapshot.Name}'");
            }
        }
        catch (Exception exception) when (exception is ApiException or HttpRequestException or TaskCanceledException)
        {
            errors.Enqueue($"client {client}: {exception.GetType().Name}: {exception.Message}");
        }
    }

    latencies.Add([.. own]);
})));
var elapsed = watch.Elapsed.TotalSeconds;

if (app is not null)
{
    await app.StopAsync();
    await app.DisposeAsync();
}

var all = latencies.SelectMany(l => l).Order().ToArray();
var total = puts + gets;
var inv = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(inv, $"EVS load run: {clients} clients for {seconds} s, PUT+GET of {(shared ? "one shared snapshot" : "one snapshot per client")}, against {baseAddress} ({(app is null ? "running server" : "in-process server")})"));
Console.WriteLine(string.Create(inv, $"requests:    {total} ({puts} PUT, {gets} GET) in {elapsed:F1} s = {total / elapsed:F0} requests/s"));
Console.WriteLine(string.Create(inv, $"latency ms:  p50 {Percentile(all, 0.50):F2}  p90 {Percentile(all, 0.90):F2}  p99 {Percentile(all, 0.99):F2}  max {(all.Length == 0 ? 0 : all[^1]):F2}"));
Console.WriteLine(string.Create(inv, $"errors:      {errors.Count}"));
foreach (var error in errors.Take(10))
{
    Console.WriteLine("  " + error);
}

return errors.IsEmpty ? 0 : 1;

int Option(string name, int fallback) =>
    OptionText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? OptionText(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static string SnapshotId(int client, bool shared) => shared ? "f9faf7df-fdc1-4093-9ef3-5cba06eef995" : string.Create(CultureInfo.InvariantCulture, $"load-{client:D5}");

static SeedData LoadSeed(int clients, bool shared)
{
    var created = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    var count = shared ? 1 : clients;
    var snapshots = Enumerable.Range(0, count).Select(i => new StoredSnapshot(
        Project, SnapshotId(i, shared), "5aa119a8-d25b-45a7-8d1b-88e127885635", "snap", "load", new SnapshotStatus("available"), 1,
        new Dictionary<string, string>(), created, null)).ToArray();
    return new SeedData([new EvsToken("load-token", Project, ["member"])], snapshots);
}

static double Percentile(double[] sorted, double p) =>
    sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
