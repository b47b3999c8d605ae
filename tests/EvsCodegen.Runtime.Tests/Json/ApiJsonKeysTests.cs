using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EvsCodegen.Runtime.Tests.Json;

/// <summary>
/// The table-driven object read the generated converters use: <see cref="ApiJsonReader.BeginObject"/>,
/// <see cref="ApiJsonReader.NextKey"/> and <see cref="ApiJsonReader.EndObject"/> over an <see cref="ApiJsonKeys"/>.
/// </summary>
public sealed class ApiJsonKeysTests
{
    private static readonly ApiJsonKeys s_skip = new(ApiJsonUnknownKeys.Skip, "id", "title", "done") { Required = [0, 1] };
    private static readonly ApiJsonKeys s_forbid = new(ApiJsonUnknownKeys.Forbid, "id", "title", "done") { Required = [0, 1] };
    private static readonly ApiJsonKeys s_keep = new(ApiJsonUnknownKeys.Keep, "id", "title", "done") { Required = [0, 1] };
    private static readonly ApiJsonKeys s_counted = new(ApiJsonUnknownKeys.Skip, "id", "title", "done") { MinProperties = 2, MaxProperties = 3 };

    // 150 keys "k0".."k149": past one 64-bit word of seen flags and past the linear search; k70 and k149 required.
    private static readonly ApiJsonKeys s_wide = new(ApiJsonUnknownKeys.Forbid, Enumerable.Range(0, 150).Select(i => "k" + i).ToArray()) { Required = [70, 149] };

    [Fact]
    public void Keys_InOrderOrNot_ReadTheirValuesByIndex()
    {
        Assert.Equal("1|a|True", Read("""{"id": 1, "title": "a", "done": true}""", s_skip, strict: true));
        Assert.Equal("1|a|True", Read("""{"done": true, "title": "a", "id": 1}""", s_skip, strict: true));
        Assert.Equal("1|a|", Read("""{"title": "a", "id": 1}""", s_skip, strict: true));
    }

    [Fact]
    public void EscapedKey_MatchesItsUnescapedName()
    {
        Assert.Equal("1|a|", Read("""{"\u0069d": 1, "t\u0069tle": "a"}""", s_skip, strict: true));
    }

    [Fact]
    public void DuplicateKey_IsRejected_StrictOrLenient_AtTheObject()
    {
        foreach (var strict in new[] { true, false })
        {
            var failure = Assert.Throws<ApiJsonException>(() => Read("""{"id": 1, "title": "a", "id": 2}""", s_skip, strict));
            Assert.Equal(("", "the key 'id' appears more than once"), (failure.Location, failure.Problem));
        }
    }

    [Fact]
    public void UnknownKey_IsSkipped_OrRefusedWhenStrictAndForbidden()
    {
        const string Json = """{"id": 1, "Title": {"deep": [1, 2]}, "title": "a"}""";
        Assert.Equal("1|a|", Read(Json, s_skip, strict: true));
        Assert.Equal("1|a|", Read(Json, s_forbid, strict: false));
        var failure = Assert.Throws<ApiJsonException>(() => Read(Json, s_forbid, strict: true));
        Assert.Equal(("", "the key 'Title' is not allowed (keys are case-sensitive)"), (failure.Location, failure.Problem));
    }

    [Fact]
    public void UnknownKey_IsHandedToTheCaller_WhenKept()
    {
        Assert.Equal("1|a|;extra=x;more=2", Read("""{"extra": "x", "id": 1, "title": "a", "more": 2}""", s_keep, strict: true));
    }

    [Fact]
    public void MissingRequiredKeys_NameTheFirstInDeclaredOrder()
    {
        var none = Assert.Throws<ApiJsonException>(() => Read("""{"done": false}""", s_skip, strict: false));
        Assert.Equal(("", "the required key 'id' is missing"), (none.Location, none.Problem));
        var title = Assert.Throws<ApiJsonException>(() => Read("""{"id": 3}""", s_skip, strict: true));
        Assert.Equal("the required key 'title' is missing", title.Problem);
    }

    [Fact]
    public void PropertyCount_IsCheckedWhenStrict_OverEveryKey()
    {
        var few = Assert.Throws<ApiJsonException>(() => Read("""{"id": 1}""", s_counted, strict: true));
        Assert.Equal(ApiConstraints.Count(1, 2, 3, "properties"), few.Problem);
        Assert.Equal("1||", Read("""{"id": 1}""", s_counted, strict: false));
        Assert.Equal("1||", Read("""{"id": 1, "other": 2}""", s_counted, strict: true));
        Assert.Throws<ApiJsonException>(() => Read("""{"id": 1, "a": 2, "b": 3, "c": 4}""", s_counted, strict: true));
    }

