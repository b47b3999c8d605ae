using System.Net;
using System.Text;
using System.Text.Json;
using EvsCodegen.TestSupport;
using GeneratedCode.UntypedSchemas;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Json;

/// <summary>
/// untyped-schemas.yaml through the generated client and server: values typed <c>JsonElement</c> (keyword-only schemas,
/// <c>type: null</c>, <c>not</c>, <c>oneOf</c> of required lists, a string with an <c>anyOf</c> of lengths, a
/// self-referencing schema) are held to their schema on read; an empty <c>allOf</c> member is neutral, an enum of one
/// boolean and <c>multipleOf</c> are enforced on typed values. Valid values round-trip; invalid ones are a 400 naming
/// where, and never reach the implementation.
/// </summary>
public sealed class UntypedSchemaTests
{
    [Fact]
    public async Task ValidValues_RoundTrip_ThroughClientAndServer()
    {
        var api = new ChecksApi();
        await using var host = await StartAsync(api);
        var client = new ChecksApiClient(host.Client());
        var check = new Check
        {
            Keywords = Json("5"),
            Nothing = null,
            NotInteger = Json("1.5"),
            Number = 2.5,
            Flag = false,
            Step = 0.3,
            Count = -9,
            Pair = Json("""{"a":1,"c":[]}"""),
            Code = Json("\"héllo\""),
            Tree = Json("[[3], -1]"),
        };

        var answer = await client.SendCheckAsync(check);
        await client.SendFlagAsync(true);
        await client.SendRatioAsync(0.7, step: 15);

        Assert.Equal(["check", "flag True", "ratio 0.7 15"], api.Calls);
        Assert.Equal(("5", "1.5", 2.5, false, 0.3, -9L), (answer.Keywords?.GetRawText(), answer.NotInteger?.GetRawText(), answer.Number, answer.Flag, answer.Step, answer.Count));
        Assert.Equal(("""{"a":1,"c":[]}""", "\"héllo\"", "[[3],-1]"), (answer.Pair?.GetRawText(), answer.Code?.GetRawText(), answer.Tree?.GetRawText()));
    }

    [Theory]
    [InlineData("""{"keywords":"a"}""", "keywords", "expected at least 2 characters, got 1")]
    [InlineData("""{"nothing":0}""", "nothing", "expected null, got a number")]
    [InlineData("""{"notInteger":4}""", "notInteger", "the value matches the schema under 'not'")]
    [InlineData("""{"number":"4"}""", "number", "expected a number")]
    [InlineData("""{"flag":true}""", "flag", "expected false")]
    [InlineData("""{"step":0.35}""", "step", "expected a multiple of 0.1")]
    [InlineData("""{"count":4}""", "count", "expected a multiple of 3")]
    [InlineData("""{"pair":{"a":1,"b":2,"c":3}}""", "pair", "the value matches 2 oneOf alternatives (0, 1)")]
    [InlineData("""{"pair":{"b":2}}""", "pair", "the value matches none of the oneOf alternatives")]
    [InlineData("""{"pair":"x"}""", "pair", "expected an object, got a string")]
    [InlineData("""{"code":"abc"}""", "code", "the value matches none of the anyOf alternatives")]
    [InlineData("""{"tree":[[-2]]}""", "tree", "items matching 'contains', got 0")]
    [InlineData("""{"tree":[-1,[-2]]}""", "tree", "expected between 1 and any number of")]
    [InlineData("""{"tree":-1}""", "tree", "expected a number >= 0")]
    public async Task Server_RefusesWhatTheSchemaForbids_With400AtThePath(string json, string path, string problem)
    {
        var api = new ChecksApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();

        using var response = await http.PostAsync("checks", new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"'{path}'", text, StringComparison.Ordinal);
        Assert.Contains(problem, text, StringComparison.Ordinal);
        Assert.Empty(api.Calls);
    }

    [Theory]
    [InlineData("flags", "false", "expected true")]
    [InlineData("ratios", "0.25", "expected a multiple of 0.1")]
    [InlineData("ratios?step=7", "0.2", "expected a multiple of 5")]
    public async Task Server_HoldsTopLevelBodiesAndParameters_ToTheirKeywords(string path, string json, string problem)
    {
        var api = new ChecksApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();

        using var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(api.Calls);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static Task<KestrelHost> StartAsync(ChecksApi api) =>
        KestrelHost.StartAsync(services => services.AddSingleton<IChecksApi>(api).AddChecksApiControllers());

    private sealed class ChecksApi : IChecksApi
    {
        public List<string> Calls { get; } = [];

        public Task<Check> SendCheckAsync(Check body, CancellationToken cancellationToken = default)
        {
            Calls.Add("check");
            return Task.FromResult(body);
        }

        public Task SendFlagAsync(bool body, CancellationToken cancellationToken = default)
        {
            Calls.Add("flag " + body);
            return Task.CompletedTask;
        }

        public Task SendRatioAsync(double body, long? step = null, CancellationToken cancellationToken = default)
        {
            Calls.Add(FormattableString.Invariant($"ratio {body} {step}"));
            return Task.CompletedTask;
        }
    }
}
