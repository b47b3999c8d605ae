using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EvsCodegen.Runtime;
using GeneratedCode.Orders;

namespace EvsCodegen.GeneratedCode.Tests.Json;

/// <summary>
/// The enum structs without a converter class of their own (docs/decisions.md, "Enums without a converter class"):
/// equality stays ordinal with <c>default</c> equal to the empty value, and System.Text.Json, the resolver and strict
/// reads reach the struct through the runtime's one generic converter.
/// </summary>
public sealed class EnumShapeTests
{
    [Fact]
    public void StringEnum_Equality_IsOrdinal_AndDefaultIsTheEmptyValue()
    {
        Assert.Equal(string.Empty, default(Status).Value);
        Assert.True(default(Status) == new Status(string.Empty));
        Assert.True(default(Status).Equals((object)new Status(string.Empty)));
        Assert.Equal(default(Status).GetHashCode(), new Status(string.Empty).GetHashCode());
        Assert.True(Status.Open == new Status(new string("open".AsSpan())));
        Assert.Equal(Status.Open.GetHashCode(), new Status(new string("open".AsSpan())).GetHashCode());
        Assert.True(Status.Open != new Status("Open"));
        Assert.False(Status.Open.Equals((object)"open"));
        Assert.False(Status.Open.Equals(null));
        Assert.Equal("open", Status.Open.ToString());
    }

    [Fact]
    public void IntegerEnum_Equality_IsByValue()
    {
        Assert.True(default(Priority) == new Priority(0));
        Assert.True(Priority.Value5 == new Priority(5));
        Assert.True(Priority.Value5 != Priority.Value1);
        Assert.Equal(Priority.Value5.GetHashCode(), new Priority(5).GetHashCode());
    }

    [Fact]
    public void EnumStructs_NameTheRuntimesGenericConverter()
    {
        Assert.Equal(typeof(ApiEnumJsonConverter<Status>), typeof(Status).GetCustomAttributes(typeof(JsonConverterAttribute), false).Cast<JsonConverterAttribute>().Single().ConverterType);
        Assert.Equal(typeof(ApiEnumJsonConverter<Priority>), typeof(Priority).GetCustomAttributes(typeof(JsonConverterAttribute), false).Cast<JsonConverterAttribute>().Single().ConverterType);
    }

    [Fact]
    public void JsonSerializer_RoundTripsListedAndUnlistedValues_Leniently()
    {
        Assert.Equal("\"closed\"", JsonSerializer.Serialize(Status.Closed));
        Assert.Equal(Status.Closed, JsonSerializer.Deserialize<Status>("\"closed\""));
        Assert.Same(Status.Values.Closed, JsonSerializer.Deserialize<Status>("\"closed\"").Value);
        Assert.Equal(new Status("archived"), JsonSerializer.Deserialize<Status>("\"archived\""));
        Assert.Equal("5", JsonSerializer.Serialize(Priority.Value5));
        Assert.Equal(new Priority(7), JsonSerializer.Deserialize<Priority>("7"));
        Assert.Equal("[\"open\",\"x\"]", JsonSerializer.Serialize(new[] { Status.Open, new Status("x") }));
    }

    [Fact]
    public void Resolver_BuildsTheEnumsTypeInfo_FromTheGenericConverter()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = ApiJsonResolver.Instance };
        Assert.IsType<ApiEnumJsonConverter<Status>>(options.GetTypeInfo(typeof(Status)).Converter);
        Assert.Equal("\"open\"", JsonSerializer.Serialize(Status.Open, options));
        Assert.Equal(Priority.Value2, JsonSerializer.Deserialize<Priority>("2", options));
    }

    [Fact]
    public void StrictReads_RefuseUnlistedValues_ListingTheAllowedOnes()
    {
        Assert.Equal(Status.Open, ApiJsonReader.Deserialize("\"open\""u8, ApiEnumJson.ReadValue<Status>, strict: true));
        var refused = Assert.Throws<ApiJsonException>(() => ApiJsonReader.Deserialize("\"archived\""u8, ApiEnumJson.ReadValue<Status>, strict: true));
        Assert.Contains("'archived' is not one of open, closed", refused.Message, StringComparison.Ordinal);
        Assert.Throws<ApiJsonException>(() => ApiJsonReader.Deserialize("3"u8, ApiEnumJson.ReadValue<Priority>, strict: true));
        Assert.Equal(new Priority(3), ApiJsonReader.Deserialize("3"u8, ApiEnumJson.ReadValue<Priority>, strict: false));
        Assert.Throws<ApiJsonException>(() => ApiJsonReader.Deserialize("1"u8, ApiEnumJson.ReadValue<Status>, strict: false));
    }

    [Fact]
    public void WriteValue_WritesTheWireValue()
    {
        Assert.Equal("\"é-x\"", Encoding.UTF8.GetString(ApiJsonValue.Serialize(new Status("é-x"), ApiEnumJson.WriteValue)).Replace("\\u00E9", "é", StringComparison.Ordinal));
        Assert.Equal("1", Encoding.UTF8.GetString(ApiJsonValue.Serialize(Priority.Value1, ApiEnumJson.WriteValue)));
    }
}
