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
    /// <c>enum-read</c>: the same reads timed with a stopwatch, former and today's body alternating in rounds (a
    /// BenchmarkDotNet run takes too long on a loaded machine), with the bytes each read allocates (exact).
    /// </summary>
    public static int Report()
    {
        Console.WriteLine("| values | value read | former chain, ns/read (rounds) | ReadEnumString, ns/read (rounds) | Expect + Find alone | bytes/read former → today |");
        Console.WriteLine("| ---: | --- | --- | --- | --- | --- |");
        foreach (var count in new[] { 3, 12, 40 })
        {
            foreach (var known in new[] { true, false })
            {
                var bench = new EnumReadBenchmarks { Count = count, Known = known };
                bench.Setup();
                const int Reads = 2_000_000;
                var chain = new List<double>();
                var table = new List<double>();
                var lookup = new List<double>();
                for (var round = 0; round < 6; round++)
                {
                    var (chainTime, chainBytes) = Time(bench.Chain, Reads);
                    var (tableTime, tableBytes) = Time(bench.Table, Reads);
                    lookup.Add(Time(bench.Lookup, Reads).NanosecondsPerRead);
                    if (round > 0)
                    {
                        chain.Add(chainTime);
                        table.Add(tableTime);
                    }

                    if (round == 5)
                    {
                        Console.WriteLine($"| {count} | {(known ? "listed (last)" : "unlisted")} | {string.Join(" / ", chain.Select(t => t.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))} | {string.Join(" / ", table.Select(t => t.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))} | {string.Join(" / ", lookup.Skip(1).Select(t => t.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))} | {chainBytes:F0} → {tableBytes:F0} |");
                    }
                }
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