    [Fact]
    public void PropertyCount_IsReportedBeforeAMissingKey_AndOnlyWhenStrict()
    {
        var both = new ApiJsonKeys(ApiJsonUnknownKeys.Skip, "id", "title", "done") { Required = [0], MinProperties = 2, MaxProperties = 2 };

        Assert.Equal(ApiConstraints.Count(1, 2, 2, "properties"), Assert.Throws<ApiJsonException>(() => Read("""{"title": "a"}""", both, strict: true)).Problem);
        Assert.Equal(ApiConstraints.Count(3, 2, 2, "properties"), Assert.Throws<ApiJsonException>(() => Read("""{"title": "a", "x": 1, "y": 2}""", both, strict: true)).Problem);
        Assert.Equal("the required key 'id' is missing", Assert.Throws<ApiJsonException>(() => Read("""{"title": "a"}""", both, strict: false)).Problem);
        Assert.Equal("the required key 'id' is missing", Assert.Throws<ApiJsonException>(() => Read("""{"title": "a", "x": 1}""", both, strict: true)).Problem);
        Assert.Equal("1|a|", Read("""{"id": 1, "title": "a"}""", both, strict: true));
    }

    [Fact]
    public void ValueProblems_AreReportedAtTheKey()
    {
        var failure = Assert.Throws<ApiJsonException>(() => Read("""{"id": "one", "title": "a"}""", s_skip, strict: true));
        Assert.Equal(("id", "expected a 64-bit integer, got a string"), (failure.Location, failure.Problem));
    }

    [Fact]
    public void MoreThan64Keys_TrackEachKey_AndFindThemInAnyOrder()
    {
        var all = "{" + string.Join(", ", Enumerable.Range(0, 150).Reverse().Select(i => $"\"k{i}\": {i}")) + "}";
        Assert.Equal(Enumerable.Range(0, 150).Sum(), ReadWide(all, strict: true));
        Assert.Equal(219, ReadWide("""{"k149": 149, "k70": 70}""", strict: true));

        var duplicate = Assert.Throws<ApiJsonException>(() => ReadWide("""{"k70": 1, "k149": 2, "k70": 3}""", strict: false));
        Assert.Equal("the key 'k70' appears more than once", duplicate.Problem);
        var missing = Assert.Throws<ApiJsonException>(() => ReadWide("""{"k70": 1, "k0": 2}""", strict: false));
        Assert.Equal("the required key 'k149' is missing", missing.Problem);
        var unknown = Assert.Throws<ApiJsonException>(() => ReadWide("""{"k70": 1, "k149": 2, "k150": 3}""", strict: true));
        Assert.Equal("the key 'k150' is not allowed (keys are case-sensitive)", unknown.Problem);
        Assert.Equal(3, ReadWide("""{"k70": 1, "k149": 2, "k150": 3}""", strict: false));
    }

