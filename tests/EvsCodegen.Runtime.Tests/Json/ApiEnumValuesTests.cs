using System.Buffers;
using System.Text;
using System.Text.Json;

namespace EvsCodegen.Runtime.Tests.Json;

public sealed class ApiEnumValuesTests
{
    private static readonly ApiEnumValues s_small = new("all", "private", "selected");

    // More values than the linear scan handles, sharing prefixes and lengths, and one non-ASCII value.
    private static readonly ApiEnumValues s_large = new([.. Enumerable.Range(0, 40).Select(i => $"value_{i}"), "café", "", "a"]);

    public static TheoryData<string> Tables() => ["small", "large"];

    private static ApiEnumValues Table(string name) => name == "small" ? s_small : s_large;

    private static string Read(string json, ApiEnumValues values, bool strict) =>
        ApiJsonReader.Deserialize(Encoding.UTF8.GetBytes(json), (ref Utf8JsonReader r, ApiJsonReader c) => c.ReadEnumString(ref r, values), strict);

    [Theory]
    [MemberData(nameof(Tables))]
    public void KnownValue_IsTheListedInstance_StrictOrNot(string table)
    {
        var values = Table(table);
        foreach (var known in values.Values)
        {
            var json = JsonSerializer.Serialize(known);
            Assert.Same(known, Read(json, values, strict: true));
            Assert.Same(known, Read(json, values, strict: false));
        }
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void KnownValue_AllocatesNothing(string table)
    {
        var values = Table(table);
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(values.Values[^1]));
        var context = new ApiJsonReader(strict: true);
        string ReadOnce()
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            return context.ReadEnumString(ref reader, values);
        }

        ReadOnce();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = ReadOnce();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(values.Values[^1], read);
        Assert.Equal(0, allocated);
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void UnknownValue_IsKeptWhenLenient_AndRefusedWhenStrict_ListingTheAllowedValues(string table)
    {
        var values = Table(table);

        Assert.Equal("internal", Read("\"internal\"", values, strict: false));
        var failure = Assert.Throws<ApiJsonException>(() => Read("\"internal\"", values, strict: true));
        Assert.Equal($"'internal' is not one of {string.Join(", ", values.Values)}", failure.Problem);
    }

    [Fact]
    public void StrictRefusal_IsTodaysMessage()
    {
        var failure = Assert.Throws<ApiJsonException>(() => Read("\"All\"", s_small, strict: true));

        Assert.Equal("'All' is not one of all, private, selected", failure.Problem);
    }

    [Theory]
    [InlineData("1", "expected a string, got a number")]
    [InlineData("null", "expected a string, got null")]
    [InlineData("true", "expected a string, got a boolean")]
    [InlineData("[\"all\"]", "expected a string, got an array")]
    [InlineData("{}", "expected a string, got an object")]
    public void NonStringToken_FailsStrictOrNot(string json, string problem)
    {
        Assert.Equal(problem, Assert.Throws<ApiJsonException>(() => Read(json, s_small, strict: false)).Problem);
        Assert.Equal(problem, Assert.Throws<ApiJsonException>(() => Read(json, s_small, strict: true)).Problem);
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void EscapedKnownValue_IsTheListedInstance(string table)
    {
        var values = Table(table);
        foreach (var known in values.Values.Where(v => v.Length > 0))
        {
            // Every character escaped: "\u0061ll" for "all".
            var escaped = "\"" + string.Concat(known.Select(c => $"\\u{(int)c:x4}")) + "\"";
            Assert.Same(known, Read(escaped, values, strict: true));
        }

        Assert.Same(s_small.Values[0], Read("\"\\u0061ll\"", s_small, strict: true));
    }

    [Fact]
    public void EscapedKnownValue_LongerThanTheStackBuffer_IsStillTheListedInstance()
    {
        var known = new string('x', 100);
        var values = new ApiEnumValues(known, "other");

        // 600 bytes escaped, 100 unescaped.
        Assert.Same(known, Read("\"" + string.Concat(Enumerable.Repeat("\\u0078", 100)) + "\"", values, strict: true));
    }

    [Fact]
    public void EscapedUnpairedSurrogate_FailsLikeAString()
    {
        const string Problem = "the string holds an unpaired surrogate or is not valid UTF-8";

        Assert.Equal(Problem, Assert.Throws<ApiJsonException>(() => Read("\"\\ud800\"", s_small, strict: false)).Problem);
        Assert.Equal(Problem, Assert.Throws<ApiJsonException>(() => Read("\"\\ud800\"", s_small, strict: true)).Problem);
    }

    [Fact]
    public void ValueSplitAcrossSegments_IsMatched()
    {
        var bytes = Encoding.UTF8.GetBytes("\"selected\"");
        var first = new Segment(bytes.AsMemory(0, 4));
        var last = first.Append(bytes.AsMemory(4));
        var reader = new Utf8JsonReader(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));
        reader.Read();

        Assert.True(reader.HasValueSequence);
        Assert.Same(s_small.Values[2], new ApiJsonReader(strict: true).ReadEnumString(ref reader, s_small));
    }

