using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// The generated JSON reader on the paths the fast code takes: dates, days and UUIDs parsed without a string (escaped
/// and overlong values included), enum values matched on their bytes, error locations through arrays, validation
/// keywords (bounds, pattern, item counts, item lengths), and a reader state reused per thread that a failed read
/// leaves clean for the next one.
/// </summary>
public sealed class JsonReaderRuntimeTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: Orders, version: '1'}
        paths:
          /orders:
            post:
              tags: [Orders]
              operationId: createOrder
              requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}}
        components:
          schemas:
            Order:
              type: object
              additionalProperties: false
              required: [lines]
              properties:
                placed: {type: string, format: date-time}
                day: {type: string, format: date}
                ref: {type: string, format: uuid}
                status: {$ref: '#/components/schemas/Status'}
                lines: {type: array, items: {$ref: '#/components/schemas/Line'}}
            Status: {type: string, enum: [open, closed, "é-x"]}
            Line:
              type: object
              additionalProperties: false
              required: [sku]
              properties:
                sku: {type: string, maxLength: 3}
                qty: {type: integer, format: int32, minimum: 1, maximum: 10}
                code: {type: string, pattern: '^[A-Z]{3}$'}
                notes: {type: array, maxItems: 2, items: {type: string, minLength: 1}}
        """;

    private static readonly Lazy<InMemoryAssembly> s_probe = new(() =>
        InMemoryAssembly.LoadWithProbe(GeneratorHarness.Run(OpenApiFile.Create("orders.yaml", Document)), Probe));

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
    public async Task StrictRead(string json, string expected)
    {
        Assert.Equal(expected, await s_probe.Value.InvokeAsync("Consumer.Probe", "ReadAsync", json, true));
    }

    [Fact]
    public async Task LenientRead_KeepsAnUnknownEnumValue()
    {
        var read = await s_probe.Value.InvokeAsync("Consumer.Probe", "ReadAsync", """{"status":"weird","lines":[]}""", false);

        Assert.Equal("placed -, day -, ref -, status weird (unknown), lines 0", read);
    }

    [Fact]
    public async Task FailedReads_LeaveTheReusedStateClean()
    {
        var reads = await s_probe.Value.InvokeAsync("Consumer.Probe", "ReadManyAsync");

        // Each failure reports its own location: nothing of an earlier read's path is left behind.
        Assert.Equal("error at 'lines[0].sku' | error at 'day' | ok | error at 'lines[2]'", reads);
    }

    private const string Probe = """"
        using System;
        using System.Linq;
        using System.Text;
        using System.Threading.Tasks;
        using Test.Api;

        namespace Consumer;

        internal static class Probe
        {
            public static Task<string> ReadAsync(string json, bool strict)
            {
                try
                {
                    var order = ApiJsonReader.Deserialize(Encoding.UTF8.GetBytes(json), OrderJsonConverter.ReadValue, strict);
                    var status = order.Status is { } s ? $"{s} ({(Status.KnownValues.Contains(s) ? "listed member" : "unknown")})" : "-";
                    return Task.FromResult(
                        $"placed {order.Placed?.ToString("o") ?? "-"}, day {order.Day?.ToString("yyyy-MM-dd") ?? "-"}, ref {order.Ref?.ToString() ?? "-"}, status {status}, lines {order.Lines.Count}");
                }
                catch (ApiJsonException exception)
                {
                    return Task.FromResult($"error at '{exception.Location}': {exception.Problem}");
                }
            }

            public static async Task<string> ReadManyAsync()
            {
                string[] bodies =
                [
                    """{"lines":[{"sku":"long"}]}""",
                    """{"day":"2024-13-01","lines":[]}""",
                    """{"lines":[{"sku":"a"}]}""",
                    """{"lines":[{"sku":"a"},{"sku":"b"},3]}""",
                ];
                var results = new string[bodies.Length];
                for (var i = 0; i < bodies.Length; i++)
                {
                    var read = await ReadAsync(bodies[i], strict: true);
                    results[i] = read.StartsWith("error", StringComparison.Ordinal) ? read.Substring(0, read.IndexOf(':')) : "ok";
                }

                return string.Join(" | ", results);
            }
        }
        """";
}
