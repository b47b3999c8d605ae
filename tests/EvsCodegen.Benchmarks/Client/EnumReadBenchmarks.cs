using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EvsCodegen.Runtime;

namespace EvsCodegen.Benchmarks.Client;

/// <summary>
/// Reading one string enum value (issue 15 item 2): the converter's former body, one <c>ValueTextEquals</c> per listed
/// value up to 16 values and a string compared with a set beyond, against today's one <see cref="ApiJsonReader.ReadEnumString"/>
/// call over the enum's <see cref="ApiEnumValues"/>. The value read is the last listed one (the chain's worst case) or
/// an unlisted one; reads are lenient, as a client's.
/// </summary>
[Config(typeof(BenchConfig))]
public class EnumReadBenchmarks
{
    private const int MaxMatchedMembers = 16;

    private readonly ApiJsonReader _context = new(strict: false);
    private ApiEnumValues _values = null!;
    private FormerEnumValues _former = null!;
    private byte[][] _utf8 = null!;
    private HashSet<string> _known = null!;
    private byte[] _json = null!;
    private string _text = null!;

    /// <summary>The number of listed values.</summary>
    [Params(3, 12, 40)]
    public int Count { get; set; }

    /// <summary>Whether the value read is listed.</summary>
    [Params(true, false)]
    public bool Known { get; set; }

