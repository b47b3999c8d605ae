using System.Net;
using System.Text;
using EvsCodegen.TestSupport;
using GeneratedCode.StrictUnions;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Json;

/// <summary>
/// <c>oneOf</c> held to JSON Schema (Documents/strict-unions.yaml; docs/decisions.md, "Strict oneOf for alternatives
/// without a type"): over real HTTP, the generated server refuses with a 400 naming the alternatives a value that two
/// alternatives match, whether one of them has no type (<c>[number, {}]</c>, <c>[integer, {minimum: 2}]</c>) or both
/// have one (<c>[integer, number]</c>), and takes a value exactly one matches; the <c>anyOf</c> counterparts take a
/// value several match. The client reads leniently: a typed alternative that reads is preferred, an untyped one takes
/// the rest. Also the error bodies declared under <c>4XX</c> and <c>default</c>, surfaced typed by the client.
/// </summary>
public sealed class StrictOneOfTests
{
    [Theory]
    // oneOf [number, {}]: every number matches both; anything else only {}.
    [InlineData("numberOrAny", "5", "400 Number Json")]
    [InlineData("numberOrAny", "1.5", "400 Number Json")]
    [InlineData("numberOrAny", "\"x\"", "200 Json \"x\"")]
    [InlineData("numberOrAny", "true", "200 Json true")]
    [InlineData("numberOrAny", "[1]", "200 Json [1]")]
    [InlineData("numberOrAny", "{\"a\":1}", "200 Json {\"a\":1}")]
    // oneOf [integer, {minimum: 2}]: minimum applies to numbers only, so a string matches the second alone.
    [InlineData("integerOrMin", "1", "200 Integer 1")]
    [InlineData("integerOrMin", "-3", "200 Integer -3")]
    [InlineData("integerOrMin", "2", "400 Integer Json")]
    [InlineData("integerOrMin", "5", "400 Integer Json")]
    [InlineData("integerOrMin", "2.5", "200 Json 2.5")]
    [InlineData("integerOrMin", "\"x\"", "200 Json \"x\"")]
    [InlineData("integerOrMin", "1.5", "400 none")]
    // oneOf [integer, number]: an integer is a number.
    [InlineData("integerOrNumber", "5", "400 Integer Number")]
    [InlineData("integerOrNumber", "5.5", "200 Number 5.5")]
    [InlineData("integerOrNumber", "\"x\"", "400 kind")]
    // anyOf: a value several alternatives match is valid; the typed alternative holds it.
    [InlineData("anyNumberOrAny", "5", "200 Number 5")]
    [InlineData("anyNumberOrAny", "\"x\"", "200 Json \"x\"")]
    [InlineData("anyIntegerOrMin", "5", "200 Integer 5")]
    [InlineData("anyIntegerOrMin", "2.5", "200 Json 2.5")]
    [InlineData("anyIntegerOrMin", "\"x\"", "200 Json \"x\"")]
    [InlineData("anyIntegerOrMin", "1.5", "400 none")]
    public async Task Server_HoldsOneOfToExactlyOneAlternative_AndAnyOfToAtLeastOne(string property, string json, string expected)
    {
        var api = new RecordingApi();
        await using var host = await KestrelHost.StartAsync(s => s.AddSingleton<ISamplesApi>(api).AddSamplesApiControllers());
        using var http = host.Client();

        using var answer = await http.PostAsync("samples", new StringContent($"{{\"{property}\":{json}}}", Encoding.UTF8, "application/json"));
        var body = await answer.Content.ReadAsStringAsync();

        var status = (int)answer.StatusCode;
        var parts = expected.Split(' ', 3);
        Assert.Equal(parts[0], status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (status == 200)
        {
            Assert.Equal(parts[1] + " " + parts[2], Held(api.Received!, property));
        }
        else
        {
            // Refused before the implementation, in the document's error shape, naming what matched.
            Assert.Null(api.Received);
            Assert.Contains(property, body, StringComparison.Ordinal);
            Assert.Contains(parts[1] switch { "none" => "matches none of", "kind" => "expected a number", _ => $"matches both {parts[1]} and {parts[2]}" }, body, StringComparison.Ordinal);
        }
    }

    [Theory]
    // A client reads what a server sends without refusing an ambiguous value: the typed alternative holds it.
    [InlineData("numberOrAny", "5", "Number 5")]
    [InlineData("numberOrAny", "\"x\"", "Json \"x\"")]
    [InlineData("integerOrMin", "5", "Integer 5")]
    [InlineData("integerOrMin", "2.5", "Json 2.5")]
    [InlineData("integerOrMin", "1.5", "Json 1.5")]
    [InlineData("integerOrNumber", "5", "Integer 5")]
    [InlineData("integerOrNumber", "5.5", "Number 5.5")]
    [InlineData("anyIntegerOrMin", "5", "Integer 5")]
    public async Task Client_ReadsLeniently_PreferringATypedAlternative(string property, string json, string expected)
    {
        var handler = new Infrastructure.RecordingHandler(HttpStatusCode.OK, $"{{\"{property}\":{json}}}");

        var sample = await new SamplesApiClient(handler.Client()).PostSampleAsync(new Sample());

        Assert.Equal(expected, Held(sample, property));
    }

    [Fact]
    public async Task Client_WritesTheAlternativeThatIsSet_AndTheServerTakesAValueOneAlternativeMatches()
    {
        var api = new RecordingApi();
        await using var host = await KestrelHost.StartAsync(s => s.AddSingleton<ISamplesApi>(api).AddSamplesApiControllers());
        using var http = host.Client();
        var sample = new Sample
        {
            NumberOrAny = new NumberOrAny { Json = Element("\"text\"") },
            IntegerOrMin = 1L,
            IntegerOrNumber = 2.5,
            AnyNumberOrAny = 3.0,
        };

        var echoed = await new SamplesApiClient(http).PostSampleAsync(sample);

        Assert.Equal(("Json \"text\"", "Integer 1", "Number 2.5", "Number 3"), (Held(echoed, "numberOrAny"), Held(echoed, "integerOrMin"), Held(echoed, "integerOrNumber"), Held(echoed, "anyNumberOrAny")));
    }

    [Fact]
    public async Task Client_SendingAnAmbiguousOneOfValue_GetsA400()
    {
        var api = new RecordingApi();
        await using var host = await KestrelHost.StartAsync(s => s.AddSingleton<ISamplesApi>(api).AddSamplesApiControllers());
        using var http = host.Client();

        // The untyped alternative set to a number: the server reads it as both alternatives.
        var error = await Assert.ThrowsAsync<ApiException>(() => new SamplesApiClient(http).PostSampleAsync(new Sample { NumberOrAny = new NumberOrAny { Json = Element("7") } }));

        Assert.Equal(400, error.StatusCode);
        Assert.Null(api.Received);
    }

    [Theory]
    // 418 is covered by 4XX only; 503 by default only; 404 is declared without a body, so it stays a plain ApiException.
    [InlineData(418, "Refusal")]
    [InlineData(422, "Refusal")]
    [InlineData(503, "Failure")]
    [InlineData(500, "Failure")]
    [InlineData(404, "plain")]
    public async Task DeclaredErrors_UnderARangeOrDefault_AreSurfacedTyped(int status, string expected)
    {
        var api = new RecordingApi
        {
            Throw = expected switch
            {
                "Refusal" => new ApiException<Refusal>(status, new Refusal { Reason = "no \u00e9" }),
                "Failure" => new ApiException<Failure>(status, new Failure { Code = 42 }),
                _ => new ApiException(status, "missing"),
            },
        };
        await using var host = await KestrelHost.StartAsync(s => s.AddSingleton<ISamplesApi>(api).AddSamplesApiControllers());
        using var http = host.Client();

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => new SamplesApiClient(http).PostSampleAsync(new Sample()));

        Assert.Equal(status, error.StatusCode);
        var decoded = error switch
        {
            ApiException<Refusal> refusal => "Refusal " + refusal.Error.Reason,
            ApiException<Failure> failure => "Failure " + failure.Error.Code.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "plain " + error.GetType().Name,
        };
        Assert.Equal(expected switch { "Refusal" => "Refusal no \u00e9", "Failure" => "Failure 42", _ => "plain ApiException" }, decoded);
    }

