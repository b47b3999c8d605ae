using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EvsCodegen.Runtime.Tests.Json;

public sealed class ApiJsonReaderTests
{
    private static readonly ApiJsonReadFunc<Point> s_point = JsonRead.ReadPoint;

    [Fact]
    public void DuplicateKey_IsRejectedByStrictAndLenientReads()
    {
        // Parsers disagree on which of two values wins, so neither side guesses (docs/decisions.md).
        const string Json = """{"x": 1, "x": 2}""";

        Assert.Equal("the key 'x' appears more than once", JsonRead.StrictFailure(Json, s_point).Problem);
        var lenient = Assert.Throws<ApiJsonException>(() => JsonRead.Lenient(Json, s_point));
        Assert.Equal("the key 'x' appears more than once", lenient.Problem);
    }

    [Fact]
    public void UnknownKey_IsRejectedWhenStrict_AndSkippedWhenLenient()
    {
        const string Json = """{"x": 1, "X": {"deep": [1, 2]}}""";

        var failure = JsonRead.StrictFailure(Json, s_point);
        Assert.Equal(("X", "the key 'X' is not allowed (keys are case-sensitive)"), (failure.Location, failure.Problem));
        Assert.Equal(new Point(1, []), JsonRead.Lenient(Json, s_point) with { Tags = [] });
    }

    [Fact]
    public void MissingRequiredKey_FailsAtTheObject_WithTheKeyNamed()
    {
        var failure = JsonRead.StrictFailure("""{"tags": []}""", s_point);

        Assert.Equal(("", "the required key 'x' is missing"), (failure.Location, failure.Problem));
        Assert.Equal("Invalid request body: the required key 'x' is missing.", failure.Message);
    }

    [Fact]
    public void EnterKey_MovesToTheValue_PushesTheKey_AndRejectsTheKeySeenTwice()
    {
        var json = Encoding.UTF8.GetBytes("""{"a": 7, "a": 8}""");
        var reader = new Utf8JsonReader(json);
        var context = new ApiJsonReader(strict: false);
        var seen = false;
        reader.Read();
        reader.Read();

        context.EnterKey(ref reader, ref seen, "a");

        Assert.True(seen);
        Assert.Equal(JsonTokenType.Number, reader.TokenType);
        Assert.Equal("a", context.Fail("bad").Location);
        context.Pop();
        var twice = Assert.Throws<ApiJsonException>(() =>
        {
            var again = new Utf8JsonReader(json);
            again.Read();
            again.Read();
            context.EnterKey(ref again, ref seen, "a");
        });
        Assert.Equal(("", "the key 'a' appears more than once"), (twice.Location, twice.Problem));
    }

    [Fact]
    public void Location_NamesKeysWithDotsAndIndexesInBrackets()
    {
        var context = new ApiJsonReader(strict: true);
        context.Push("a");
        context.Push("b");
        context.PushIndex(2);

        var failure = context.Fail("bad");

        Assert.Equal("a.b[2]", failure.Location);
        Assert.Equal("Invalid value at 'a.b[2]': bad.", failure.Message);
    }

    [Fact]
    public void Location_OfAnArrayItem_IsThePropertyAndIndex()
    {
        var failure = JsonRead.StrictFailure("""{"x": 1, "tags": ["a", "b", "toolong"]}""", s_point);

        Assert.Equal(("tags[2]", "expected at most 3 characters, got 7"), (failure.Location, failure.Problem));
    }

    [Fact]
    public void Location_AfterAFailedRead_StartsAgainAtTheTop()
    {
        JsonRead.StrictFailure("""{"x": 1, "tags": [1]}""", s_point);

        var failure = JsonRead.StrictFailure("""{}""", s_point);

        Assert.Equal("", failure.Location);
    }

