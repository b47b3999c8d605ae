using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using Evs.Backend;
using Evs.Snapshots;
using EvsCodegen.Runtime;
using EvsCodegen.Runtime.AspNetCore;

namespace EvsCodegen.Benchmarks.Server;

/// <summary>
/// The JSON work of the load test's PUT alone, generated against hand-written, in alternating blocks (ABBA) timed by the
/// thread's CPU time: the body read strictly (<c>ParseJson</c> with the generated converter against the hand-written
/// <c>Parse</c> and the two records the endpoint then builds) and the answer written (the generated converter into the per-thread buffer and copied into a pipe, as
/// <c>WriteJsonAsync</c> does, against the hand-written <c>Write</c> into the pipe).
/// <c>json-pair [pairs=200] [block=2000]</c>
/// </summary>
public static class JsonPairReport
{
    private static readonly byte[] s_body = """{"snapshot":{"name":"snap-001","description":"Daily backup"}}"""u8.ToArray();

    /// <summary>Runs the report.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var pairs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var block = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        var api = new InMemorySnapshotsApi(new SnapshotStore(SeedData.Default), new CallerContext(), TimeProvider.System);
        var request = ApiServerRuntime.ParseJson(s_body, required: true, UpdateSnapshotRequestJsonConverter.ReadValue).Value;
        var response = await api.UpdateSnapshotAsync("0c2eba2c5af04d3f9e9d0d410b371fde", "f9faf7df-fdc1-4093-9ef3-5cba06eef995", request).ConfigureAwait(false);
        var sink = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        var body = new ReadOnlySequence<byte>(s_body);
        var work = new (string Name, Action Run)[]
        {
            ("read: generated ParseJson", () => _ = ApiServerRuntime.ParseJson(s_body, required: true, UpdateSnapshotRequestJsonConverter.ReadValue).Value),
            ("read: hand-written Parse + the request's records", () => _ = HandWrittenRead(body)),
            ("write: generated converter + copy", () =>
            {
                ApiJsonValue.Serialize(response, SnapshotResponseJsonConverter.WriteValue, sink.Writer, static (json, writer) => writer.Write(json));
                Drain(sink);
            }),
            ("write: hand-written Write", () =>
            {
                HandWrittenEndpoint.Write(sink.Writer, response.Snapshot);
                Drain(sink);
            }),
        };

        Console.WriteLine($"JSON work of the PUT, {pairs} pairs of {block}-call blocks (ABBA), thread CPU time; load average {InProcessPairReport.LoadAverage()}");
        Console.WriteLine("| work | ns per call (median of blocks) | allocated per call | generated / hand-written (median of per-pair ratios of time) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        for (var pair = 0; pair < work.Length; pair += 2)
        {
            var ticks = new[] { new List<double>(), new List<double>() };
            var bytes = new[] { new List<double>(), new List<double>() };
            for (var warm = 0; warm < 20; warm++)
            {
                RunBlock(work[pair].Run, block);
                RunBlock(work[pair + 1].Run, block);
                Thread.Sleep(20);
            }

            for (var i = 0; i < pairs; i++)
            {
                foreach (var k in i % 2 == 0 ? [0, 1] : new[] { 1, 0 })
                {
                    var (elapsed, allocated) = RunBlock(work[pair + k].Run, block);
                    ticks[k].Add((double)elapsed / block);
                    bytes[k].Add((double)allocated / block);
                }
            }

            var ratios = ticks[0].Zip(ticks[1], (generated, hand) => generated / hand).ToList();
            Console.WriteLine($"| {work[pair].Name} | {Median(ticks[0]):F0} | {Median(bytes[0]):F0} B | {Median(ratios):F2}x |");
            Console.WriteLine($"| {work[pair + 1].Name} | {Median(ticks[1]):F0} | {Median(bytes[1]):F0} B | |");
        }

        return 0;
    }

    // What the hand-written endpoint does with the body before it calls the implementation: the same two records the
    // generated reader returns.
    private static UpdateSnapshotRequest? HandWrittenRead(ReadOnlySequence<byte> body) =>
        HandWrittenEndpoint.Parse(body, out var name, out var description) is null
            ? new UpdateSnapshotRequest { Snapshot = new UpdateSnapshotOption { Name = name, Description = description } }
            : null;

    private static void Drain(Pipe pipe)
    {
        pipe.Writer.FlushAsync().GetAwaiter().GetResult();
        pipe.Reader.TryRead(out var result);
        pipe.Reader.AdvanceTo(result.Buffer.End);
    }

    private static (long Elapsed, long Allocated) RunBlock(Action run, int block)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = InProcessPairReport.ThreadCpuNanoseconds();
        for (var i = 0; i < block; i++)
        {
            run();
        }

        return (InProcessPairReport.ThreadCpuNanoseconds() - start, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
