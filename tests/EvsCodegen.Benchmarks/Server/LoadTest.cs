using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace EvsCodegen.Benchmarks.Server;

/// <summary>
/// Item 5: a bounded PUT load over loopback against each server in turn, in rounds so drift on a shared machine
/// hits every server alike. Prints requests per second and latency percentiles (median over rounds).
/// <c>dotnet run -c Release --project tests/EvsCodegen.Benchmarks -- load [seconds=5] [connections=16] [rounds=3] [hosts=generated,minimal,nswag]</c>
/// </summary>
public static class LoadTest
{
    private const string Path = "v3/0c2eba2c5af04d3f9e9d0d410b371fde/snapshots/f9faf7df-fdc1-4093-9ef3-5cba06eef995";
    private static readonly byte[] s_body = """{"snapshot":{"name":"snap-001","description":"Daily backup"}}"""u8.ToArray();
    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    /// <summary>Runs the load test; returns 1 when a server answered anything but 200.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var connections = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var hosts = args.Length > 3 ? args[3].Split(',') : BenchHosts.Names.ToArray();
        Console.WriteLine($"PUT /{Path} over loopback: {connections} concurrent clients x {seconds} s, {rounds} rounds, hosts {string.Join(", ", hosts)}; Server GC {System.Runtime.GCSettings.IsServerGC}");

        var results = hosts.ToDictionary(h => h, _ => new List<Result>());
        var failures = 0L;
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var host in round % 2 == 1 ? hosts : hosts.Reverse())
            {
                var result = await RunOneAsync(host, seconds, connections).ConfigureAwait(false);
                results[host].Add(result);
                failures += result.Failures;
                Console.WriteLine($"  round {round} {host,-10} {result.RequestsPerSecond,9:F0} req/s  p50 {result.P50,6:F2} ms  p99 {result.P99,6:F2} ms  failures {result.Failures}");
            }
        }

        Console.WriteLine();
        // Three ratios to the baseline, the hand-written minimal API ("minimal") when it ran, else the last host listed (e.g.
        // "minimal-secured" in "generated-minimal,minimal-secured"): of the medians, and the median and geometric mean of each
        // round's ratio (servers in one round run back to back, so these are less exposed to the machine's drift between rounds).
        var baseline = results.ContainsKey("minimal") ? "minimal" : hosts[^1];
        var reference = results[baseline];
        Console.WriteLine($"| server | req/s (median of rounds) | ratio of medians to {baseline} | median of per-round ratios | geometric mean of per-round ratios | p50 ms | p99 ms | allocated per request |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var limit = Median(reference.Select(r => r.RequestsPerSecond));
        foreach (var host in hosts)
        {
            var rps = Median(results[host].Select(r => r.RequestsPerSecond));
            var ratios = results[host].Zip(reference, (r, m) => r.RequestsPerSecond / m.RequestsPerSecond).ToList();
            var paired = Median(ratios);

            // Every round's ratio counts, slow rounds as much as fast ones (the median keeps only the middle one).
            var geometric = Math.Exp(ratios.Average(Math.Log));
            Console.WriteLine($"| {host} | {rps:F0} | {rps / limit:F2} | {paired:F2} | {geometric:F3} | {Median(results[host].Select(r => r.P50)):F2} | {Median(results[host].Select(r => r.P99)):F2} | {Median(results[host].Select(r => r.BytesPerRequest)):F0} B |");
        }

        return failures == 0 ? 0 : 1;
    }

    private static async Task<Result> RunOneAsync(string host, int seconds, int connections)
    {
        var (app, baseAddress) = await BenchHosts.StartAsync(host).ConfigureAwait(false);
        try
        {
            using var handler = new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = connections };
            using var client = new HttpClient(handler) { BaseAddress = baseAddress };
            client.DefaultRequestHeaders.TryAddWithoutValidation("X-Auth-Token", "demo-token");

            // Warm-up: JIT, connection pool, tiered compilation.
            await LoadAsync(client, connections, TimeSpan.FromSeconds(Math.Max(1, seconds / 2))).ConfigureAwait(false);
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var (latencies, failures, elapsed) = await LoadAsync(client, connections, TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            latencies.Sort();
            return new Result(
                latencies.Count / elapsed.TotalSeconds,
                Percentile(latencies, 0.50),
                Percentile(latencies, 0.99),
                failures,
                (double)allocated / Math.Max(1, latencies.Count));
        }
        finally
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<(List<long> Latencies, long Failures, TimeSpan Elapsed)> LoadAsync(HttpClient client, int connections, TimeSpan duration)
    {
        var stopwatch = Stopwatch.StartNew();
        var end = stopwatch.Elapsed + duration;
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<long>(100_000);
            var failures = 0L;
            while (stopwatch.Elapsed < end)
            {
                var start = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Put, Path) { Content = new ByteArrayContent(s_body) };
                request.Content.Headers.ContentType = s_json;
                using var response = await client.SendAsync(request).ConfigureAwait(false);
                await response.Content.CopyToAsync(Stream.Null).ConfigureAwait(false);
                latencies.Add(Stopwatch.GetTimestamp() - start);
                if ((int)response.StatusCode != 200)
                {
                    failures++;
                }
            }

            return (latencies, failures);
        })).ToList();
        var done = await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = stopwatch.Elapsed;
        return (done.SelectMany(d => d.latencies).ToList(), done.Sum(d => d.failures), elapsed);
    }

    private static double Percentile(List<long> sorted, double fraction) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(fraction * sorted.Count))] * 1000.0 / Stopwatch.Frequency;

    private static double Median(IEnumerable<double> values)
    {
        var list = values.Order().ToList();
        return list[list.Count / 2];
    }

    private sealed record Result(double RequestsPerSecond, double P50, double P99, long Failures, double BytesPerRequest);
}
