using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// What the generated client puts on the wire for path, query (form, exploded or not), header and cookie parameters
/// and for query and header API keys, and what the generated controller reads back from the same request: run in
/// memory over a capturing handler and a <c>DefaultHttpContext</c>. Operations without a query build no query list.
/// </summary>
public sealed class ParameterWireTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: Parameters, version: '1'}
        components:
          securitySchemes:
            queryKey: {type: apiKey, in: query, name: api_key}
            headerKey: {type: apiKey, in: header, name: X-Key}
          schemas:
            Item:
              type: object
              required: [id]
              properties:
                id: {type: integer, format: int32}
                echo: {type: string}
        security: [{queryKey: [], headerKey: []}]
        paths:
          /items/{item_id}:
            get:
              tags: [Items]
              operationId: getItem
              parameters:
                - {name: item_id, in: path, required: true, schema: {type: integer, format: int32}}
                - {name: q, in: query, schema: {type: string}}
                - {name: tags, in: query, schema: {type: array, items: {type: string}}}
                - {name: ids, in: query, explode: false, schema: {type: array, items: {type: integer, format: int32}}}
                - {name: X-Trace, in: header, schema: {type: string}}
                - {name: session, in: cookie, schema: {type: string}}
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
        """;

    private const string NoQueryDocument = """
        openapi: 3.0.3
        info: {title: No query, version: '1'}
        paths:
          /items/{item_id}:
            get:
              tags: [Items]
              operationId: getItem
              parameters:
                - {name: item_id, in: path, required: true, schema: {type: string}}
              responses:
                '200': {description: ok, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
        """;

    private static readonly Lazy<GeneratorRun> s_run = new(() => GeneratorHarness.Run(OpenApiFile.Create("parameters.yaml", Document)));
    private static readonly Lazy<GeneratorRun> s_noQueryRun = new(() => GeneratorHarness.Run(OpenApiFile.Create("no-query.yaml", NoQueryDocument)));
    private static readonly Lazy<InMemoryAssembly> s_probe = new(() => InMemoryAssembly.LoadWithProbe(s_run.Value, Probe));
    private static readonly Lazy<InMemoryAssembly> s_noQueryProbe = new(() => InMemoryAssembly.LoadWithProbe(s_noQueryRun.Value, NoQueryProbe));

    [Fact]
    public async Task Client_PutsEveryParameterAndApiKeyWhereTheDocumentSays()
    {
        var sent = await s_probe.Value.InvokeAsync("Consumer.Probe", "ClientSendsAsync");

        Assert.Equal(
            "GET http://api.test/base/items/7?q=a%20b%26c&tags=x&tags=y%2Fz&ids=1%2C2&api_key=k%3D1 | X-Trace=t-1 | Cookie=session=s%3B1 | X-Key=hk",
            sent);
    }

    [Fact]
    public async Task Controller_ReadsBackWhatTheClientSent()
    {
        var received = await s_probe.Value.InvokeAsync("Consumer.Probe", "ServerReceivesAsync");

        Assert.Equal("200 item 7, q 'a b&c', tags [x,y/z], ids [1,2], trace 't-1', session 's;1' -> {\"id\":7,\"echo\":\"a b&c\"}", received);
    }

    [Fact]
    public async Task Controller_AnswersAnUnparsableScalarWith400()
    {
        var received = await s_probe.Value.InvokeAsync("Consumer.Probe", "ServerRejectsAsync");

        Assert.StartsWith("400 ", received, StringComparison.Ordinal);
        Assert.Contains("The parameter 'item_id' must be a 32-bit integer.", received, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperationWithoutQuery_BuildsNoQueryList_AndKeepsTheBaseAddressPath()
    {
        var client = s_noQueryRun.Value.Sources.Single(s => s.HintName.EndsWith(".Clients.ItemsApiClient.g.cs", StringComparison.Ordinal)).Text;
        var sent = await s_noQueryProbe.Value.InvokeAsync("Consumer.Probe", "ClientSendsAsync");

        Assert.DoesNotContain("var query", client, StringComparison.Ordinal);
        Assert.Contains("_options.Apply(request, null);", client, StringComparison.Ordinal);
        Assert.Equal("GET http://api.test/base/items/a%2Fb%20c", sent);
    }

    private const string Probe = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Net;
        using System.Net.Http;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Test.Api;

        namespace Consumer;

        internal static class Probe
        {
            public static HttpRequestMessage? Last;

            public static async Task<string> ClientSendsAsync()
            {
                var handler = new CapturingHandler();
                // A base address with a path and no trailing slash: the path is kept.
                var client = new ItemsApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://api.test/base") }, new ApiClientOptions { QueryKey = "k=1", HeaderKey = "hk" });
                await client.GetItemAsync(7, "a b&c", new List<string> { "x", "y/z" }, new List<int> { 1, 2 }, "t-1", "s;1");
                var request = handler.Request!;
                return $"{request.Method} {request.RequestUri!.AbsoluteUri} | X-Trace={request.Headers.GetValues("X-Trace").Single()} | Cookie={request.Headers.GetValues("Cookie").Single()} | X-Key={request.Headers.GetValues("X-Key").Single()}";
            }

            public static async Task<string> ServerReceivesAsync()
            {
                var http = Context("7", "?q=a%20b%26c&tags=x&tags=y%2Fz&ids=1%2C2");
                http.Request.Headers["X-Trace"] = "t-1";
                http.Request.Headers["Cookie"] = "session=s%3B1";
                var api = new RecordingApi();
                var response = new MemoryStream();
                http.Response.Body = response;
                await new ItemsApiController(api) { ControllerContext = new ControllerContext { HttpContext = http } }.GetItemAsync();
                return $"{http.Response.StatusCode} {api.Received} -> {Encoding.UTF8.GetString(response.ToArray())}";
            }

            public static async Task<string> ServerRejectsAsync()
            {
                var http = Context("seven", "");
                var response = new MemoryStream();
                http.Response.Body = response;
                await new ItemsApiController(new RecordingApi()) { ControllerContext = new ControllerContext { HttpContext = http } }.GetItemAsync();
                return $"{http.Response.StatusCode} {Encoding.UTF8.GetString(response.ToArray())}";
            }

            private static DefaultHttpContext Context(string itemId, string query)
            {
                var http = new DefaultHttpContext { RequestServices = new NoServices() };
                http.Request.Method = "GET";
                http.Request.QueryString = new QueryString(query);
                http.Request.RouteValues["item_id"] = itemId;
                return http;
            }
        }

        internal sealed class CapturingHandler : HttpMessageHandler
        {
            public HttpRequestMessage? Request { get; private set; }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Request = request;
                var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"id\":7}"));
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
            }
        }

        internal sealed class RecordingApi : IItemsApi
        {
            public string? Received { get; private set; }

            public Task<Item> GetItemAsync(int itemId, string? q = null, IReadOnlyList<string>? tags = null, IReadOnlyList<int>? ids = null, string? xTrace = null, string? session = null, CancellationToken cancellationToken = default)
            {
                Received = $"item {itemId}, q '{q}', tags [{string.Join(",", tags ?? [])}], ids [{string.Join(",", ids ?? [])}], trace '{xTrace}', session '{session}'";
                return Task.FromResult(new Item { Id = itemId, Echo = q });
            }
        }

        internal sealed class NoServices : IServiceProvider
        {
            public object? GetService(Type serviceType) => null;
        }
        """;

    private const string NoQueryProbe = """
        using System;
        using System.Net;
        using System.Net.Http;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Test.Api;

        namespace Consumer;

        internal static class Probe
        {
            public static async Task<string> ClientSendsAsync()
            {
                var handler = new CapturingHandler();
                var client = new ItemsApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://api.test/base") });
                await client.GetItemAsync("a/b c");
                return $"{handler.Request!.Method} {handler.Request.RequestUri!.AbsoluteUri}";
            }
        }

        internal sealed class CapturingHandler : HttpMessageHandler
        {
            public HttpRequestMessage? Request { get; private set; }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Request = request;
                var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"id\":\"x\"}"));
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
            }
        }
        """;
}
