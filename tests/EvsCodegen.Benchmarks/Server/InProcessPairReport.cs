using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace EvsCodegen.Benchmarks.Server;

/// <summary>
/// The load test's PUT through two hosts' whole ASP.NET Core pipelines (hosting, middleware, routing, endpoint) in this
/// process, without sockets or Kestrel: each host gets a server that hands the application its requests directly, and
/// blocks of requests alternate between the two hosts (ABBA), so a loaded machine slows both alike and the ratio is
/// read per pair of blocks. Time is the thread's CPU time (every request completes synchronously on the calling
/// thread, which the report checks), so other processes' load inflates it little; allocations per request are exact.
/// With <c>endpoint</c> last, each request goes to the PUT endpoint's request delegate alone (its own service scope and
/// the route values, no middleware): the handlers' share of the difference.
/// With <c>typed-length</c> after the mode, the requests' and answers' headers keep Content-Length as a number, as
/// Kestrel's do (<see cref="TypedLengthHeaders"/>), instead of as text in a <see cref="HeaderDictionary"/>.
/// <c>inproc [pairs=200] [block=500] [hosts=generated-minimal,minimal-secured] [pipeline|endpoint] [typed-length]</c>
/// </summary>
public static class InProcessPairReport
{
    private const string Path = "/v3/0c2eba2c5af04d3f9e9d0d410b371fde/snapshots/f9faf7df-fdc1-4093-9ef3-5cba06eef995";
    private static readonly byte[] s_body = """{"snapshot":{"name":"snap-001","description":"Daily backup"}}"""u8.ToArray();
    private static bool s_typedLength;

    /// <summary>Runs the report; returns 1 when a host answered anything but 200.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var pairs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var block = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
        var hosts = args.Length > 2 ? args[2].Split(',') : ["generated-minimal", "minimal-secured"];
        var endpointOnly = args.Length > 3 && args[3] == "endpoint";
        s_typedLength = args.Length > 4 && args[4] == "typed-length";
        if (hosts.Length != 2 || (args.Length > 3 && !endpointOnly && args[3] != "pipeline") || (args.Length > 4 && !s_typedLength))
        {
            throw new ArgumentException("inproc compares exactly two hosts, through the pipeline or at the endpoint, with text or typed Content-Length headers.");
        }

        var servers = new DirectServer[2];
        var apps = new WebApplication[2];
        for (var i = 0; i < 2; i++)
        {
            var server = new DirectServer();
            (apps[i], _) = await BenchHosts.StartAsync(hosts[i], services => services.AddSingleton<IServer>(server)).ConfigureAwait(false);
            servers[i] = server;
        }

        var senders = new Func<Task<int>>[2];
        for (var i = 0; i < 2; i++)
        {
            var server = servers[i];
            senders[i] = endpointOnly ? EndpointSender(apps[i]) : () => server.SendAsync(s_body);
        }

