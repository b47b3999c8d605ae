using System.Text;
using EvsCodegen.GeneratedCode.Tests.Infrastructure;
using GeneratedCode.Unions;

namespace EvsCodegen.GeneratedCode.Tests.Json;

/// <summary>
/// Unions of any alternatives (Documents/unions.yaml): the converter picks the alternative by the JSON kind, then among
/// the alternatives of one kind by reading each (formats, patterns, bounds, enum values, required keys); each
/// alternative reads and writes back exactly; a strict read refuses a value that two <c>oneOf</c> alternatives read, and
/// one that none does; <c>anyOf</c> takes the first. A request breaking these is a 400 that never reaches the implementation.
/// </summary>
public sealed class ScalarUnionTests
{
    [Theory]
    [InlineData("\"cus_123\"", "String cus_123")]
    [InlineData("""{"id":"cus_123","name":"Ada"}""", "Customer cus_123")]
    public void CustomerRef_ReadsAnIdOrAnExpandedObject_AndWritesItBack(string json, string expected)
    {
        var value = Strict(json, CustomerRefJsonConverter.ReadValue);

        Assert.Equal(expected, value.String is { } id ? "String " + id : "Customer " + value.Customer!.Id);
        Assert.Equal(json, Write(value, CustomerRefJsonConverter.WriteValue));
    }

    [Theory]
    [InlineData("3", "Integer 3")]
    [InlineData("\"42\"", "String 42")]
    [InlineData("0", "error: expected a number >= 1")]
    [InlineData("\"4x\"", "error: the value does not match the pattern ^[0-9]+$")]
    [InlineData("true", "error: expected a string or a number, got a boolean")]
    [InlineData("null", "error: expected a string or a number, got null")]
    public void Quantity_IsToldApartByKind_ThenHeldToTheAlternativesConstraints(string json, string expected)
    {
        Assert.Equal(expected, Describe(json, QuantityJsonConverter.ReadValue, q => q.Integer is { } i ? $"Integer {i}" : $"String {q.String}"));
    }

    [Theory]
    [InlineData("""{"radius":1.5}""", "Circle")]
    [InlineData("""{"side":2}""", "Square")]
    [InlineData("""{"radius":1,"side":2}""", "error: the value matches both Circle and Square, and exactly one alternative may match")]
    [InlineData("""{"edges":3}""", "error: the value matches none of Circle (the required key 'radius' is missing); Square (the required key 'side' is missing)")]
    public void Shape_OneOf_ReadsExactlyOneAlternative(string json, string expected)
    {
        Assert.Equal(expected, Describe(json, ShapeJsonConverter.ReadValue, s => s.Circle is not null ? "Circle" : "Square"));
    }

    [Fact]
    public void AnyShape_AnyOf_TakesTheFirstThatReads()
    {
        var value = Strict("""{"radius":1,"side":2}""", AnyShapeJsonConverter.ReadValue);

        Assert.Equal((1d, (Square?)null), (value.Circle!.Radius, value.Square));
    }

    [Fact]
    public void Shape_LenientRead_TakesTheFirstThatReads()
    {
        var value = ApiJsonReader.Deserialize("""{"radius":1,"side":2}"""u8, ShapeJsonConverter.ReadValue, strict: false);

        Assert.NotNull(value.Circle);
    }

    [Theory]
    [InlineData("\"2021-03-04T05:06:07+00:00\"", "DateTime 2021-03-04")]
    [InlineData("\"never\"", "Enum never")]
    [InlineData("false", "Boolean False")]
    [InlineData("\"sometimes\"", "error: the value matches none of DateTime (expected an ISO 8601 date-time); WhenOption2 ('sometimes' is not one of never, always)")]
    public void When_StringsAreToldApartByFormatAndEnum(string json, string expected)
    {
        Assert.Equal(expected, Describe(json, WhenJsonConverter.ReadValue, w =>
            w.DateTime is { } d ? $"DateTime {d:yyyy-MM-dd}" : w.WhenOption2 is { } e ? $"Enum {e}" : $"Boolean {w.Boolean}"));
    }

    [Fact]
    public void When_LenientRead_PrefersTheAlternativeThatReadsStrictly()
    {
        // Leniently the enum takes any string; the date-time is tried strictly first, so a date stays a date.
        var date = ApiJsonReader.Deserialize("\"2021-03-04T05:06:07Z\""u8, WhenJsonConverter.ReadValue, strict: false);
        var other = ApiJsonReader.Deserialize("\"sometimes\""u8, WhenJsonConverter.ReadValue, strict: false);

        Assert.Equal((true, "sometimes"), (date.DateTime is not null, other.WhenOption2?.ToString()));
    }

