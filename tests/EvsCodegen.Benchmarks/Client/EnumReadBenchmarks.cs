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
    /// too long on a loaded machine; alternating shares the load between them), reported as median (minimum) ns per
    /// read after a warm-up round, with the bytes each read allocates (exact).
    /// </summary>
    public static int Report(string[] args)
    {
        var reads = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 21;
        Console.WriteLine("| values | value read | former chain, ns/read | h24's table | ReadEnumString today | today / h24 (medians) | bytes/read chain → h24 → today |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var count in new[] { 2, 3, 5, 8, 12, 40 })
        {
            foreach (var known in new[] { true, false })
            {
                var bench = new EnumReadBenchmarks { Count = count, Known = known };
                bench.Setup();
                var methods = new Func<string>[] { bench.Chain, bench.FormerTable, bench.Table };
                var times = methods.Select(_ => new List<double>()).ToArray();
                var bytes = new double[methods.Length];
                for (var round = 0; round <= rounds; round++)
                {
                    for (var m = 0; m < methods.Length; m++)
                    {
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
                Console.WriteLine($"| {count} | {(known ? "listed (last)" : "unlisted")} | {string.Join(" | ", times.Select((t, m) => $"{F(medians[m])} ({F(t.Min())})"))} | {F(medians[2] / medians[1], "F2")}x | {string.Join(" → ", bytes.Select(b => F(b, "F0")))} |");
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
