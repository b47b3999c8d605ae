using System.Buffers;
using BenchmarkDotNet.Attributes;
using Evs.Snapshots;
using EvsCodegen.Runtime;
using EvsCodegen.Runtime.AspNetCore;

namespace EvsCodegen.Benchmarks.Server;

/// <summary>
/// The strict read of the load test's PUT body alone: the generated converter through <c>ParseJson</c> (what the
/// generated endpoint runs on a body the pipe holds) and through <c>ApiJsonReader.Deserialize</c> alone, against the
/// hand-written endpoint's one-pass <c>Parse</c> (baseline), which checks the same rules.
/// </summary>
[Config(typeof(BenchConfig))]
public class BodyReadBenchmarks
{
    private static readonly byte[] s_body = """{"snapshot":{"name":"snap-001","description":"Daily backup"}}"""u8.ToArray();
    private readonly ReadOnlySequence<byte> _sequence = new(s_body);

    /// <summary>The hand-written one-pass read and the two records the hand-written endpoint builds from it.</summary>
    [Benchmark(Baseline = true)]
    public UpdateSnapshotRequest? HandWritten() =>
        HandWrittenEndpoint.Parse(_sequence, out var name, out var description) is null
            ? new UpdateSnapshotRequest { Snapshot = new UpdateSnapshotOption { Name = name, Description = description } }
            : null;

    /// <summary>The generated endpoint's read: UTF-8 check, strict read, syntax check only on failure.</summary>
    [Benchmark]
    public UpdateSnapshotRequest Generated() => ApiServerRuntime.ParseJson(s_body, required: true, UpdateSnapshotRequestJsonConverter.ReadValue).Value;

    /// <summary>The generated converter alone.</summary>
    [Benchmark]
    public UpdateSnapshotRequest GeneratedConverter() => ApiJsonReader.Deserialize(s_body, UpdateSnapshotRequestJsonConverter.ReadValue, strict: true);
}
