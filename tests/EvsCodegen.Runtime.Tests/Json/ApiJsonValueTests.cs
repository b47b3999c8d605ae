using System.Text;
using System.Text.Json;

namespace EvsCodegen.Runtime.Tests.Json;

public sealed class ApiJsonValueTests
{
    private const string EvsFormat = "yyyy-MM-ddTHH:mm:ss.ffffff";

    private static string Write(Action<Utf8JsonWriter> write) =>
        Encoding.UTF8.GetString(ApiJsonValue.Serialize(write, static (writer, w) => w(writer)));

    [Fact]
    public void DateTime_WithFormat_IsWrittenInUtc_AndReadsBackToTheSameInstant()
    {
        var value = new DateTimeOffset(2013, 2, 25, 5, 56, 53, TimeSpan.FromHours(2)).AddTicks(816420);

        var json = Write(writer => ApiJsonValue.WriteDateTime(writer, value, EvsFormat));
        var read = ApiJsonReader.Deserialize(Encoding.UTF8.GetBytes(json), (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadDateTime(ref reader, EvsFormat), strict: true);

        Assert.Equal("\"2013-02-25T03:56:53.081642\"", json);
        Assert.Equal(value, read);
        Assert.Equal(TimeSpan.Zero, read.Offset);
    }

    [Fact]
    public void DateTime_WithoutFormat_IsIso8601WithItsOffset()
    {
        var value = new DateTimeOffset(2013, 2, 25, 5, 56, 53, TimeSpan.FromHours(2));

        Assert.Equal("\"2013-02-25T05:56:53+02:00\"", Write(writer => ApiJsonValue.WriteDateTime(writer, value, null)));
    }

    [Fact]
    public void DateTime_WithAFormatLongerThanTheStackBuffer_IsStillWritten()
    {
        var format = string.Join('-', Enumerable.Repeat("yyyy", 20));

        Assert.Equal("\"" + string.Join('-', Enumerable.Repeat("2013", 20)) + "\"", Write(writer => ApiJsonValue.WriteDateTime(writer, new DateTimeOffset(2013, 1, 1, 0, 0, 0, TimeSpan.Zero), format)));
    }

    [Theory]
    [InlineData("yyyy'年'MM'月'dd'日'")]
    [InlineData("yyyy'\"'MM'<'dd")]
    [InlineData("yyyy'\u0001'MM")]
    public void DateTime_WithLiteralTextInTheFormat_IsEscapedAsTheSameTextWrittenAsAString(string format)
    {
        var value = new DateTimeOffset(2013, 2, 25, 5, 56, 53, TimeSpan.Zero);

        Assert.Equal(
            Write(writer => writer.WriteStringValue(value.UtcDateTime.ToString(format, System.Globalization.CultureInfo.InvariantCulture))),
            Write(writer => ApiJsonValue.WriteDateTime(writer, value, format)));
    }

    [Fact]
    public void Serialize_StillRefusesNestingBeyondTheWritersDepthLimit()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Write(static writer =>
        {
            for (var i = 0; i <= 1000; i++)
            {
                writer.WriteStartArray();
            }
        }));

        Assert.Contains("depth", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("[[]]", Write(static writer =>
        {
            writer.WriteStartArray();
            writer.WriteStartArray();
            writer.WriteEndArray();
            writer.WriteEndArray();
        }));
    }

    [Fact]
    public void Date_IsYearMonthDay_WhateverTheCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
        try
        {
            Assert.Equal("\"2024-02-29\"", Write(writer => ApiJsonValue.WriteDate(writer, new DateOnly(2024, 2, 29))));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Serialize_WritesNonAsciiAndHtmlCharactersAsThemselves_ButEscapesControlCharactersAndSupplementaryPlanes()
    {
        // The relaxed encoder still escapes characters outside the Basic Multilingual Plane: valid JSON, read back the same.
        Assert.Equal("\"é\\uD83D\\uDE00<'>&\\u0001\\\"\"", Write(writer => writer.WriteStringValue("é\U0001F600<'>&\u0001\"")));
    }

    [Fact]
    public void Serialize_ReturnsACopy_ThatTheNextCallDoesNotOverwrite()
    {
        var first = ApiJsonValue.Serialize("first", static (writer, value) => writer.WriteStringValue(value));
        var second = ApiJsonValue.Serialize("2nd", static (writer, value) => writer.WriteStringValue(value));

        Assert.Equal("\"first\"", Encoding.UTF8.GetString(first));
        Assert.Equal("\"2nd\"", Encoding.UTF8.GetString(second));
    }

    [Fact]
    public void Serialize_RefusesAValueLeftOpen_OrNoValue_AndTheNextCallStartsClean()
    {
        var open = Assert.Throws<InvalidOperationException>(() => Write(static writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
        }));
        var none = Assert.Throws<InvalidOperationException>(() => ApiJsonValue.Serialize(0, static (_, _) => { }, 0, static (_, _) => Assert.Fail("nothing to consume")));

        Assert.Equal("The value was not written whole: 2 object(s) or array(s) left open.", open.Message);
        Assert.Equal("No value was written.", none.Message);
        Assert.Equal("{}", Write(static writer =>
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }));
    }

    [Fact]
    public void Serialize_StartsEachCallOnAnEmptyBuffer_EvenAfterAWriteThatThrew()
    {
        Assert.Throws<InvalidOperationException>(() => ApiJsonValue.Serialize(0, static (writer, _) =>
        {
            writer.WriteStartObject();
            writer.WriteString("half", "written");
            throw new InvalidOperationException("the writer fails");
        }));

        Assert.Equal("[1]", Write(writer =>
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(1);
            writer.WriteEndArray();
        }));
    }

    [Fact]
    public void Serialize_NestedInsideAWrite_UsesItsOwnBuffer()
    {
        var outer = Write(writer =>
        {
            writer.WriteStartObject();
            var inner = Write(nested => nested.WriteStringValue("inner"));
            writer.WriteString("nested", inner);
            writer.WriteEndObject();
        });

        Assert.Equal("""{"nested":"\"inner\""}""", outer);
    }

    [Fact]
    public void Serialize_WithAConsumer_PassesTheBytesAndState_AndNestsInsideTheConsumer()
    {
        string? inner = null;
        string? outer = null;

        ApiJsonValue.Serialize(42, static (writer, value) => writer.WriteNumberValue(value), "state", (json, state) =>
        {
            inner = Write(writer => writer.WriteStringValue(state));
            outer = Encoding.UTF8.GetString(json);
        });

        Assert.Equal(("\"state\"", "42"), (inner, outer));
    }

    [Fact]
    public void Serialize_OfALargeValue_IsWholeAndTheNextSmallOneToo()
    {
        var large = new string('x', 100_000);

        Assert.Equal(large.Length + 2, ApiJsonValue.Serialize(large, static (writer, value) => writer.WriteStringValue(value)).Length);
        Assert.Equal("1", Write(writer => writer.WriteNumberValue(1)));
    }
}
