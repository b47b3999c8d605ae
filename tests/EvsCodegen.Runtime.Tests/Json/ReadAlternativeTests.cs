using System.Text.Json;

namespace EvsCodegen.Runtime.Tests.Json;

/// <summary>
/// <see cref="ApiJsonReader.ReadAlternative{T}"/>: the alternatives of a union that share a JSON kind, tried from copies
/// of the reader. Strict reads hold <c>oneOf</c> to exactly one and take the first for <c>anyOf</c>; lenient reads
/// prefer an alternative that reads strictly; the fallback takes what no other reads; the reader ends past the value.
/// </summary>
public sealed class ReadAlternativeTests
{
    // Two readers of numbers: any integer, and a number of at most 10.
    private static readonly ApiJsonReadFunc<string>[] s_numbers = [ReadInteger, ReadSmall];
    private static readonly string[] s_names = ["Integer", "Small"];

    [Theory]
    [InlineData("[5.5]", true, "Small 5.5")]
    [InlineData("[50]", true, "Integer 50")]
    [InlineData("[5]", false, "Integer 5")]
    [InlineData("[5]", true, "error at '[0]': the value matches both Integer and Small, and exactly one alternative may match")]
    [InlineData("[50.5]", true, "error at '[0]': the value matches none of Integer (expected a 64-bit integer, got a number); Small (expected a number <= 10)")]
    public void Strict_OneOfIsExactlyOne_AnyOfIsTheFirst(string json, bool exactlyOne, string expected)
    {
        string actual;
        try
        {
            actual = JsonRead.Strict(json, (ref Utf8JsonReader reader, ApiJsonReader context) => ReadArray(ref reader, context, exactlyOne, fallback: null));
        }
        catch (ApiJsonException exception)
        {
            actual = $"error at '{exception.Location}': {exception.Problem}";
        }

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("[5.5, 7]", "Small 5.5|Integer 7")]
    [InlineData("[50.5]", "Small 50.5")]
    public void Lenient_PrefersAStrictMatch_ThenTheFirstThatReads(string json, string expected)
    {
        // 50.5 reads strictly as neither; leniently the small number's bound is not checked, so it reads as Small.
        Assert.Equal(expected, JsonRead.Lenient(json, (ref Utf8JsonReader reader, ApiJsonReader context) => ReadArray(ref reader, context, exactlyOne: true, fallback: null)));
    }

    [Fact]
    public void Fallback_TakesWhatNoOtherAlternativeReads_AndIsNotCountedAsAMatch()
    {
        ApiJsonReadFunc<string> any = (ref Utf8JsonReader reader, ApiJsonReader context) => "Any " + context.ReadAny(ref reader).GetRawText();

        Assert.Equal("Any 50.5|Small 5.5", JsonRead.Strict("[50.5, 5.5]", (ref Utf8JsonReader reader, ApiJsonReader context) => ReadArray(ref reader, context, exactlyOne: true, any)));
    }

    [Theory]
    // oneOf [integer, {minimum: 2}] as generated code passes it: the untyped alternative is an option after the typed one.
    [InlineData("[1]", true, true, "Integer 1")]
    [InlineData("[5]", true, true, "error at '[0]': the value matches both Integer and Json, and exactly one alternative may match")]
    [InlineData("[2.5]", true, true, "Json 2.5")]
    [InlineData("[1.5]", true, true, "error at '[0]': the value matches none of Integer (expected a 64-bit integer, got a number); Json (expected a number >= 2)")]
    [InlineData("[5]", false, true, "Integer 5")]
    [InlineData("[5]", true, false, "Integer 5")]
    [InlineData("[1.5]", true, false, "Json 1.5")]
    public void UntypedOption_CountsAsAMatch_InAStrictOneOf(string json, bool exactlyOne, bool strict, string expected)
    {
        ApiJsonReadFunc<string>[] options =
        [
            (ref Utf8JsonReader reader, ApiJsonReader context) => "Integer " + context.ReadInt64(ref reader).ToString(System.Globalization.CultureInfo.InvariantCulture),
            (ref Utf8JsonReader reader, ApiJsonReader context) =>
            {
                var value = context.ReadAny(ref reader);
                if (context.Strict)
                {
                    context.CheckSchema(value, "{\"minimum\":2}");
                }

                return "Json " + value.GetRawText();
            },
        ];
        string[] names = ["Integer", "Json"];
        string Read(ref Utf8JsonReader reader, ApiJsonReader context)
        {
            context.Expect(ref reader, JsonTokenType.StartArray, "an array");
            context.Read(ref reader);
            context.PushIndex(0);
            var item = context.ReadAlternative(ref reader, options, names, exactlyOne, fallback: null);
            context.Pop();
            context.Read(ref reader);
            return item;
        }

        string actual;
        try
        {
            actual = strict ? JsonRead.Strict(json, Read) : JsonRead.Lenient(json, Read);
        }
        catch (ApiJsonException exception)
        {
            actual = $"error at '{exception.Location}': {exception.Problem}";
        }

        Assert.Equal(expected, actual);
    }

    private static string ReadArray(ref Utf8JsonReader reader, ApiJsonReader context, bool exactlyOne, ApiJsonReadFunc<string>? fallback)
    {
        context.Expect(ref reader, JsonTokenType.StartArray, "an array");
        var items = new List<string>();
        while (true)
        {
            context.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            context.PushIndex(items.Count);
            items.Add(context.ReadAlternative(ref reader, s_numbers, s_names, exactlyOne, fallback));
            context.Pop();
        }

        return string.Join("|", items);
    }

    private static string ReadInteger(ref Utf8JsonReader reader, ApiJsonReader context) => "Integer " + context.ReadInt64(ref reader);

    private static string ReadSmall(ref Utf8JsonReader reader, ApiJsonReader context)
    {
        var value = context.ReadDouble(ref reader);
        if (context.Strict)
        {
            context.CheckRange(value, null, 10, false, false);
        }

        return "Small " + value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
