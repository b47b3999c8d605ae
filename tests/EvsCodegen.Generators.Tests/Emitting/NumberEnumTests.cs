using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// A <c>type: number</c> enum is a plain <c>double</c> (warning EVS2001), but the generated server holds it to the listed
/// values, in a JSON body and in a parameter, with a 400 that never reaches the implementation.
/// </summary>
public sealed class NumberEnumTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: Numbers, version: '1'}
        components:
          schemas:
            Step: {type: number, enum: [0.5, 1, 2.25]}
            Move:
              type: object
              properties:
                step: {$ref: '#/components/schemas/Step'}
        paths:
          /moves:
            post:
              tags: [Moves]
              operationId: move
              parameters:
                - {name: scale, in: query, schema: {$ref: '#/components/schemas/Step'}}
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: '#/components/schemas/Move'}}}
              responses:
                '204': {description: moved}
        """;

    private static readonly Lazy<GeneratorRun> s_run = new(() => GeneratorHarness.Run(OpenApiFile.Create("numbers.yaml", Document)));

    private static readonly Lazy<InMemoryAssembly> s_probe = new(() => InMemoryAssembly.Load(s_run.Value.OutputCompilation.AddSyntaxTrees(
        Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Probe, GeneratorHarness.ParseOptions, path: "Probe.cs"))));

    [Theory]
    [InlineData("", """{"step": 2.25}""", "204 step=2.25 scale=null")]
    [InlineData("?scale=0.5", """{"step": 1}""", "204 step=1 scale=0.5")]
    [InlineData("", """{"step": 3}""", "400 ")]
    [InlineData("?scale=0.25", """{"step": 1}""", "400 ")]
    public async Task NumberEnum_IsEnforcedByTheServer(string query, string body, string expected)
    {
        Assert.All(s_run.Value.Diagnostics, d => Assert.Equal("EVS2001", d.Id));

        var answer = await s_probe.Value.InvokeAsync("Consumer.Probe", "MoveAsync", query, body);

        Assert.StartsWith(expected, answer, StringComparison.Ordinal);
        if (expected.StartsWith("400", StringComparison.Ordinal))
        {
            Assert.Contains("is not one of 0.5, 1, 2.25", answer, StringComparison.Ordinal);
        }
    }

    private const string Probe = """
        using System;
        using System.IO;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Test.Api;

        namespace Consumer;

        internal static class Probe
        {
            public static async Task<string> MoveAsync(string query, string body)
            {
                var http = new DefaultHttpContext { RequestServices = new NoServices() };
                http.Request.Method = "POST";
                http.Request.QueryString = new QueryString(query);
                http.Request.ContentType = "application/json";
                var bytes = Encoding.UTF8.GetBytes(body);
                http.Request.Body = new MemoryStream(bytes);
                http.Request.ContentLength = bytes.Length;
                var response = new MemoryStream();
                http.Response.Body = response;
                var api = new Api();
                await new MovesApiController(api) { ControllerContext = new ControllerContext { HttpContext = http } }.MoveAsync();
                return $"{http.Response.StatusCode} {api.Received ?? Encoding.UTF8.GetString(response.ToArray())}";
            }
        }

        internal sealed class Api : IMovesApi
        {
            public string? Received { get; private set; }

            public Task MoveAsync(Move body, double? scale = null, CancellationToken cancellationToken = default)
            {
                Received = FormattableString.Invariant($"step={body.Step} scale={(scale is null ? "null" : scale.ToString())}");
                return Task.CompletedTask;
            }
        }

        internal sealed class NoServices : IServiceProvider
        {
            public object? GetService(Type serviceType) => null;
        }
        """;
}
