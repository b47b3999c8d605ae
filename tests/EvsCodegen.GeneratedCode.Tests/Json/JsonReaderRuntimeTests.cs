using System.Globalization;
using System.Text;
using GeneratedCode.Orders;

namespace EvsCodegen.GeneratedCode.Tests.Json;

/// <summary>
/// The generated JSON reader (Documents/orders.yaml) on the paths the fast code takes: dates, days and UUIDs parsed
/// without a string (escaped and overlong values included), enum values matched on their bytes, error locations
/// through arrays, validation keywords (bounds, pattern, item counts, item lengths), and a reader state reused per
/// thread that a failed read leaves clean for the next one.
/// </summary>
public sealed class JsonReaderRuntimeTests
{
    [Theory]
    [InlineData(
        """{"placed":"2024-01-02T03:04:05Z","day":"2024-01-02","ref":"0f8fad5b-d9cb-469f-a165-70867728950e","status":"open","lines":[{"sku":"a"},{"sku":"b"}]}""",
        "placed 2024-01-02T03:04:05.0000000+00:00, day 2024-01-02, ref 0f8fad5b-d9cb-469f-a165-70867728950e, status open (listed member), lines 2")]
    [InlineData(
        """{"day":"2024\u002d01\u002d02","status":"\u00e9-x","lines":[]}""",
        "placed -, day 2024-01-02, ref -, status é-x (listed member), lines 0")]
    [InlineData(
        """{"lines":[{"sku":"a"},{"sku":"abcd"}]}""",
        "error at 'lines[1].sku': expected at most 3 characters, got 4")]
    [InlineData(
        """{"lines":[{"sku":"a","qty":0}]}""",
        "error at 'lines[0].qty': expected a number >= 1")]
    [InlineData(
        """{"lines":[{"sku":"a","qty":11}]}""",
        "error at 'lines[0].qty': expected a number <= 10")]
    [InlineData(
        """{"lines":[{"sku":"a","code":"ab1"}]}""",
        "error at 'lines[0].code': the value does not match the pattern ^[A-Z]{3}$")]
    [InlineData(
        """{"lines":[{"sku":"a","notes":["x","y","z"]}]}""",
        "error at 'lines[0].notes': expected at most 2 items, got 3")]
    [InlineData(
        """{"lines":[{"sku":"a","notes":["x",""]}]}""",
        "error at 'lines[0].notes[1]': expected at least 1 characters, got 0")]
    [InlineData(
        """{"lines":[{"sku":"a","qty":10,"code":"ABC","notes":["x","y"]}]}""",
        "placed -, day -, ref -, status -, lines 1")]
    [InlineData(
        """{"lines":[[1]]}""",
        "error at 'lines[0]': expected an object, got an array")]
    [InlineData(
        """{"placed":"2024-01-02T03:04:05.000000000000000000000000000000000000000000000000000000000000000000000Z","lines":[]}""",
        "placed 2024-01-02T03:04:05.0000000+00:00, day -, ref -, status -, lines 0")]
    [InlineData(
        """{"placed":"2024-01-02T03:04:05.00000000000000000000000000000000000000000000000000000000000000000000x","lines":[]}""",
        "error at 'placed': expected an ISO 8601 date-time")]
    [InlineData(
        """{"ref":"not-a-uuid","lines":[]}""",
        "error at 'ref': expected a UUID")]
    [InlineData(
        """{"status":"weird","lines":[]}""",
        "error at 'status': 'weird' is not one of open, closed, é-x")]
    public void StrictRead(string json, string expected)
    {
        Assert.Equal(expected, Read(json, strict: true));
    }

    [Fact]
    public void LenientRead_KeepsAnUnknownEnumValue()
    {
        Assert.Equal("placed -, day -, ref -, status weird (unknown), lines 0", Read("""{"status":"weird","lines":[]}""", strict: false));
    }

    [Fact]
    public void FailedReads_LeaveTheReusedStateClean()
    {
        string[] bodies =
        [
            """{"lines":[{"sku":"long"}]}""",
            """{"day":"2024-13-01","lines":[]}""",
            """{"lines":[{"sku":"a"}]}""",
            """{"lines":[{"sku":"a"},{"sku":"b"},3]}""",
        ];

        var reads = bodies.Select(body => Read(body, strict: true)).Select(read => read.StartsWith("error", StringComparison.Ordinal) ? read[..read.IndexOf(':', StringComparison.Ordinal)] : "ok");

        // Each failure reports its own location: nothing of an earlier read's path is left behind.
        Assert.Equal("error at 'lines[0].sku' | error at 'day' | ok | error at 'lines[2]'", string.Join(" | ", reads));
    }

    private static string Read(string json, bool strict)
    {
        try
        {
            var order = ApiJsonReader.Deserialize(Encoding.UTF8.GetBytes(json), OrderJsonConverter.ReadValue, strict);
            var status = order.Status is { } s ? $"{s} ({(Status.KnownValues.Contains(s) ? "listed member" : "unknown")})" : "-";
            return $"placed {order.Placed?.ToString("o", CultureInfo.InvariantCulture) ?? "-"}, day {order.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}, "
                + $"ref {order.Ref?.ToString() ?? "-"}, status {status}, lines {order.Lines.Count}";
        }
        catch (ApiJsonException exception)
        {
            return $"error at '{exception.Location}': {exception.Problem}";
        }
    }
}