    [Fact]
    public void KeyTable_WritesEncodedNames_AndReportsWhatItWasGiven()
    {
        Assert.Equal(3, s_skip.Count);
        Assert.Equal("title", s_skip.Name(1));
        Assert.Equal("title", s_skip[1].Value);
        Assert.Equal([0, 1], s_skip.Required);
        Assert.Equal([70, 149], s_wide.Required);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApiJsonKeys(ApiJsonUnknownKeys.Skip, "a") { Required = [1] });
    }

    [Fact]
    public void ConstrainedReads_CheckWhenStrict_WithTheSameMessages()
    {
        var length = new ApiJsonRule { MinLength = 2, MaxLength = 3 };
        var failure = Assert.Throws<ApiJsonException>(() => JsonRead.Strict("\"a\"", (ref Utf8JsonReader r, ApiJsonReader c) => c.ReadString(ref r, length)));
        Assert.Equal(ApiConstraints.Length("a", 2, 3), failure.Problem);
        Assert.Equal("a", JsonRead.Lenient("\"a\"", (ref Utf8JsonReader r, ApiJsonReader c) => c.ReadString(ref r, length)));

        var pattern = new ApiJsonRule { Pattern = "^[a-z]+$" };
        Assert.Equal("abc", JsonRead.Strict("\"abc\"", (ref Utf8JsonReader r, ApiJsonReader c) => c.ReadString(ref r, pattern)));
        Assert.Throws<ApiJsonException>(() => JsonRead.Strict("\"ABC\"", (ref Utf8JsonReader r, ApiJsonReader c) => c.ReadString(ref r, pattern)));

        var range = new ApiJsonRule { Minimum = 1, Maximum = 10, ExclusiveMaximum = true, MultipleOf = 2 };
        Assert.Equal(4L, JsonRead.Strict("4", (ref Utf8JsonReader r, ApiJsonReader c) => c.ReadInt64(ref r, range)));
        var high = Assert.Throws<ApiJsonException>(() => JsonRead.Strict("10", (ref Utf8JsonReader r, ApiJsonReader c) => c.ReadInt32(ref r, range)));
        Assert.Equal(ApiConstraints.Range(10, 1, 10, false, true), high.Problem);
        var odd = Assert.Throws<ApiJsonException>(() => JsonRead.Strict("3", (ref Utf8JsonReader r, ApiJsonReader c) => c.ReadDecimal(ref r, range)));
        Assert.Equal(ApiConstraints.MultipleOf(3m, 2d), odd.Problem);

        var allowed = new ApiJsonRule { Allowed = [1.5, 2.5] };
        Assert.Equal(2.5, JsonRead.Strict("2.5", (ref Utf8JsonReader r, ApiJsonReader c) => c.ReadDouble(ref r, allowed)));
        Assert.Throws<ApiJsonException>(() => JsonRead.Strict("2", (ref Utf8JsonReader r, ApiJsonReader c) => c.ReadSingle(ref r, allowed)));

        var onlyTrue = new ApiJsonRule { AllowedBoolean = true };
        Assert.Equal("expected true", Assert.Throws<ApiJsonException>(() => JsonRead.Strict("false", (ref Utf8JsonReader r, ApiJsonReader c) => c.ReadBoolean(ref r, onlyTrue))).Problem);

        var schema = new ApiJsonRule { Schema = """{"type":"integer"}""" };
        Assert.Equal(3, JsonRead.Strict("3", (ref Utf8JsonReader r, ApiJsonReader c) => c.ReadAny(ref r, schema)).GetInt32());
        Assert.Throws<ApiJsonException>(() => JsonRead.Strict("\"x\"", (ref Utf8JsonReader r, ApiJsonReader c) => c.ReadAny(ref r, schema)));
    }

    [Theory]
    [InlineData("\"€€€\"", true)] // 3 code points in 9 bytes: more bytes than MaxLength, so the code points are counted
    [InlineData("\"€€€€\"", false)]
    [InlineData("\"\\u20ac\\u20ac\\u20ac\"", true)] // escaped: the raw length says nothing
    [InlineData("\"\\u20ac\\u20ac\\u20ac\\u20ac\"", false)]
    [InlineData("\"😀\"", false)] // 1 code point in 4 bytes: under MinLength although (4 + 3) / 4 bytes suggests 1
    [InlineData("\"😀😀\"", true)]
    [InlineData("\"ab\"", true)]
    [InlineData("\"abcd\"", false)]
    public void StringLength_IsCountedInCodePoints_WhateverTheBytes(string json, bool valid)
    {
        var rule = new ApiJsonRule { MinLength = 2, MaxLength = 3 };
        var read = (ApiJsonReadFunc<string>)((ref Utf8JsonReader r, ApiJsonReader c) => c.ReadString(ref r, rule));
        var value = JsonRead.Lenient(json, read);
        Assert.Equal(ApiConstraints.Length(value, 2, 3) is null, valid);
        if (valid)
        {
            Assert.Equal(value, JsonRead.Strict(json, read));
        }
        else
        {
            Assert.Equal(ApiConstraints.Length(value, 2, 3), JsonRead.StrictFailure(json, read).Problem);
        }
    }

    [Theory]
    [InlineData("\"éé\"", true)] // 4 bytes
    [InlineData("\"ééa\"", true)] // 5 bytes
    [InlineData("\"ééé\"", false)] // 6 bytes
    [InlineData("\"\\u00e9\\u00e9a\"", true)] // escaped, 5 bytes once decoded
    [InlineData("\"\\u00e9\\u00e9\\u00e9\"", false)]
    public void MaxBytes_CountsTheDecodedUtf8_RawOrEscaped(string json, bool valid)
    {
        var rule = new ApiJsonRule { MaxBytes = 5 };
        var read = (ApiJsonReadFunc<string>)((ref Utf8JsonReader r, ApiJsonReader c) => c.ReadString(ref r, rule));
        if (valid)
        {
            Assert.Equal(JsonRead.Lenient(json, read), JsonRead.Strict(json, read));
        }
        else
        {
            Assert.Equal(ApiConstraints.Utf8Bytes(JsonRead.Lenient(json, read), 5), JsonRead.StrictFailure(json, read).Problem);
        }
    }

    [Fact]
    public void StringRules_DecidedByTheRawLength_AnswerAsTheFullChecksInOrder()
    {
        // Strict string reads accept a raw (unescaped) string by its UTF-8 length alone when that decides every keyword;
        // at each boundary (4 * minLength - 3 bytes, maxLength, x-max-bytes, a pattern set before or after the lengths)
        // the answer must be the one the checks give in order: length in code points, then UTF-8 bytes, then pattern.
        int?[] minimums = [null, -1, 0, 1, 2, 3];
        int?[] maximums = [null, 0, 2, 3, 5];
        int?[] byteLimits = [null, 3, 4, 5, 8];
        string[] texts = ["", "a", "ab", "abc", "abcd", "abcde", "é", "éé", "ééé", "€€", "😀", "😀😀", "a😀", "😀ab", "ba"];
        var read = 0;
        foreach (var minimum in minimums)
        {
            foreach (var maximum in maximums)
            {
                foreach (var maxBytes in byteLimits)
                {
                    var rules = new[]
                    {
                        (Rule: new ApiJsonRule { MinLength = minimum, MaxLength = maximum, MaxBytes = maxBytes }, Pattern: (string?)null),
                        (Rule: new ApiJsonRule { Pattern = "^a", MinLength = minimum, MaxLength = maximum, MaxBytes = maxBytes }, Pattern: "^a"),
                        (Rule: new ApiJsonRule { MinLength = minimum, MaxLength = maximum, MaxBytes = maxBytes, Pattern = "^a" }, Pattern: "^a"),
                    };
                    foreach (var (rule, pattern) in rules)
                    {
                        var reader = (ApiJsonReadFunc<string>)((ref Utf8JsonReader r, ApiJsonReader c) => c.ReadString(ref r, rule));
                        foreach (var text in texts)
                        {
                            var expected = (minimum is not null || maximum is not null ? ApiConstraints.Length(text, minimum, maximum) : null)
                                ?? (maxBytes is int limit ? ApiConstraints.Utf8Bytes(text, limit) : null)
                                ?? (pattern is null ? null : ApiConstraints.Pattern(text, new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant)));
                            foreach (var json in new[] { "\"" + text + "\"", JsonSerializer.Serialize(text) })
                            {
                                read++;
                                if (expected is null)
                                {
                                    Assert.Equal(text, JsonRead.Strict(json, reader));
                                }
                                else
                                {
                                    Assert.Equal(expected, JsonRead.StrictFailure(json, reader).Problem);
                                }
                            }
                        }
                    }
                }
            }
        }

        Assert.Equal(6 * 5 * 5 * 3 * 15 * 2, read);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("yyyy-MM-ddTHH:mm:ss.ffffff")]
    [InlineData("dddd, dd MMMM yyyy HH:mm:ss.fffffff 'a literal long enough to pass sixty-four bytes'")]
    public void DateTimes_AreWrittenInUtcWithTheDocumentsFormat_HoweverLong(string? format)
    {
        var value = new DateTimeOffset(2026, 11, 30, 6, 7, 8, 123, TimeSpan.FromHours(8)).AddTicks(4567);
        var expected = format is null ? value.ToString("O", CultureInfo.InvariantCulture) : value.UtcDateTime.ToString(format, CultureInfo.InvariantCulture);
        var keys = new ApiJsonKeys(ApiJsonUnknownKeys.Skip, "at", "maybe", "day");
        var json = Encoding.UTF8.GetString(ApiJsonValue.Serialize(0, (writer, _) =>
        {
            writer.WriteStartObject();
            ApiJsonValue.WriteDateTime(writer, keys[0], value, format);
            ApiJsonValue.WriteOptional(writer, keys[1], (DateTimeOffset?)value, format);
            ApiJsonValue.WriteDate(writer, keys[2], new DateOnly(7, 1, 2));
            writer.WriteEndObject();
        }));
        using var document = JsonDocument.Parse(json);
        Assert.Equal(expected, document.RootElement.GetProperty("at").GetString());
        Assert.Equal(expected, document.RootElement.GetProperty("maybe").GetString());
        Assert.Equal("0007-01-02", document.RootElement.GetProperty("day").GetString());
    }

    [Fact]
    public void PropertyWriters_WriteWhatTheInlineStatementsWrote()
    {
        var keys = new ApiJsonKeys(ApiJsonUnknownKeys.Skip, "a", "b", "c", "d", "e", "f", "g");
        var json = Encoding.UTF8.GetString(ApiJsonValue.Serialize(0, (writer, _) =>
        {
            writer.WriteStartObject();
            ApiJsonValue.WriteOptional(writer, keys[0], (long?)null);
            ApiJsonValue.WriteOptional(writer, keys[1], (int?)5);
            ApiJsonValue.WriteNullable(writer, keys[2], (bool?)null);
            ApiJsonValue.WriteOptional(writer, keys[3], (string?)null);
            ApiJsonValue.WriteNullable(writer, keys[4], (byte[]?)null);
            ApiJsonValue.WriteOptional(writer, keys[5], (DateTimeOffset?)new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero), "yyyyMMdd");
            ApiJsonValue.WriteNullable(writer, keys[6], (DateOnly?)new DateOnly(2026, 11, 30));
            writer.WriteEndObject();
        }));

        Assert.Equal("""{"b":5,"c":null,"e":null,"f":"20261130","g":"2026-11-30"}""", json);
    }

    [Fact]
    public void Lists_ReadAndWriteEachItem_WithTheItemsIndexInProblems()
    {
        Assert.Equal(["a", "b"], JsonRead.Strict("""["a", "b"]""", (ref Utf8JsonReader r, ApiJsonReader c) => c.ReadList(ref r, ApiJsonItems.ReadString)));
        var failure = Assert.Throws<ApiJsonException>(() => JsonRead.Strict("""[1, "x"]""", (ref Utf8JsonReader r, ApiJsonReader c) => c.ReadList(ref r, ApiJsonItems.ReadInt64)));
        Assert.Equal(("[1]", "expected a 64-bit integer, got a string"), (failure.Location, failure.Problem));
        Assert.Equal("expected an array, got an object", Assert.Throws<ApiJsonException>(() => JsonRead.Strict("{}", (ref Utf8JsonReader r, ApiJsonReader c) => c.ReadList(ref r, ApiJsonItems.ReadBoolean))).Problem);

        var keys = new ApiJsonKeys(ApiJsonUnknownKeys.Skip, "a", "b", "c", "d");
        var json = Encoding.UTF8.GetString(ApiJsonValue.Serialize(0, (writer, _) =>
        {
            writer.WriteStartObject();
            ApiJsonValue.WriteList<long>(writer, keys[0], [1, 2], ApiJsonItems.WriteInt64);
            ApiJsonValue.WriteOptionalList<string>(writer, keys[1], null, ApiJsonItems.WriteString);
            ApiJsonValue.WriteNullableList<bool>(writer, keys[2], null, ApiJsonItems.WriteBoolean);
            ApiJsonValue.WriteOptionalList<Guid>(writer, keys[3], [Guid.Empty], ApiJsonItems.WriteGuid);
            writer.WriteEndObject();
        }));
        Assert.Equal("""{"a":[1,2],"c":null,"d":["00000000-0000-0000-0000-000000000000"]}""", json);
    }

    /// <summary>Reads <c>{id: int64, title: string, done: bool}</c> the way a generated converter does; kept keys are appended.</summary>
    private static string Read(string json, ApiJsonKeys keys, bool strict) =>
        ApiJsonReader.Deserialize(Encoding.UTF8.GetBytes(json), (ref Utf8JsonReader reader, ApiJsonReader context) =>
        {
            var state = context.BeginObject(ref reader, keys);
            long? id = null;
            string? title = null;
            bool? done = null;
            var extra = new StringBuilder();
            while (context.NextKey(ref reader, ref state, out var index))
            {
                if (index < 0)
                {
                    var key = reader.GetString()!;
                    context.Read(ref reader);
                    extra.Append(';').Append(key).Append('=').Append(reader.TokenType == JsonTokenType.String ? reader.GetString() : reader.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
                    continue;
                }

                switch (index)
                {
                    case 0: id = context.ReadInt64(ref reader); break;
                    case 1: title = context.ReadString(ref reader); break;
                    case 2: done = context.ReadBoolean(ref reader); break;
                }

                context.Pop();
            }

            context.EndObject(in state);
            return $"{id}|{title}|{done}{extra}";
        }, strict);

    /// <summary>Reads the 150-key object: the sum of the values read.</summary>
    private static int ReadWide(string json, bool strict) =>
        ApiJsonReader.Deserialize(Encoding.UTF8.GetBytes(json), (ref Utf8JsonReader reader, ApiJsonReader context) =>
        {
            var state = context.BeginObject(ref reader, s_wide);
            var sum = 0;
            while (context.NextKey(ref reader, ref state, out var index))
            {
                Assert.Equal("k" + index, s_wide.Name(index));
                sum += context.ReadInt32(ref reader);
                context.Pop();
            }

            context.EndObject(in state);
            Assert.True(state.Has(70) && state.Has(149));
            return sum;
        }, strict);
}
