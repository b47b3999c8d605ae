namespace EvsCodegen.Runtime.Tests.Client;

/// <summary>The whole-response helpers: header lookup ignoring case, lenient typed reads, undeclared statuses.</summary>
public sealed class ResponseHeaderTests
{
    private static readonly ApiResponse s_response = new(200, "application/json", [], new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["X-Total-Count"] = ["42"],
        ["Link"] = ["<a>", "<b>"],
    });

    [Fact]
    public void Header_IgnoresCase_AndJoinsRepeatedValues()
    {
        Assert.Equal("42", ApiClientRuntime.Header(s_response, "x-total-count"));
        Assert.Equal("<a>, <b>", ApiClientRuntime.Header(s_response, "LINK"));
        Assert.Null(ApiClientRuntime.Header(s_response, "X-Missing"));
        Assert.Null(ApiClientRuntime.Header(new ApiResponse(200, null, []), "X-Total-Count"));
    }

    [Fact]
    public void TypedReads_AreLenient_NullForAbsentOrMalformed()
    {
        Assert.Equal(42, ApiClientRuntime.HeaderInt32(" 42 "));
        Assert.Null(ApiClientRuntime.HeaderInt32("4x2"));
        Assert.Null(ApiClientRuntime.HeaderInt64(null));
        Assert.Equal(9_000_000_000L, ApiClientRuntime.HeaderInt64("9000000000"));
        Assert.Equal(true, ApiClientRuntime.HeaderBoolean("true"));
        Assert.Null(ApiClientRuntime.HeaderBoolean("yes"));
        Assert.Null(ApiClientRuntime.HeaderDouble("NaN"));
        Assert.Equal(1.5m, ApiClientRuntime.HeaderDecimal("1.5"));
        Assert.Equal(new DateOnly(2026, 11, 29), ApiClientRuntime.HeaderDate("2026-11-29"));
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero), ApiClientRuntime.HeaderDateTime("2026-11-29T10:00:00Z", null));
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero), ApiClientRuntime.HeaderDateTime("20261129100000", "yyyyMMddHHmmss"));
        Assert.Null(ApiClientRuntime.HeaderGuid("nope"));
        Assert.Equal(7, ApiClientRuntime.HeaderEnum<int>("7", int.TryParse));
        Assert.Null(ApiClientRuntime.HeaderEnum<int>(null, int.TryParse));
    }

    [Fact]
    public void UndeclaredStatus_NamesIt()
    {
        var exception = ApiClientRuntime.UndeclaredStatus(new ApiResponse(206, "application/json", "{}"u8.ToArray()));

        Assert.Equal(206, exception.StatusCode);
        Assert.Equal("The server answered 206, a status the operation does not declare.", exception.Message);
        Assert.Equal("{}", exception.ResponseBody);
    }
}