    [Fact]
    public void MarkAndRestore_ReturnToTheLocationBeforeAFailedAttempt()
    {
        var context = new ApiJsonReader(strict: true);
        context.Push("outer");
        var mark = context.Mark();
        context.Push("inner");
        context.PushIndex(4);

        context.Restore(mark);

        Assert.Equal("outer", context.Fail("x").Location);
    }

    [Fact]
    public void Count_BelowTheMinimumOrAboveTheMaximum_Fails()
    {
        var context = new ApiJsonReader(strict: true);

        context.CheckCount(1, 1, 2, "properties");
        context.CheckCount(2, 1, 2, "properties");
        Assert.Equal("expected at least 1 properties, got 0", Assert.Throws<ApiJsonException>(() => context.CheckCount(0, 1, 2, "properties")).Problem);
        Assert.Equal("expected at most 2 properties, got 3", Assert.Throws<ApiJsonException>(() => context.CheckCount(3, 1, 2, "properties")).Problem);
        Assert.Equal("expected at most 4 items, got 5", JsonRead.StrictFailure("""{"x": 1, "tags": ["a", "b", "c", "d", "e"]}""", s_point).Problem);
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("\U0001F600\U0001F600\U0001F600", 3)] // three surrogate pairs: three code points, six UTF-16 units
    [InlineData("é\U0001F600x", 3)]
    public void Length_CountsCodePoints_NotUtf16Units(string value, int codePoints)
    {
        var context = new ApiJsonReader(strict: true);

        context.CheckLength(value, codePoints, codePoints);
        Assert.Equal($"expected at most {codePoints - 1} characters, got {codePoints}", Assert.Throws<ApiJsonException>(() => context.CheckLength(value, null, codePoints - 1)).Problem);
        Assert.Equal($"expected at least {codePoints + 1} characters, got {codePoints}", Assert.Throws<ApiJsonException>(() => context.CheckLength(value, codePoints + 1, null)).Problem);
    }

    [Fact]
    public void MaxBytes_CountsUtf8Bytes()
    {
        var context = new ApiJsonReader(strict: true);

        context.CheckUtf8Bytes(new string('é', 127) + "a", 255);
        Assert.Equal("expected at most 255 bytes of UTF-8, got 256", Assert.Throws<ApiJsonException>(() => context.CheckUtf8Bytes(new string('é', 128), 255)).Problem);
        Assert.Equal("expected at most 3 bytes of UTF-8, got 4", Assert.Throws<ApiJsonException>(() => context.CheckUtf8Bytes("\U0001F600", 3)).Problem);
    }

    [Fact]
    public void Pattern_ThatDoesNotMatch_FailsNamingThePattern()
    {
        var context = new ApiJsonReader(strict: true);
        var pattern = new Regex("^[a-z]+$", RegexOptions.None, TimeSpan.FromSeconds(1));

        context.CheckPattern("abc", pattern);
        Assert.Equal("the value does not match the pattern ^[a-z]+$", Assert.Throws<ApiJsonException>(() => context.CheckPattern("ab1", pattern)).Problem);
    }

    [Fact]
    public void Pattern_ThatTimesOut_CountsAsNoMatch_NotAnException()
    {
        var context = new ApiJsonReader(strict: true);
        var catastrophic = new Regex("^(a+)+$", RegexOptions.None, TimeSpan.FromMilliseconds(1));

        var failure = Assert.Throws<ApiJsonException>(() => context.CheckPattern(new string('a', 40) + "!", catastrophic));

        Assert.StartsWith("the value does not match the pattern", failure.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, false, null)]
    [InlineData(0.0, true, "expected a number > 0")]
    [InlineData(-0.5, false, "expected a number >= 0")]
    [InlineData(0.5, true, null)]
    public void Minimum_InclusiveOrExclusive(double value, bool exclusive, string? problem)
    {
        var context = new ApiJsonReader(strict: true);

        var failure = Record.Exception(() => context.CheckRange(value, 0, null, exclusive, false));

        Assert.Equal(problem, (failure as ApiJsonException)?.Problem);
    }