    [Theory]
    [InlineData("5.5", "Number 5.5")]
    [InlineData("5", "error: the value matches both Integer and Number, and exactly one alternative may match")]
    public void Amount_AnIntegerIsANumberToo_SoOneOfRefusesIt(string json, string expected)
    {
        Assert.Equal(expected, Describe(json, AmountJsonConverter.ReadValue, a => a.Integer is { } i ? $"Integer {i}" : $"Number {a.Number}"));
    }

    [Theory]
    [InlineData("\"a\"")]
    [InlineData("""["a","b"]""")]
    public void Tags_StringOrArray_RoundTripsExactly(string json)
    {
        Assert.Equal(json, Write(Strict(json, TagsJsonConverter.ReadValue), TagsJsonConverter.WriteValue));
    }

    [Fact]
    public void Charge_EveryConstruct_RoundTripsExactly()
    {
        const string json = """{"customer":"cus_1","quantity":2,"shape":{"side":1},"anyShape":{"radius":2},"when":true,"amount":1.5,"tags":["x"],"mode":"fast","ratio":0.5,"pair":["a",1],"role":"user","nickname":"Al","code":7,"anything":{"k":[1]}}""";

        var charge = Strict(json, ChargeJsonConverter.ReadValue);

        Assert.Equal(json, Write(charge, ChargeJsonConverter.WriteValue));
        Assert.Equal(("a", 1L, 7L, "Al"), (charge.Pair![0].String, charge.Pair[1].Integer, charge.Code!.Integer, charge.Nickname));
        Assert.Equal("{\"k\":[1]}", charge.Anything!.Json!.Value.GetRawText());
    }

    [Theory]
    [InlineData("""{"mode":"slow"}""", "error at 'mode': 'slow' is not one of fast")]
    [InlineData("""{"ratio":0.25}""", "error at 'ratio': 0.25 is not one of 0.5")]
    [InlineData("""{"code":true}""", "error at 'code': expected a string or a number, got a boolean")]
    [InlineData("""{"anything":"text"}""", "ok")]
    [InlineData("""{"anything":2}""", "ok")]
    public void Charge_ConstAndTypeArrays_AreEnforced(string json, string expected)
    {
        string actual;
        try
        {
            Strict(json, ChargeJsonConverter.ReadValue);
            actual = "ok";
        }
        catch (ApiJsonException exception)
        {
            actual = $"error at '{exception.Location}': {exception.Problem}";
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ImplicitConversions_SetOneAlternative()
    {
        CustomerRef id = "cus_9";
        Quantity quantity = 3L;
        When when = false;

        Assert.Equal(("cus_9", null, 3L, false), (id.String, id.Customer, quantity.Integer, when.Boolean));
        Assert.Equal("cus_9", id.Value);
    }

    [Theory]
    [InlineData("""{"shape":{"radius":1,"side":2}}""", "400")]
    [InlineData("""{"amount":5}""", "400")]
    [InlineData("""{"shape":{"radius":1},"amount":5.5}""", "200")]
    public async Task Server_RefusesAmbiguousOneOfValues_BeforeTheImplementation(string json, string expected)
    {
        var api = new RecordingApi();

        var (status, body) = await ControllerCall.InvokeAsync(new ChargesApiController(api), "POST", "application/json", Encoding.UTF8.GetBytes(json), c => c.CreateChargeAsync());

        Assert.Equal(expected, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected == "200", api.Received is not null);
        if (expected == "400")
        {
            Assert.Contains("exactly one alternative may match", body, StringComparison.Ordinal);
        }
    }

    private static T Strict<T>(string json, ApiJsonReadFunc<T> read) => ApiJsonReader.Deserialize(Encoding.UTF8.GetBytes(json), read, strict: true);

    private static string Describe<T>(string json, ApiJsonReadFunc<T> read, Func<T, string> describe)
    {
        try
        {
            return describe(Strict(json, read));
        }
        catch (ApiJsonException exception)
        {
            return "error: " + exception.Problem;
        }
    }

    private static string Write<T>(T value, Action<System.Text.Json.Utf8JsonWriter, T> write) => Encoding.UTF8.GetString(ApiJsonValue.Serialize(value, write));

    private sealed class RecordingApi : IChargesApi
    {
        public Charge? Received { get; private set; }

        public Task<Charge> CreateChargeAsync(Charge body, CancellationToken cancellationToken = default)
        {
            Received = body;
            return Task.FromResult(body);
        }
    }
}
