using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvsCodegen.Runtime.Tests.Json;

public sealed class ApiEnumJsonConverterTests
{
    [JsonConverter(typeof(ApiEnumJsonConverter<Color>))]
    private readonly struct Color(string value) : IApiStringEnumeration<Color>
    {
        private static readonly ApiEnumValues s_known = new("red", "green");

        public string Value => value ?? string.Empty;

        static Color IApiStringEnumeration<Color>.FromWire(string value) => new(value);

        static ApiEnumValues IApiStringEnumeration<Color>.Known => s_known;
    }

    // An integer enum implements the base contract itself.
    [JsonConverter(typeof(ApiEnumJsonConverter<Level>))]
    private readonly struct Level(long value) : IApiEnumeration<Level>
    {
        public long Value => value;

        static Level IApiEnumeration<Level>.ReadValue(ref Utf8JsonReader reader, ApiJsonReader context)
        {
            var read = new Level(context.ReadInt64(ref reader));
            if (context.Strict && read.Value is not (1 or 2))
            {
                context.FailNotAllowed(read.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), ["1", "2"]);
            }

            return read;
        }

        static void IApiEnumeration<Level>.WriteValue(Utf8JsonWriter writer, Level value) => writer.WriteNumberValue(value.Value);
    }

    [Fact]
    public void StringEnumeration_ReadsListedValuesAsTheTablesInstance_AndKeepsOthersWhenLenient()
    {
        var listed = ApiJsonReader.Deserialize("\"green\""u8, ApiEnumJson.ReadValue<Color>, strict: true);
        Assert.Equal("green", listed.Value);
        Assert.Same(JsonSerializer.Deserialize<Color>("\"green\"").Value, listed.Value);
        Assert.Equal("blue", ApiJsonReader.Deserialize("\"blue\""u8, ApiEnumJson.ReadValue<Color>, strict: false).Value);
        Assert.Equal("blue", JsonSerializer.Deserialize<Color>("\"blue\"").Value);
        var refused = Assert.Throws<ApiJsonException>(() => ApiJsonReader.Deserialize("\"blue\""u8, ApiEnumJson.ReadValue<Color>, strict: true));
        Assert.Contains("'blue' is not one of red, green", refused.Message, StringComparison.Ordinal);
        Assert.Throws<ApiJsonException>(() => ApiJsonReader.Deserialize("3"u8, ApiEnumJson.ReadValue<Color>, strict: false));
    }

    [Fact]
    public void StringEnumeration_WritesItsValue_DefaultAsEmpty()
    {
        Assert.Equal("\"red\"", JsonSerializer.Serialize(new Color("red")));
        Assert.Equal("\"\"", Encoding.UTF8.GetString(ApiJsonValue.Serialize(default(Color), ApiEnumJson.WriteValue)));
    }

    [Fact]
    public void Enumeration_CallsTheStructsOwnReadAndWrite()
    {
        Assert.Equal(2, JsonSerializer.Deserialize<Level>("2").Value);
        Assert.Equal(9, JsonSerializer.Deserialize<Level>("9").Value);
        Assert.Throws<ApiJsonException>(() => ApiJsonReader.Deserialize("9"u8, ApiEnumJson.ReadValue<Level>, strict: true));
        Assert.Equal("[1,9]", JsonSerializer.Serialize(new[] { new Level(1), new Level(9) }));
    }

    [Fact]
    public void Helpers_RefuseNullArguments()
    {
        Assert.Throws<ArgumentNullException>(() =>
        {
            var reader = new Utf8JsonReader("\"red\""u8);
            reader.Read();
            return ApiEnumJson.ReadValue<Color>(ref reader, null!);
        });
        Assert.Throws<ArgumentNullException>(() => ApiEnumJson.WriteValue<Color>(null!, default));
    }
}
