using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// The status of a successful call, driven through the real generated controller: a declared 204 answers with no body
/// even when the document (against HTTP) gives it content; an operation that declares no 2xx answers with its
/// <c>default</c> (200, and the default's content as the result) when it has one and no 1xx/3xx answer, 200 with no body
/// when a redirect is declared beside the default, and 204 No Content otherwise (docs/decisions.md).
/// </summary>
public sealed class SuccessStatusTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: Statuses, version: '1'}
        paths:
          /no-content:
            get:
              tags: [Items]
              operationId: noContent
              responses:
                '204': {description: done, content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}}
          /errors-only:
            delete:
              tags: [Items]
              operationId: errorsOnly
              responses:
                '400': {description: bad}
                '404': {description: missing}
          /default-only:
            post:
              tags: [Items]
              operationId: defaultOnly
              responses:
                default: {description: whatever happens}
          /default-body:
            get:
              tags: [Items]
              operationId: defaultBody
              responses:
                default: {description: the text or the error, content: {application/json: {schema: {type: string}}}}
          /redirect-or-default:
            get:
              tags: [Items]
              operationId: redirectOrDefault
              responses:
                '303': {description: elsewhere}
                default: {description: the error, content: {application/json: {schema: {type: string}}}}
        """;

    private static readonly Lazy<GeneratorRun> s_run = new(() => GeneratorHarness.Run(OpenApiFile.Create("statuses.yaml", Document)));

    private static readonly Lazy<InMemoryAssembly> s_probe = new(() => InMemoryAssembly.Load(s_run.Value.OutputCompilation.AddSyntaxTrees(
        Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Probe, GeneratorHarness.ParseOptions, path: "Probe.cs"))));

    [Theory]
    [InlineData("NoContentAsync", "204 ''")]
    [InlineData("ErrorsOnlyAsync", "204 ''")]
    [InlineData("DefaultOnlyAsync", "200 ''")]
    [InlineData("DefaultBodyAsync", "200 '\"done\"'")]
    [InlineData("RedirectOrDefaultAsync", "200 ''")]
    public async Task SuccessfulCall_AnswersTheStatusTheDocumentAllows(string action, string expected)
    {
        Assert.Equal(["EVS2007"], s_run.Value.Diagnostics.Select(d => d.Id));

        var answer = await s_probe.Value.InvokeAsync("Consumer.Probe", "CallAsync", action);

        Assert.Equal(expected, answer);
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
            public static async Task<string> CallAsync(string action)
            {
                var http = new DefaultHttpContext { RequestServices = new NoServices() };
                var response = new MemoryStream();
                http.Response.Body = response;
                var controller = new ItemsApiController(new Api()) { ControllerContext = new ControllerContext { HttpContext = http } };
                await (action switch
                {
                    "NoContentAsync" => controller.NoContentAsync(),
                    "ErrorsOnlyAsync" => controller.ErrorsOnlyAsync(),
                    "DefaultBodyAsync" => controller.DefaultBodyAsync(),
                    "RedirectOrDefaultAsync" => controller.RedirectOrDefaultAsync(),
                    _ => controller.DefaultOnlyAsync(),
                });
                return $"{http.Response.StatusCode} '{Encoding.UTF8.GetString(response.ToArray())}'";
            }
        }

        internal sealed class Api : IItemsApi
        {
            public Task NoContentAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

            public Task ErrorsOnlyAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

            public Task DefaultOnlyAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

            public Task<string> DefaultBodyAsync(CancellationToken cancellationToken = default) => Task.FromResult("done");

            public Task RedirectOrDefaultAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        }

        internal sealed class NoServices : IServiceProvider
        {
            public object? GetService(Type serviceType) => null;
        }
        """;
}