    /// <summary>Builds the enum's values and the JSON read.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var values = Enumerable.Range(0, Count).Select(i => $"value_{i}").ToArray();
        _values = new ApiEnumValues(values);
        _former = new FormerEnumValues(values);
        BenchEnum.Table = _values;
        _utf8 = [.. values.Select(Encoding.UTF8.GetBytes)];
        _known = new HashSet<string>(values, StringComparer.Ordinal);
        _text = Known ? new string(values[^1].AsSpan()) : "unlisted_value";
        _json = Encoding.UTF8.GetBytes($"\"{_text}\"");
    }

    /// <summary>The former emitted body (the unrolled chain, here a loop over the same comparisons).</summary>
    [Benchmark(Baseline = true)]
    public string Chain()
    {
        var reader = new Utf8JsonReader(_json);
        reader.Read();
        _context.Expect(ref reader, JsonTokenType.String, "a string");
        if (Count <= MaxMatchedMembers)
        {
            foreach (var value in _utf8)
            {
                if (reader.ValueTextEquals(value))
                {
                    return "matched";
                }
            }
        }

        var text = _context.ReadString(ref reader);
        return _known.Contains(text) ? text : text;
    }

    /// <summary>Today's emitted body: one runtime call.</summary>
    [Benchmark]
    public string Table()
    {
        var reader = new Utf8JsonReader(_json);
        reader.Read();
        return _context.ReadEnumString(ref reader, _values);
    }

    /// <summary>
    /// h24's table (<see cref="FormerEnumValues"/>) behind the same fast path as <see cref="ApiJsonReader.ReadEnumString"/>
    /// (an unescaped string in one segment matched on its bytes; anything else read by the runtime).
    /// </summary>
    [Benchmark]
    public string FormerTable()
    {
        var reader = new Utf8JsonReader(_json);
        reader.Read();
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var listed = _former.Find(reader.ValueSpan);
            if (listed is not null)
            {
                return listed;
            }
        }

        return _context.ReadEnumString(ref reader, _values);
    }

    /// <summary>Today's table behind the same inline fast path as <see cref="FormerTable"/>: tells the table's cost from the call's.</summary>
    [Benchmark]
    public string TableInline()
    {
        var reader = new Utf8JsonReader(_json);
        reader.Read();
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var listed = _values.Find(reader.ValueSpan);
            if (listed is not null)
            {
                return listed;
            }
        }

        return _context.ReadEnumString(ref reader, _values);
    }

    /// <summary>What a generated converter calls now: the runtime's <see cref="ApiEnumJson.ReadValue{TEnum}"/> over an enum struct.</summary>
    [Benchmark]
    public string Generated()
    {
        var reader = new Utf8JsonReader(_json);
        reader.Read();
        return ApiEnumJson.ReadValue<BenchEnum>(ref reader, _context).Value;
    }

    /// <summary>The table's lookup alone (no ApiJsonReader call around it), to tell the lookup's cost from the call's.</summary>
    public string Lookup()
    {
        var reader = new Utf8JsonReader(_json);
        reader.Read();
        _context.Expect(ref reader, JsonTokenType.String, "a string");
        return _values.Find(reader.ValueSpan) ?? "unlisted";
    }

    /// <summary>IsKnown over the table, for a copy of the value (not the listed instance).</summary>
    [Benchmark]
    public bool IsKnownTable() => _values.Contains(_text);

    /// <summary>
    /// <c>enum-read [reads per round] [rounds]</c>: the same reads timed with a stopwatch, the former chain, h24's table
    /// and today's <see cref="ApiJsonReader.ReadEnumString"/> alternating in short rounds (a BenchmarkDotNet run takes
    /// too long on a loaded machine; alternating, in a rotating order, shares the load between them), reported as median (minimum) ns per
    /// read after a warm-up round, with the bytes each read allocates (exact).
    /// </summary>
    public static int Report(string[] args)
    {
        var reads = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 21;
        Console.WriteLine("| values | value read | former chain, ns/read | h24's table | ReadEnumString today | today's table inline | generated enum (ApiEnumJson) | generated / h24 (medians) | bytes/read chain → h24 → today → inline → generated |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var count in new[] { 2, 3, 5, 8, 12, 40 })
        {
            foreach (var known in new[] { true, false })
            {
                var bench = new EnumReadBenchmarks { Count = count, Known = known };
                bench.Setup();
                var methods = new Func<string>[] { bench.Chain, bench.FormerTable, bench.Table, bench.TableInline, bench.Generated };
                var times = methods.Select(_ => new List<double>()).ToArray();
                var bytes = new double[methods.Length];
                for (var round = 0; round <= rounds; round++)
                {
                    // Each round starts with another method, so none always runs first or last.
                    for (var k = 0; k < methods.Length; k++)
                    {
                        var m = (k + round) % methods.Length;
                        var (time, allocated) = Time(methods[m], reads);
                        bytes[m] = allocated;
                        if (round > 0)
                        {
                            times[m].Add(time);
                        }
                    }
                }

                var medians = times.Select(t => t.Order().ElementAt(t.Count / 2)).ToArray();
                static string F(double value, string format = "F1") => value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
                Console.WriteLine($"| {count} | {(known ? "listed (last)" : "unlisted")} | {string.Join(" | ", times.Select((t, m) => $"{F(medians[m])} ({F(t.Min())})"))} | {F(medians[4] / medians[1], "F2")}x | {string.Join(" → ", bytes.Select(b => F(b, "F0")))} |");
            }
        }

        return 0;
    }

    private static (double NanosecondsPerRead, double BytesPerRead) Time(Func<string> read, int reads)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < reads; i++)
        {
            read();
        }

        var elapsed = clock.Elapsed.TotalNanoseconds / reads;
        return (elapsed, (double)(GC.GetAllocatedBytesForCurrentThread() - bytes) / reads);
    }
}

/// <summary>
/// A string enum shaped as the generator emits one, over the benchmark's current table (a settable static here, where
/// generated code has a static readonly field the JIT treats as a constant: if anything, slower than the real thing).
/// </summary>
internal readonly struct BenchEnum(string value) : IApiStringEnumeration<BenchEnum>
{
    public static ApiEnumValues Table { get; set; } = new("a");

    public string Value => value ?? string.Empty;

    static ApiEnumValues IApiStringEnumeration<BenchEnum>.Known => Table;

    static BenchEnum IApiStringEnumeration<BenchEnum>.FromWire(string value) => new(value);
}
