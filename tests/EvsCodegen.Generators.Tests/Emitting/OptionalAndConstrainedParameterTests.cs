using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// Findings of the round-trip harness, driven through the real generated controller over a <c>DefaultHttpContext</c>:
/// absent optional value-type parameters reach the implementation as null (not 0 or false), parameter schemas'
/// bounds, lengths, patterns and item counts are enforced with a 400 that never reaches the implementation, an absent
/// optional body reaches it as null, and a JSON answer carries the media type the document declares.
/// </summary>
public sealed class OptionalAndConstrainedParameterTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: Optionals, version: '1'}
        components:
          schemas:
            Note:
              type: object
              properties:
                text: {type: string}
        paths:
          /items:
            get:
              tags: [Items]
              operationId: listItems
              parameters:
                - {name: limit, in: query, schema: {type: integer, format: int32, minimum: 1, maximum: 100}}
                - {name: ratio, in: query, schema: {type: number, exclusiveMinimum: true, minimum: 0}}
                - {name: flag, in: query, schema: {type: boolean}}
                - {name: kind, in: query, schema: {type: string, enum: [a, b]}}
                - {name: id, in: query, schema: {type: string, format: uuid}}
                - {name: day, in: query, schema: {type: string, format: date}}
                - {name: at, in: header, schema: {type: string, format: date-time}}
                - {name: name, in: query, schema: {type: string, minLength: 2, maxLength: 5, pattern: '^[a-z]+$'}}
                - {name: tags, in: query, schema: {type: array, maxItems: 2, items: {type: string, maxLength: 3}}}
              responses:
                '200': {description: ok, content: {application/json;charset=utf-8: {schema: {$ref: '#/components/schemas/Note'}}}}
          /notes:
            post:
              tags: [Items]
              operationId: createNote
              requestBody:
                required: false
                content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}
              responses:
                '204': {description: created}
          /flags:
            post:
              tags: [Items]
              operationId: setFlag
              requestBody:
                content: {application/json: {schema: {type: boolean}}}
              responses:
                '204': {description: set}
          /forms:
            post:
              tags: [Items]
              operationId: submitForm
              requestBody:
                content: {application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/Note'}}}
              responses:
                '204': {description: submitted}
        """;

    private static readonly Lazy<InMemoryAssembly> s_probe = new(() => InMemoryAssembly.LoadWithProbe(GeneratorHarness.Run(OpenApiFile.Create("optionals.yaml", Document)), Probe));

    [Fact]
    public async Task AbsentOptionalValueTypeParameters_ReachTheImplementationAsNull()
    {
        var received = await s_probe.Value.InvokeAsync("Consumer.Probe", "ListAsync", "", "");

        Assert.Equal("200 limit=null ratio=null flag=null kind=null id=null day=null at=null name=null tags=null", received);
    }

    [Fact]
    public async Task PresentOptionalParameters_WithinTheirConstraints_ReachTheImplementation()
    {
        var received = await s_probe.Value.InvokeAsync("Consumer.Probe", "ListAsync", "?limit=100&ratio=0.5&flag=false&kind=b&id=6f9619ff-8b86-d011-b42d-00cf4fc964ff&day=2024-02-29&name=abc&tags=a&tags=bcd", "2024-02-29T10:00:00Z");

        Assert.Equal("200 limit=100 ratio=0.5 flag=False kind=b id=6f9619ff-8b86-d011-b42d-00cf4fc964ff day=2024-02-29 at=2024-02-29T10:00:00.0000000+00:00 name=abc tags=[a,bcd]", received);
    }

    [Theory]
    [InlineData("?limit=0", "The parameter 'limit' is invalid: expected a number >= 1.")]
    [InlineData("?limit=101", "The parameter 'limit' is invalid: expected a number <= 100.")]
    [InlineData("?ratio=0", "The parameter 'ratio' is invalid: expected a number > 0.")]
    [InlineData("?name=a", "The parameter 'name' is invalid: expected at least 2 characters, got 1.")]
    [InlineData("?name=abcdef", "The parameter 'name' is invalid: expected at most 5 characters, got 6.")]
    [InlineData("?name=AB", "The parameter 'name' is invalid: the value does not match the pattern ^[a-z]+$.")]
    [InlineData("?tags=abcd", "The parameter 'tags' is invalid: expected at most 3 characters, got 4.")]
    [InlineData("?tags=a&tags=b&tags=c", "The parameter 'tags' is invalid: expected at most 2 items, got 3.")]
    [InlineData("?kind=c", "The parameter 'kind' must be one of the documented values.")]
    public async Task ParameterOutsideItsSchema_Is400_AndNeverReachesTheImplementation(string query, string message)
    {
        var received = await s_probe.Value.InvokeAsync("Consumer.Probe", "ListAsync", query, "");

        Assert.StartsWith("400 ", received, StringComparison.Ordinal);
        Assert.Contains(message, received, StringComparison.Ordinal);
        Assert.DoesNotContain("limit=", received, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonAnswer_CarriesTheDocumentsMediaTypeWithItsParameters()
    {
        var contentType = await s_probe.Value.InvokeAsync("Consumer.Probe", "ListContentTypeAsync");

        Assert.Equal("application/json;charset=utf-8", contentType);
    }

    [Theory]
    [InlineData("CreateNoteAsync")]
    [InlineData("SubmitFormAsync")]
    [InlineData("SetFlagAsync")]
    public async Task AbsentOptionalBody_ReachesTheImplementationAsNull(string action)
    {
        var received = await s_probe.Value.InvokeAsync("Consumer.Probe", "PostWithoutBodyAsync", action);

        Assert.Equal("204 body=null", received);
    }

    [Fact]
    public async Task OptionalBodyWithContentButNoContentType_IsStill415()
    {
        var received = await s_probe.Value.InvokeAsync("Consumer.Probe", "PostUntypedBodyAsync");

        Assert.StartsWith("415 ", received, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_SendsNoContentForANullOptionalBody()
    {
        var sent = await s_probe.Value.InvokeAsync("Consumer.Probe", "ClientSendsNullBodyAsync");

        Assert.Equal("POST no content", sent);
    }

    private const string Probe = """
        using System;
        using System.Collections.Generic;
        using System.IO;
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
            public static async Task<string> ListAsync(string query, string at)
            {
                var http = Context("GET", query);
                if (at.Length > 0)
                {
                    http.Request.Headers["at"] = at;
                }

                var api = new RecordingApi();
                var response = new MemoryStream();
                http.Response.Body = response;
                await new ItemsApiController(api) { ControllerContext = new ControllerContext { HttpContext = http } }.ListItemsAsync();
                return $"{http.Response.StatusCode} {api.Received ?? Encoding.UTF8.GetString(response.ToArray())}";
            }

            public static async Task<string> ListContentTypeAsync()
            {
                var http = Context("GET", "");
                http.Response.Body = new MemoryStream();
                await new ItemsApiController(new RecordingApi()) { ControllerContext = new ControllerContext { HttpContext = http } }.ListItemsAsync();
                return http.Response.ContentType ?? "(none)";
            }

            public static async Task<string> PostWithoutBodyAsync(string action)
            {
                var http = Context("POST", "");
                var api = new RecordingApi();
                var response = new MemoryStream();
                http.Response.Body = response;
                var controller = new ItemsApiController(api) { ControllerContext = new ControllerContext { HttpContext = http } };
                await (action switch { "CreateNoteAsync" => controller.CreateNoteAsync(), "SetFlagAsync" => controller.SetFlagAsync(), _ => controller.SubmitFormAsync() });
                return $"{http.Response.StatusCode} {api.Received ?? Encoding.UTF8.GetString(response.ToArray())}";
            }

            public static async Task<string> PostUntypedBodyAsync()
            {
                var http = Context("POST", "");
                http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("{}"));
                http.Request.ContentLength = 2;
                var api = new RecordingApi();
                var response = new MemoryStream();
                http.Response.Body = response;
                await new ItemsApiController(api) { ControllerContext = new ControllerContext { HttpContext = http } }.CreateNoteAsync();
                return $"{http.Response.StatusCode} {api.Received ?? Encoding.UTF8.GetString(response.ToArray())}";
            }

            public static async Task<string> ClientSendsNullBodyAsync()
            {
                var handler = new CapturingHandler();
                var client = new ItemsApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://api.test/") });
                await client.CreateNoteAsync(null);
                return $"{handler.Request!.Method} {(handler.Request.Content is null ? "no content" : "content " + handler.Request.Content.Headers.ContentType)}";
            }

            private static DefaultHttpContext Context(string method, string query)
            {
                var http = new DefaultHttpContext { RequestServices = new NoServices() };
                http.Request.Method = method;
                http.Request.QueryString = new QueryString(query);
                return http;
            }
        }

        internal sealed class CapturingHandler : HttpMessageHandler
        {
            public HttpRequestMessage? Request { get; private set; }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Request = request;
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
            }
        }

        internal sealed class RecordingApi : IItemsApi
        {
            public string? Received { get; private set; }

            public Task<Note> ListItemsAsync(int? limit = null, double? ratio = null, bool? flag = null, ListItemsKind? kind = null, Guid? id = null, DateOnly? day = null, DateTimeOffset? at = null, string? name = null, IReadOnlyList<string>? tags = null, CancellationToken cancellationToken = default)
            {
                Received = $"limit={Show(limit)} ratio={Show(ratio)} flag={Show(flag)} kind={Show(kind)} id={Show(id)} day={day?.ToString("yyyy-MM-dd") ?? "null"} at={at?.ToString("O") ?? "null"} name={name ?? "null"} tags={(tags is null ? "null" : "[" + string.Join(",", tags) + "]")}";
                return Task.FromResult(new Note { Text = "ok" });
            }

            public Task CreateNoteAsync(Note? body = null, CancellationToken cancellationToken = default)
            {
                Received = $"body={(body is null ? "null" : body.Text)}";
                return Task.CompletedTask;
            }

            public Task SetFlagAsync(bool? body = null, CancellationToken cancellationToken = default)
            {
                Received = $"body={(body is null ? "null" : body.ToString())}";
                return Task.CompletedTask;
            }

            public Task SubmitFormAsync(Note? body = null, CancellationToken cancellationToken = default)
            {
                Received = $"body={(body is null ? "null" : body.Text)}";
                return Task.CompletedTask;
            }

            private static string Show<T>(T? value) where T : struct => value is { } v ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)! : "null";
        }

        internal sealed class NoServices : IServiceProvider
        {
            public object? GetService(Type serviceType) => null;
        }
        """;
}
