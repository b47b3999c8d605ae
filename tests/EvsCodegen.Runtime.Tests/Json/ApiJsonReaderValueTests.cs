using System.Text.Json;

namespace EvsCodegen.Runtime.Tests.Json;

public sealed class ApiJsonReaderValueTests
{
    private static readonly ApiJsonReadFunc<string> s_string = (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadString(ref reader);

    private static DateTimeOffset ReadDateTime(string json, string? format, bool strict = true) =>
        ApiJsonReader.Deserialize(System.Text.Encoding.UTF8.GetBytes(json), (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadDateTime(ref reader, format), strict);

    [Fact]
    public void DateTime_WithoutFormat_IsIso8601_AndTextWithoutOffsetIsUtc()
    {
        Assert.Equal(new DateTimeOffset(2013, 2, 25, 1, 56, 53, TimeSpan.Zero), ReadDateTime("\"2013-02-25T03:56:53+02:00\"", null));
        Assert.Equal(new DateTimeOffset(2013, 2, 25, 3, 56, 53, TimeSpan.Zero), ReadDateTime("\"2013-02-25T03:56:53\"", null));
        Assert.Equal("expected an ISO 8601 date-time", Assert.Throws<ApiJsonException>(() => ReadDateTime("\"yesterday\"", null)).Problem);
    }

    [Fact]
    public void DateTime_WithFormat_IsExactlyThatFormat_InUtc()
    {
        const string Format = "yyyy-MM-ddTHH:mm:ss.ffffff";

        var value = ReadDateTime("\"2013-02-25T03:56:53.081642\"", Format);

        Assert.Equal((TimeSpan.Zero, 816420L), (value.Offset, value.Ticks % TimeSpan.TicksPerSecond));
        Assert.Equal("expected a UTC date-time formatted as " + Format, Assert.Throws<ApiJsonException>(() => ReadDateTime("\"2013-02-25T03:56:53Z\"", Format)).Problem);
        Assert.Throws<ApiJsonException>(() => ReadDateTime("\"2013-02-25T03:56:53.081642Z\"", Format));
    }

    [Fact]
    public void DateTime_LongerThanTheStackBuffer_IsStillRead()
    {
        Assert.Throws<ApiJsonException>(() => ReadDateTime("\"" + new string('9', 100) + "\"", null));
        Assert.Equal(2013, ReadDateTime("\"2013-02-25T03:56:53.0000000000000000000000000000000000000000000000000000000000000+00:00\"", null).Year);
    }

    [Theory]
    [InlineData("\"2024-02-29\"", true)]
    [InlineData("\"2023-02-29\"", false)]
    [InlineData("\"2024-2-9\"", false)]
    [InlineData("\"2024-02-29T00:00:00\"", false)]
    [InlineData("20240229", false)]
    public void Date_IsExactlyYearMonthDay(string json, bool valid)
    {
        var failure = Record.Exception(() => ApiJsonReader.Deserialize(System.Text.Encoding.UTF8.GetBytes(json), (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadDate(ref reader), strict: true));

        Assert.Equal(valid, failure is null);
    }

    [Theory]
    [InlineData("\"f9faf7df-fdc1-4093-9ef3-5cba06eef995\"", true)]
    [InlineData("\"F9FAF7DF-FDC1-4093-9EF3-5CBA06EEF995\"", true)]
    [InlineData("\"f9faf7df-fdc1-4093-9ef3\"", false)]
    [InlineData("\"\"", false)]
    public void Uuid(string json, bool valid)
    {
        var failure = Record.Exception(() => ApiJsonReader.Deserialize(System.Text.Encoding.UTF8.GetBytes(json), (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadGuid(ref reader), strict: true));

        Assert.Equal(valid, failure is null);
        Assert.True(failure is null or ApiJsonException { Problem: "expected a UUID" });
    }

    [Fact]
    public void Base64_IsDecoded_AndOtherTextFails()
    {
        ApiJsonReadFunc<byte[]> bytes = (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadBytes(ref reader);

        Assert.Equal("hello"u8.ToArray(), JsonRead.Strict("\"aGVsbG8=\"", bytes));
        Assert.Equal("expected a base64 string", Assert.Throws<ApiJsonException>(() => JsonRead.Strict("\"not base64!\"", bytes)).Problem);
        Assert.Equal("expected a base64 string, got a number", Assert.Throws<ApiJsonException>(() => JsonRead.Strict("12", bytes)).Problem);
    }

    [Fact]
    public void Numbers_OutOfRangeOrNotFinite_Fail()
    {
        ApiJsonReadFunc<int> int32 = (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadInt32(ref reader);
        ApiJsonReadFunc<float> single = (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadSingle(ref reader);

        Assert.Equal(int.MaxValue, JsonRead.Strict("2147483647", int32));
        Assert.Throws<ApiJsonException>(() => JsonRead.Strict("2147483648", int32));
        Assert.Throws<ApiJsonException>(() => JsonRead.Strict("1.5", int32));
        Assert.Throws<ApiJsonException>(() => JsonRead.Strict("1e39", single));
    }

    [Fact]
    public void SurrogatePair_InAString_IsRead()
    {
        Assert.Equal("\U0001F600", JsonRead.Strict("\"\\ud83d\\ude00\"", s_string));
        Assert.Equal("\U0001F600", JsonRead.Strict("\"\U0001F600\"", s_string));
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"a\\udc00b\"")]
    [InlineData("\"\\ude00\\ud83d\"")]
    public void UnpairedSurrogate_InAValue_FailsInBothModes(string json)
    {
        var strict = Assert.Throws<ApiJsonException>(() => JsonRead.Strict(json, s_string));
        var lenient = Assert.Throws<ApiJsonException>(() => JsonRead.Lenient(json, s_string));

        Assert.Contains("unpaired surrogate", strict.Problem, StringComparison.Ordinal);
        Assert.Contains("unpaired surrogate", lenient.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void IllFormedUtf8_InAValueOrAnUndeclaredKey_FailsInBothModes()
    {
        // A surrogate encoded as UTF-8 (ED A0 80) is ill-formed; readers that do not validate the body first still refuse it.
        byte[] value = [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"'];
        foreach (var strict in new[] { true, false })
        {
            var failure = Assert.Throws<ApiJsonException>(() => ApiJsonReader.Deserialize(value, s_string, strict));
            Assert.Contains("not valid UTF-8", failure.Problem, StringComparison.Ordinal);
        }

        var keys = new ApiJsonKeys(ApiJsonUnknownKeys.Keep, "a");
        byte[] key = [(byte)'{', (byte)'"', 0xED, 0xA0, 0x80, (byte)'"', (byte)':', (byte)'1', (byte)'}'];
        var read = (ApiJsonReadFunc<int>)((ref Utf8JsonReader reader, ApiJsonReader context) =>
        {
            var state = context.BeginObject(ref reader, keys);
            while (context.NextKey(ref reader, ref state, out _))
            {
                context.Read(ref reader);
                reader.Skip();
            }

            return state.Count;
        });
        foreach (var strict in new[] { true, false })
        {
            Assert.Equal("a key holds an unpaired surrogate", Assert.Throws<ApiJsonException>(() => ApiJsonReader.Deserialize(key, read, strict)).Problem);
        }
    }

    [Fact]
    public void UnpairedSurrogate_InAKey_FailsLikeABadValue()
    {
        var failure = JsonRead.StrictFailure("""{"\ud800": 1}""", JsonRead.ReadPoint);

        Assert.Equal("a key holds an unpaired surrogate", failure.Problem);
        Assert.Equal("a key holds an unpaired surrogate", Assert.Throws<ApiJsonException>(() => JsonRead.Lenient("""{"\ud800": 1}""", JsonRead.ReadPoint)).Problem);
    }

    [Fact]
    public void EscapedKey_IsUnescapedBeforeMatching()
    {
        Assert.Equal(7, JsonRead.Strict("""{"\u0078": 7}""", JsonRead.ReadPoint).X);
    }

    [Fact]
    public void Deserialize_ReusesItsStatePerThread_AndANestedCallGetsItsOwn()
    {
        var seen = new List<ApiJsonReader>();
        ApiJsonReadFunc<int> inner = (ref Utf8JsonReader reader, ApiJsonReader context) =>
        {
            seen.Add(context);
            return context.ReadInt32(ref reader);
        };
        ApiJsonReadFunc<int> outer = (ref Utf8JsonReader reader, ApiJsonReader context) =>
        {
            seen.Add(context);
            var nested = JsonRead.Strict("2", inner);
            return context.ReadInt32(ref reader) + nested;
        };

        Assert.Equal(3, JsonRead.Strict("1", outer));
        Assert.Equal(3, JsonRead.Strict("1", outer));

        Assert.NotSame(seen[0], seen[1]);
        Assert.Same(seen[0], seen[2]);
        Assert.All(seen, context => Assert.True(context.Strict));
        Assert.DoesNotContain(ReadContext(strict: false), seen);
    }

    [Fact]
    public void Deserialize_AfterAPathGrownPast64Levels_KeepsItsStateWithAnEmptyPath()
    {
        // A read that pushed 100 keys and failed leaves nothing of them behind: the next read on the thread uses the
        // same state and reports its own location only.
        var deep = Assert.Throws<ApiJsonException>(() => JsonRead.Strict<int>("0", (ref Utf8JsonReader reader, ApiJsonReader context) =>
        {
            for (var i = 0; i < 100; i++)
            {
                context.Push("k" + i);
            }

            throw context.Fail("too deep");
        }));
        Assert.Equal(string.Join('.', Enumerable.Range(0, 100).Select(i => "k" + i)), deep.Location);

        var before = ReadContext(strict: true);
        var shallow = Assert.Throws<ApiJsonException>(() => JsonRead.Strict<int>("0", (ref Utf8JsonReader reader, ApiJsonReader context) =>
        {
            Assert.Same(before, context);
            context.Push("only");
            context.PushIndex(3);
            throw context.Fail("shallow");
        }));
        Assert.Equal("only[3]", shallow.Location);
        Assert.Same(before, ReadContext(strict: true));
    }

    private static ApiJsonReader ReadContext(bool strict) =>
        ApiJsonReader.Deserialize("0"u8, (ref Utf8JsonReader reader, ApiJsonReader context) => context, strict);
}
