using EvsCodegen.GeneratedCode.Tests.Infrastructure;
using GeneratedCode.Parameters;
using Microsoft.AspNetCore.Http;

namespace EvsCodegen.GeneratedCode.Tests.Parameters;

/// <summary>
/// What the generated client puts on the wire for path, query (form, exploded or not), header and cookie parameters
/// and for query and header API keys (Documents/parameters.yaml), and what the generated controller reads back from
/// the same request.
/// </summary>
public sealed class ParameterWireTests
{
    [Fact]
    public async Task Client_PutsEveryParameterAndApiKeyWhereTheDocumentSays()
    {
        using var handler = new RecordingHandler(jsonAnswer: """{"id":7}""");
        // A base address with a path and no trailing slash: the path is kept.
        using var http = handler.Client();
        http.BaseAddress = new Uri("http://api.test/base");
        var client = new ItemsApiClient(http, new ApiClientOptions { QueryKey = "k=1", HeaderKey = "hk" });

        await client.GetItemAsync(7, "a b&c", ["x", "y/z"], [1, 2], "t-1", "s;1");

        var request = handler.Request!;
        Assert.Equal(
            "GET http://api.test/base/items/7?q=a%20b%26c&tags=x&tags=y%2Fz&ids=1%2C2&api_key=k%3D1 | X-Trace=t-1 | Cookie=session=s%3B1 | X-Key=hk",
            $"{request.Method} {request.RequestUri!.AbsoluteUri} | X-Trace={request.Headers.GetValues("X-Trace").Single()} | Cookie={request.Headers.GetValues("Cookie").Single()} | X-Key={request.Headers.GetValues("X-Key").Single()}");
    }

    [Fact]
    public async Task Controller_ReadsBackWhatTheClientSent()
    {
        var api = new RecordingApi();

        var (status, body) = await ControllerCall.InvokeAsync(new ItemsApiController(api), "GET", null, [], c => c.GetItemAsync(), http =>
        {
            http.Request.QueryString = new QueryString("?q=a%20b%26c&tags=x&tags=y%2Fz&ids=1%2C2");
            http.Request.RouteValues["item_id"] = "7";
            http.Request.Headers["X-Trace"] = "t-1";
            http.Request.Headers.Cookie = "session=s%3B1";
        });

        Assert.Equal("200 item 7, q 'a b&c', tags [x,y/z], ids [1,2], trace 't-1', session 's;1' -> {\"id\":7,\"echo\":\"a b&c\"}", $"{status} {api.Received} -> {body}");
    }

    [Fact]
    public async Task Controller_AnswersAnUnparsableScalarWith400()
    {
        var (status, body) = await ControllerCall.InvokeAsync(new ItemsApiController(new RecordingApi()), "GET", null, [], c => c.GetItemAsync(), http =>
            http.Request.RouteValues["item_id"] = "seven");

        Assert.Equal(400, status);
        Assert.Contains("The parameter 'item_id' must be a 32-bit integer.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperationWithoutQuery_KeepsTheBaseAddressPath_AndEscapesThePathParameter()
    {
        using var handler = new RecordingHandler(jsonAnswer: """{"id":"x"}""");
        using var http = handler.Client();
        http.BaseAddress = new Uri("http://api.test/base");

        await new global::GeneratedCode.NoQuery.ItemsApiClient(http).GetItemAsync("a/b c");

        Assert.Equal("GET http://api.test/base/items/a%2Fb%20c", $"{handler.Request!.Method} {handler.Request.RequestUri!.AbsoluteUri}");
    }

    private sealed class RecordingApi : IItemsApi
    {
        public string? Received { get; private set; }

        public Task<Item> GetItemAsync(int itemId, string? q = null, IReadOnlyList<string>? tags = null, IReadOnlyList<int>? ids = null, string? xTrace = null, string? session = null, CancellationToken cancellationToken = default)
        {
            Received = $"item {itemId}, q '{q}', tags [{string.Join(",", tags ?? [])}], ids [{string.Join(",", ids ?? [])}], trace '{xTrace}', session '{session}'";
            return Task.FromResult(new Item { Id = itemId, Echo = q });
        }
    }
}