    [Fact]
    public void Find_And_Contains_AreOrdinal()
    {
        Assert.True(s_small.Contains("private"));
        Assert.False(s_small.Contains("Private"));
        Assert.False(s_small.Contains(null));
        Assert.False(s_small.Contains(""));
        Assert.True(s_large.Contains(""));
        Assert.True(s_large.Contains("caf\u00e9"));
        Assert.False(s_large.Contains("cafe\u0301"));
        Assert.Same(s_large.Values[40], s_large.Find(new string("café".ToCharArray())));
        Assert.Same(s_large.Values[40], s_large.Find("café"u8));
        Assert.Null(s_large.Find("value_40"u8));
        Assert.Null(s_small.Find("selectedx"u8));
    }

    [Fact]
    public void ValuesOfEveryLength_SharingPrefixesOrEndingInNul_AreToldApart()
    {
        string[] listed = [.. Enumerable.Range(0, 12).Select(n => new string('a', n)), "a\0", "\0", "ab\0c", "aaaaaaaab", "baaaaaaaa"];
        foreach (var values in new[] { new ApiEnumValues(listed), new ApiEnumValues(listed[..6]) })
        {
            foreach (var value in values.Values)
            {
                Assert.Same(value, values.Find(Encoding.UTF8.GetBytes(value)));
            }

            foreach (var other in new[] { "b", "aab", "ab", "\0\0", "a\0\0", new string('a', 12), "aaaaaaaac", "aaaaaaaaa\0" })
            {
                Assert.Null(values.Find(Encoding.UTF8.GetBytes(other)));
            }
        }
    }

    [Fact]
    public void Values_KeepDocumentOrder_AndDuplicatesOnce()
    {
        var values = new ApiEnumValues("b", "a", "b");

        Assert.Equal(["b", "a"], values.Values);
        Assert.Equal("b, a", values.ToString());
        Assert.Equal(1, values.MaxByteCount);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(17)]
    public void EveryCount_AroundTheScanAndHashCrossover_FindsEachValue_AndNoOther(int count)
    {
        // Up to 8 values are scanned, more are hashed: both sides of the crossover answer the same.
        var listed = Enumerable.Range(0, count).Select(i => i % 2 == 0 ? $"v{i}" : $"value_{i}_long").ToArray();
        var values = new ApiEnumValues(listed);
        foreach (var value in listed)
        {
            Assert.Same(value, values.Find(Encoding.UTF8.GetBytes(value)));
            Assert.Same(value, values.Find(new string(value.AsSpan())));
        }

        Assert.Null(values.Find("v"u8));
        Assert.Null(values.Find("v0 "u8));
        Assert.Null(values.Find(ReadOnlySpan<byte>.Empty));
        Assert.False(values.Contains("V0"));
    }

    [Fact]
    public void NullValues_AreRefused()
    {
        Assert.Throws<ArgumentNullException>(() => new ApiEnumValues(null!));
        Assert.Throws<ArgumentNullException>(() => new ApiEnumValues("a", null!));
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