        var firstChance = 0L;
        AppDomain.CurrentDomain.FirstChanceException += (_, _) => Interlocked.Increment(ref firstChance);
        try
        {
            // Warm-up: JIT and tiered compilation (tier-1 after 30 calls and a background delay).
            for (var round = 0; round < 20; round++)
            {
                foreach (var sender in senders)
                {
                    await RunBlockAsync(sender, block).ConfigureAwait(false);
                }

                await Task.Delay(50).ConfigureAwait(false);
            }

            var exceptionsBefore = Interlocked.Read(ref firstChance);
            var ticks = new[] { new List<double>(), new List<double>() };
            var bytes = new[] { new List<double>(), new List<double>() };
            var failures = 0;
            for (var pair = 0; pair < pairs; pair++)
            {
                foreach (var i in pair % 2 == 0 ? [0, 1] : new[] { 1, 0 })
                {
                    var (elapsed, allocated, failed) = await RunBlockAsync(senders[i], block).ConfigureAwait(false);
                    ticks[i].Add((double)elapsed / block);
                    bytes[i].Add((double)allocated / block);
                    failures += failed;
                }
            }

            var ratios = ticks[1].Zip(ticks[0], (baseline, measured) => baseline / measured).ToList();
            Console.WriteLine($"PUT {Path} in process ({(endpointOnly ? "endpoint delegate alone" : "whole pipeline")}{(s_typedLength ? ", typed Content-Length headers" : "")}), {pairs} pairs of {block}-request blocks (ABBA); load average {LoadAverage()}");
            // The fastest blocks are the least disturbed by other processes (preemption, caches): their ratio is the steadiest.
            Console.WriteLine($"| host | thread CPU ns per request (median of blocks) | fastest 10 % of blocks | allocated per request | throughput ratio to {hosts[1]}: median of per-pair ratios | of the fastest 10 % |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
            Console.WriteLine($"| {hosts[0]} | {Median(ticks[0]):F0} | {Quantile(ticks[0], 0.1):F0} | {Median(bytes[0]):F0} B | {Median(ratios):F3}x (quartiles {Quantile(ratios, 0.25):F3}–{Quantile(ratios, 0.75):F3}) | {Quantile(ticks[1], 0.1) / Quantile(ticks[0], 0.1):F3}x |");
            Console.WriteLine($"| {hosts[1]} | {Median(ticks[1]):F0} | {Quantile(ticks[1], 0.1):F0} | {Median(bytes[1]):F0} B | 1.000x | 1.000x |");
            Console.WriteLine($"failures: {failures}; exceptions thrown while measuring: {Interlocked.Read(ref firstChance) - exceptionsBefore}");
            return failures == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.StopAsync().ConfigureAwait(false);
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<(long Elapsed, long Allocated, int Failures)> RunBlockAsync(Func<Task<int>> send, int block)
    {
        var failures = 0;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var start = ThreadCpuNanoseconds();
        for (var i = 0; i < block; i++)
        {
            var sent = send();
            if (!sent.IsCompleted)
            {
                // The thread's CPU time is the measure: a request that goes asynchronous is not measured on one thread.
                throw new InvalidOperationException("A request did not complete synchronously.");
            }

            if (await sent.ConfigureAwait(false) != 200)
            {
                failures++;
            }
        }

        var elapsed = ThreadCpuNanoseconds() - start;
        return (elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, failures);
    }

    // CPU time of the calling thread (Linux): unlike the wall clock, not inflated by other processes on a loaded machine.
    internal static long ThreadCpuNanoseconds()
    {
        if (ClockGetTime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        }

        return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>The PUT sent straight to the endpoint's delegate, in a service scope of its own, with its route values.</summary>
    private static Func<Task<int>> EndpointSender(WebApplication app)
    {
        var endpoint = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText!.EndsWith("snapshots/{snapshot_id}", StringComparison.Ordinal)
                && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("PUT") == true);
        var handler = endpoint.RequestDelegate!;
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var segments = Path.Split('/');
        return async () =>
        {
            var features = DirectServer.CreateRequestFeatures(s_body, out var response);
            await using var scope = scopes.CreateAsyncScope();
            var http = new DefaultHttpContext(features) { RequestServices = scope.ServiceProvider };
            http.Request.RouteValues["project_id"] = segments[2];
            http.Request.RouteValues["snapshot_id"] = segments[4];
            http.SetEndpoint(endpoint);
            await handler(http).ConfigureAwait(false);
            return response.StatusCode;
        };
    }

    internal static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "(unknown)";
        }
    }

    private static double Median(List<double> values) => Quantile(values, 0.5);

    private static double Quantile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(fraction * sorted.Count))];
    }

    /// <summary>A server without a transport: <see cref="SendAsync"/> gives the application one request at a time.</summary>
    private sealed class DirectServer : IServer
    {
        private Func<IFeatureCollection, Task>? _process;

        public IFeatureCollection Features { get; } = CreateServerFeatures();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull
        {
            _process = async features =>
            {
                var context = application.CreateContext(features);
                Exception? failure = null;
                try
                {
                    await application.ProcessRequestAsync(context).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    failure = exception;
                    throw;
                }
                finally
                {
                    application.DisposeContext(context, failure);
                }
            };
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }

        /// <summary>Sends the PUT with <paramref name="body"/> and returns the answer's status.</summary>
        public async Task<int> SendAsync(byte[] body)
        {
            var features = CreateRequestFeatures(body, out var response);
            await _process!(features).ConfigureAwait(false);
            return response.StatusCode;
        }

        /// <summary>The features of one PUT with <paramref name="body"/>, as a server hands them to the application.</summary>
        public static FeatureCollection CreateRequestFeatures(byte[] body, out HttpResponseFeature response)
        {
            var reader = PipeReader.Create(new ReadOnlySequence<byte>(body));
            var request = new HttpRequestFeature
            {
                Protocol = "HTTP/1.1",
                Scheme = "http",
                Method = "PUT",
                PathBase = string.Empty,
                Path = Path,
                RawTarget = Path,
                Body = reader.AsStream(),
            };
            if (s_typedLength)
            {
                request.Headers = new TypedLengthHeaders();
            }

            request.Headers.Host = "127.0.0.1";
            request.Headers.ContentType = "application/json";
            request.Headers.ContentLength = body.Length;
            request.Headers["X-Auth-Token"] = "demo-token";
            response = new HttpResponseFeature();
            if (s_typedLength)
            {
                response.Headers = new TypedLengthHeaders();
            }

            var features = new FeatureCollection();
            features.Set<IHttpRequestFeature>(request);
            features.Set<IRequestBodyPipeFeature>(new BodyPipe(reader));
            features.Set<IHttpResponseFeature>(response);
            features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
            return features;
        }

        private static FeatureCollection CreateServerFeatures()
        {
            var features = new FeatureCollection();
            var addresses = new ServerAddressesFeature();
            addresses.Addresses.Add("http://127.0.0.1:1");
            features.Set<IServerAddressesFeature>(addresses);
            return features;
        }
    }

    private sealed class BodyPipe(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = reader;
    }
}