    /// <summary>The alternative that is set on <paramref name="property"/> of the sample, and its JSON.</summary>
    private static string Held(Sample sample, string property)
    {
        object? union = property switch
        {
            "numberOrAny" => sample.NumberOrAny,
            "integerOrMin" => sample.IntegerOrMin,
            "integerOrNumber" => sample.IntegerOrNumber,
            "anyNumberOrAny" => sample.AnyNumberOrAny,
            "anyIntegerOrMin" => sample.AnyIntegerOrMin,
            _ => throw new ArgumentOutOfRangeException(nameof(property)),
        };
        var set = union!.GetType().GetProperties().Where(p => p.Name != "Value" && p.Name != "EqualityContract" && p.GetValue(union) is not null).ToList();
        Assert.Single(set);
        var value = set[0].GetValue(union);
        var text = value is System.Text.Json.JsonElement element ? element.GetRawText() : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        return set[0].Name + " " + text;
    }

    private static System.Text.Json.JsonElement Element(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private sealed class RecordingApi : ISamplesApi
    {
        public Sample? Received { get; private set; }

        public Exception? Throw { get; init; }

        public Task<Sample> PostSampleAsync(Sample body, CancellationToken cancellationToken = default)
        {
            if (Throw is not null)
            {
                throw Throw;
            }

            Received = body;
            return Task.FromResult(body);
        }
    }
}
