using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// <c>multipart/form-data</c> bodies: the generated client sends scalars as text parts and <c>format: binary</c>
/// properties (<c>byte[]</c>) as file parts named after the field; the generated controller reads the parts back,
/// files as bytes, and validates them through the schema's converter as it does JSON. Run in memory.
/// </summary>
public sealed class MultipartBodyTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: Files, version: '1'}
        paths:
          /files:
            post:
              tags: [Files]
              operationId: upload
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      additionalProperties: false
                      required: [file]
                      properties:
                        file: {type: string, format: binary}
                        attachments: {type: array, items: {type: string, format: binary}}
                        title: {type: string, maxLength: 10}
                        pages: {type: integer, format: int32}
              responses: {'204': {description: stored}}
        """;

    private static readonly Lazy<InMemoryAssembly> s_probe = new(() =>
        InMemoryAssembly.LoadWithProbe(GeneratorHarness.Run(OpenApiFile.Create("files.yaml", Document)), Probe));

    [Fact]
    public async Task Client_SendsTextPartsAndFileParts()
    {
        var sent = await s_probe.Value.InvokeAsync("Consumer.Probe", "ClientSendsAsync");

        Assert.Equal("multipart/form-data | file (file) 3 B | attachments (attachments) 1 B | attachments (attachments) 2 B | title 'Report' | pages '12'", sent);
    }

    [Fact]
    public async Task ClientToController_RoundTripsEveryPart()
    {
        var received = await s_probe.Value.InvokeAsync("Consumer.Probe", "RoundTripAsync");

        Assert.Equal("204 file [1,2,3], attachments [[9],[8,7]], title Report, pages 12", received);
    }

    [Theory]
    [InlineData("title", "Report", "400 {\"status\":400,\"message\":\"Invalid request body: the required key 'file' is missing.\"}")]
    [InlineData("pages", "many", "400 {\"status\":400,\"message\":\"The field 'pages' must be a 32-bit integer.\"}")]
    [InlineData("title", "A long title", "400 {\"status\":400,\"message\":\"Invalid value at 'title': expected at most 10 characters, got 12.\"}")]
    [InlineData("extra", "x", "400 {\"status\":400,\"message\":\"Invalid request body: the key 'extra' is not allowed (keys are case-sensitive).\"}")]
    public async Task Controller_ValidatesThePartsAsTheSchemaSays(string field, string value, string expected)
    {
        var received = await s_probe.Value.InvokeAsync("Consumer.Probe", "ServerReceivesTextPartAsync", field, value, field != "title");

        Assert.Equal(expected, received);
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
            private static UploadRequest Sample() =>
                new() { File = [1, 2, 3], Attachments = [[9], [8, 7]], Title = "Report", Pages = 12 };

            public static async Task<string> ClientSendsAsync()
            {
                var handler = new CapturingHandler();
                await new FilesApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://api.test/") }).UploadAsync(Sample());
                return handler.Parts!;
            }

            /// <summary>The client's multipart body, as sent, handed to the generated controller.</summary>
            public static async Task<string> RoundTripAsync()
            {
                var handler = new CapturingHandler();
                await new FilesApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://api.test/") }).UploadAsync(Sample());
                return await ServeAsync(handler.ContentType!, handler.Body!);
            }

            public static async Task<string> ServerReceivesTextPartAsync(string field, string value, bool withFile)
            {
                using var content = new MultipartFormDataContent();
                if (withFile)
                {
                    content.Add(new ByteArrayContent([1]), "file", "file");
                }

                content.Add(new StringContent(value), field);
                return await ServeAsync(content.Headers.ContentType!.ToString(), await content.ReadAsByteArrayAsync());
            }

            private static async Task<string> ServeAsync(string contentType, byte[] body)
            {
                var api = new RecordingApi();
                var http = new DefaultHttpContext { RequestServices = new NoServices() };
                http.Request.Method = "POST";
                http.Request.ContentType = contentType;
                http.Request.Body = new MemoryStream(body);
                var response = new MemoryStream();
                http.Response.Body = response;
                await new FilesApiController(api) { ControllerContext = new ControllerContext { HttpContext = http } }.UploadAsync();
                return http.Response.StatusCode + " " + (api.Received ?? Encoding.UTF8.GetString(response.ToArray()));
            }
        }

        internal sealed class CapturingHandler : HttpMessageHandler
        {
            public string? ContentType { get; private set; }

            public byte[]? Body { get; private set; }

            public string? Parts { get; private set; }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var content = (MultipartFormDataContent)request.Content!;
                ContentType = content.Headers.ContentType!.ToString();
                Body = await content.ReadAsByteArrayAsync(cancellationToken);
                var parts = new List<string>();
                foreach (var part in content)
                {
                    var name = part.Headers.ContentDisposition!.Name!.Trim('"');
                    var file = part.Headers.ContentDisposition.FileName?.Trim('"');
                    var bytes = await part.ReadAsByteArrayAsync(cancellationToken);
                    parts.Add(file is null ? $"{name} '{Encoding.UTF8.GetString(bytes)}'" : $"{name} ({file}) {bytes.Length} B");
                }

                Parts = content.Headers.ContentType.MediaType + " | " + string.Join(" | ", parts);
                return new HttpResponseMessage(HttpStatusCode.NoContent);
            }
        }

        internal sealed class RecordingApi : IFilesApi
        {
            public string? Received { get; private set; }

            public Task UploadAsync(UploadRequest body, CancellationToken cancellationToken = default)
            {
                static string Bytes(byte[] b) => "[" + string.Join(",", b) + "]";
                Received = $"file {Bytes(body.File)}, attachments [{string.Join(",", (body.Attachments ?? []).Select(Bytes))}], title {body.Title}, pages {body.Pages}";
                return Task.CompletedTask;
            }
        }

        internal sealed class NoServices : IServiceProvider
        {
            public object? GetService(Type serviceType) => null;
        }
        """;
}
