using System.Globalization;
using EvsCodegen.Runtime.AspNetCore;
using Microsoft.Extensions.Primitives;

namespace EvsCodegen.Runtime.Tests.Server;

public sealed class ParameterTests
{
    [Fact]
    public void Value_IsTheFirst_AndAMissingRequiredOneIs400()
    {
        Assert.Equal("a", ApiServerRuntime.Value(new StringValues(["a", "b"]), "q", required: true));
        Assert.Null(ApiServerRuntime.Value(StringValues.Empty, "q", required: false));
        var failure = Assert.Throws<ApiException>(() => ApiServerRuntime.Value(StringValues.Empty, "q", required: true));
        Assert.Equal((400, "The parameter 'q' is required."), (failure.StatusCode, failure.Message));
    }

    [Fact]
    public void Values_AreEveryValue_AndAMissingRequiredOneIs400()
    {
        Assert.Equal(["a", "b,c"], ApiServerRuntime.Values(new StringValues(["a", "b,c"]), "tag", required: true)!);
        Assert.Null(ApiServerRuntime.Values(default, "tag", required: false));
        Assert.Equal("The parameter 'tag' is required.", Assert.Throws<ApiException>(() => ApiServerRuntime.Values(default, "tag", required: true)).Message);
    }

    [Fact]
    public void CheckMultipleOf_AndCheckBoolean_PassTheValue_OrAnswer400()
    {
        Assert.Equal(15L, ApiServerRuntime.CheckMultipleOf(15L, "step", 5));
        Assert.Equal(0.3, ApiServerRuntime.CheckMultipleOf(0.3, "ratio", 0.1));
        Assert.True(ApiServerRuntime.CheckBoolean(true, "flag", allowed: true));
        var multiple = Assert.Throws<ApiException>(() => ApiServerRuntime.CheckMultipleOf(7, "step", 5));
        var boolean = Assert.Throws<ApiException>(() => ApiServerRuntime.CheckBoolean(false, "flag", allowed: true));
        Assert.Equal((400, "The parameter 'step' is invalid: expected a multiple of 5."), (multiple.StatusCode, multiple.Message));
        Assert.Equal("The parameter 'flag' is invalid: expected true.", boolean.Message);
    }

    [Fact]
    public void Split_SplitsEveryValueOnCommas_KeepingEmptyParts()
    {
        Assert.Equal(["a", "b", "", "c"], ApiServerRuntime.Split(["a,b,", "c"]));
    }

    [Fact]
    public void RouteAndCookie_AreReadFromTheRequest()
    {
        var http = TestHttp.Request();
        http.Request.RouteValues["id"] = "42";
        http.Request.Headers.Cookie = "session=abc; lang=fr";

        Assert.Equal("42", ApiServerRuntime.Route(http, "id").ToString());
        Assert.Equal(0, ApiServerRuntime.Route(http, "other").Count);
        Assert.Equal("fr", ApiServerRuntime.Cookie(http, "lang").ToString());
        Assert.Equal(0, ApiServerRuntime.Cookie(http, "missing").Count);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Boolean_IsLowercaseTrueOrFalse(string text, bool value)
    {
        Assert.Equal(value, ApiServerRuntime.ParseBoolean(text, "flag"));
    }

    [Theory]
    [InlineData("True")]
    [InlineData("1")]
    [InlineData("")]
    public void Boolean_OtherText_Is400(string text)
    {
        Assert.Equal("The parameter 'flag' must be true or false.", Assert.Throws<ApiException>(() => ApiServerRuntime.ParseBoolean(text, "flag")).Message);
    }

    [Theory]
    [InlineData("-12", -12)]
    [InlineData("+7", 7)]
    public void Int32_AllowsASign(string text, int value)
    {
        Assert.Equal(value, ApiServerRuntime.ParseInt32(text, "n"));
    }

    [Theory]
    [InlineData("1,000")]
    [InlineData(" 1")]
    [InlineData("1.0")]
    [InlineData("2147483648")]
    [InlineData("0x10")]
    public void Int32_OtherText_Is400(string text)
    {
        Assert.Equal("The parameter 'n' must be a 32-bit integer.", Assert.Throws<ApiException>(() => ApiServerRuntime.ParseInt32(text, "n")).Message);
    }

    [Fact]
    public void Int64_HoldsMoreThan32Bits()
    {
        Assert.Equal(4_294_967_296L, ApiServerRuntime.ParseInt64("4294967296", "n"));
        Assert.Throws<ApiException>(() => ApiServerRuntime.ParseInt64("9223372036854775808", "n"));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    [InlineData("1,5")]
    public void Double_NotFiniteOrNotInvariant_Is400(string text)
    {
        Assert.Equal("The parameter 'x' must be a number.", Assert.Throws<ApiException>(() => ApiServerRuntime.ParseDouble(text, "x")).Message);
    }

    [Fact]
    public void Numbers_AreParsedInTheInvariantCulture_WhateverTheThreadCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal(1.5, ApiServerRuntime.ParseDouble("1.5", "x"));
            Assert.Equal(1.5m, ApiServerRuntime.ParseDecimal("1.5", "x"));
            Assert.Equal(-3e2, ApiServerRuntime.ParseDouble("-3e2", "x"));
            Assert.Throws<ApiException>(() => ApiServerRuntime.ParseDecimal("1,5", "x"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void DateTime_IsIso8601InUtc_OrExactlyTheDocumentsFormat()
    {
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 1, 4, 5, TimeSpan.Zero), ApiServerRuntime.ParseDateTime("2024-01-02T03:04:05+02:00", "at", null));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), ApiServerRuntime.ParseDateTime("2024-01-02T03:04:05", "at", null));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), ApiServerRuntime.ParseDateTime("20240102 030405", "at", "yyyyMMdd HHmmss"));
        Assert.Equal("The parameter 'at' must be a date-time.", Assert.Throws<ApiException>(() => ApiServerRuntime.ParseDateTime("2024-01-02T03:04:05", "at", "yyyyMMdd HHmmss")).Message);
    }

    [Fact]
    public void DateAndUuid()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), ApiServerRuntime.ParseDate("2024-02-29", "d"));
        Assert.Equal("The parameter 'd' must be a date (yyyy-MM-dd).", Assert.Throws<ApiException>(() => ApiServerRuntime.ParseDate("29/02/2024", "d")).Message);
        Assert.Equal(Guid.Parse("f9faf7df-fdc1-4093-9ef3-5cba06eef995"), ApiServerRuntime.ParseGuid("f9faf7df-fdc1-4093-9ef3-5cba06eef995", "id"));
        Assert.Equal("The parameter 'id' must be a UUID.", Assert.Throws<ApiException>(() => ApiServerRuntime.ParseGuid("nope", "id")).Message);
    }

    [Fact]
    public void Enum_MustParseAndBeADocumentedValue()
    {
        static bool TryParse(string text, out string value)
        {
            value = text;
            return text.Length > 0;
        }

        Func<string, bool> isKnown = value => value is "red" or "green";

        Assert.Equal("red", ApiServerRuntime.ParseEnum<string>("red", TryParse, isKnown, "colour"));
        Assert.Equal("The parameter 'colour' must be one of the documented values.", Assert.Throws<ApiException>(() => ApiServerRuntime.ParseEnum<string>("Red", TryParse, isKnown, "colour")).Message);
        Assert.Throws<ApiException>(() => ApiServerRuntime.ParseEnum<string>("", TryParse, isKnown, "colour"));
    }
}