    [Theory]
    [InlineData(10.0, false, null)]
    [InlineData(10.0, true, "expected a number < 10")]
    [InlineData(10.25, false, "expected a number <= 10")]
    public void Maximum_InclusiveOrExclusive(double value, bool exclusive, string? problem)
    {
        var context = new ApiJsonReader(strict: true);

        var failure = Record.Exception(() => context.CheckRange(value, null, 10, false, exclusive));

        Assert.Equal(problem, (failure as ApiJsonException)?.Problem);
    }

    [Fact]
    public void Range_Message_UsesTheInvariantCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var failure = Assert.Throws<ApiJsonException>(() => new ApiJsonReader(strict: true).CheckRange(1, 1.5, null, false, false));

            Assert.Equal("expected a number >= 1.5", failure.Problem);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void EnumValue_NotListed_FailsNamingTheAllowedValues()
    {
        var failure = Assert.Throws<ApiJsonException>(() => new ApiJsonReader(strict: true).FailNotAllowed("purple", ["red", "green"]));

        Assert.Equal("'purple' is not one of red, green", failure.Problem);
    }

    [Fact]
    public void TrailingData_AfterTheValue_IsRejected()
    {
        Assert.ThrowsAny<JsonException>(() => JsonRead.Strict("""{"x": 1} {}""", s_point));
        Assert.Equal(new Point(1, []), JsonRead.Strict("""{"x": 1}  """, s_point) with { Tags = [] });
    }

    [Fact]
    public void ReadThatStopsBeforeTheEndOfTheValue_IsUnexpectedData()
    {
        // A read function that consumes only the first token leaves the rest of the document unread.
        var failure = Assert.Throws<ApiJsonException>(() => JsonRead.Strict("[1, 2]", (ref Utf8JsonReader reader, ApiJsonReader context) => 0));

        Assert.Equal("unexpected data after the JSON value", failure.Problem);
    }

    [Fact]
    public void Depth_IsLimitedTo64Levels()
    {
        static string Nested(int depth) => new string('[', depth) + new string(']', depth);
        ApiJsonReadFunc<JsonElement> any = (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadAny(ref reader);

        Assert.Equal(JsonValueKind.Array, JsonRead.Strict(Nested(64), any).ValueKind);
        Assert.ThrowsAny<JsonException>(() => JsonRead.Strict(Nested(65), any));
    }

    [Fact]
    public void Truncated_Document_Fails()
    {
        Assert.ThrowsAny<JsonException>(() => JsonRead.Strict("""{"x": 1""", s_point));
        Assert.ThrowsAny<JsonException>(() => JsonRead.Strict("", s_point));
    }

    [Fact]
    public void WrongToken_NamesWhatWasExpectedAndWhatCame()
    {
        var failure = JsonRead.StrictFailure("""{"x": "1"}""", s_point);

        Assert.Equal(("x", "expected a 32-bit integer, got a string"), (failure.Location, failure.Problem));
        Assert.Equal("expected an object, got an array", JsonRead.StrictFailure("[]", s_point).Problem);
    }

    [Fact]
    public void PeekString_ReadsTheDiscriminator_WithoutMovingTheReader()
    {
        ApiJsonReadFunc<(string?, string?, JsonTokenType)> peek = (ref Utf8JsonReader reader, ApiJsonReader context) =>
        {
            var kind = context.PeekString(reader, "kind");
            var missing = context.PeekString(reader, "other");
            var token = reader.TokenType;
            reader.Skip();
            return (kind, missing, token);
        };

        Assert.Equal(("cat", null, JsonTokenType.StartObject), JsonRead.Strict("""{"a": {"kind": "dog"}, "kind": "cat"}""", peek));
        Assert.Equal((null, null, JsonTokenType.StartObject), JsonRead.Strict("""{"kind": 3}""", peek));
    }
}
