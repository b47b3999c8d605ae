using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Lockstep;

/// <summary>
/// One edit of the document changes the model, the client and the server together: renaming UpdateSnapshotOption's
/// <c>name</c> to <c>title</c> renames the C# property, and the generated client sends, and the generated controller
/// accepts, <c>title</c> and no longer <c>name</c>, because both go through the one generated converter.
/// </summary>
public sealed class RenamedPropertyLockstepTests
{
    private const string OptionHint = "EvsSnapshots.Models.UpdateSnapshotOption.g.cs";
    private const string ClientHint = "EvsSnapshots.Clients.SnapshotsApiClient.g.cs";
    private const string ControllerHint = "EvsSnapshots.Controllers.SnapshotsApiController.g.cs";

    private static readonly Lazy<GeneratorRun> s_original = new(() => GeneratorHarness.Run(OpenApiFile.Evs()));
    private static readonly Lazy<GeneratorRun> s_renamed = new(() => GeneratorHarness.Run(OpenApiFile.Evs(RenameOptionName(File.ReadAllText(RepoPaths.EvsDocument)))));

    // Compiled and loaded once per variant and kept for the test run: compiling against ASP.NET Core is the slow part.
    private static readonly Lazy<InMemoryAssembly> s_originalProbe = new(() => InMemoryAssembly.Load(ProbeCompilation(s_original.Value, "Name")));
    private static readonly Lazy<InMemoryAssembly> s_renamedProbe = new(() => InMemoryAssembly.Load(ProbeCompilation(s_renamed.Value, "Title")));

    [Fact]
    public void RenamedProperty_RenamesTheModelPropertyAndTheConvertersKey()
    {
        var run = s_renamed.Value;
        var option = run.Source(OptionHint);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("public string? Title { get; init; }", option, StringComparison.Ordinal);
        Assert.DoesNotContain(" Name ", option, StringComparison.Ordinal);
        // The key table both reads and writes the key: one place to rename.
        Assert.Contains("\"title\"", option.Split('\n').Single(l => l.Contains("s_keys = new(", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("\"name\"", option, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientAndController_ReadAndWriteTheBodyThroughTheSameGeneratedConverter()
    {
        var run = s_renamed.Value;

        Assert.Contains("ApiJsonValue.Serialize(body, UpdateSnapshotRequestJsonConverter.WriteValue)", run.Source(ClientHint), StringComparison.Ordinal);
        Assert.Contains("ApiServerRuntime.ReadJsonBodyAsync(http, required: true, UpdateSnapshotRequestJsonConverter.ReadValue)", run.Source(ControllerHint), StringComparison.Ordinal);
        Assert.Contains("UpdateSnapshotOptionJsonConverter.WriteValue(writer, value.Snapshot)", run.Source("EvsSnapshots.Models.UpdateSnapshotRequest.g.cs"), StringComparison.Ordinal);

        // Only the option's file changes: everything else, client and controller included, is emitted as before.
        var changed = run.Sources.Where(s => s_original.Value.Source(s.HintName) != s.Text).Select(s => s.HintName);
        Assert.Equal([OptionHint], changed);
    }

    [Fact]
    public void ConsumerUsingTheOldPropertyName_NoLongerCompiles()
    {
        var problems = CompileConsumer(s_renamed.Value, "var option = new global::Evs.Snapshots.UpdateSnapshotOption { Name = \"x\" };");

        var error = Assert.Single(problems);
        Assert.Equal("CS0117", error.Id);
        Assert.Contains("'Name'", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ConsumerUsingTheNewPropertyName_Compiles()
    {
        Assert.Empty(CompileConsumer(s_renamed.Value, "var option = new global::Evs.Snapshots.UpdateSnapshotOption { Title = \"x\" };"));
        Assert.Empty(CompileConsumer(s_original.Value, "var option = new global::Evs.Snapshots.UpdateSnapshotOption { Name = \"x\" };"));
    }

    [Theory]
    [InlineData(false, "name")]
    [InlineData(true, "title")]
    public async Task GeneratedClient_SendsTheDocumentsKey(bool renamed, string key)
    {
        var assembly = renamed ? s_renamedProbe.Value : s_originalProbe.Value;

        var sent = await assembly.InvokeAsync("Consumer.Probe", "ClientSendsAsync", "snap-001");

        Assert.Equal(Body(key), sent);
    }

    [Theory]
    [InlineData(false, "name", "title")]
    [InlineData(true, "title", "name")]
    public async Task GeneratedController_AcceptsTheDocumentsKeyAndRejectsTheOtherWith400(bool renamed, string key, string otherKey)
    {
        var assembly = renamed ? s_renamedProbe.Value : s_originalProbe.Value;

        var accepted = await assembly.InvokeAsync("Consumer.Probe", "ServerReceivesAsync", Body(key));
        var rejected = await assembly.InvokeAsync("Consumer.Probe", "ServerReceivesAsync", Body(otherKey));

        Assert.Equal("received snap-001", accepted);
        Assert.StartsWith("400 {\"badRequest\":{\"message\":", rejected, StringComparison.Ordinal);
        Assert.Contains($"the key '{otherKey}' is not allowed", rejected, StringComparison.Ordinal);
    }

    private static string Body(string key) => "{\"snapshot\":{\"" + key + "\":\"snap-001\"}}";

    /// <summary>Renames UpdateSnapshotOption's <c>name</c> property (SnapshotDetail's <c>name</c> stays).</summary>
    private static string RenameOptionName(string document)
    {
        var option = document.IndexOf("\n    UpdateSnapshotOption:\n", StringComparison.Ordinal);
        var name = document.IndexOf("\n        name:\n", option, StringComparison.Ordinal);
        Assert.True(option > 0 && name > option && name < document.IndexOf("\n    SnapshotResponse:\n", StringComparison.Ordinal));
        return document.Substring(0, name) + "\n        title:\n" + document.Substring(name + "\n        name:\n".Length);
    }

    /// <summary>The warnings and errors of a consumer file compiled against the generated code.</summary>
    private static IReadOnlyList<Diagnostic> CompileConsumer(GeneratorRun run, string statement)
    {
        var consumer = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
            $$"""
            namespace Consumer;

            internal static class Uses
            {
                public static object Make()
                {
                    {{statement}}
                    return option;
                }
            }
            """,
            GeneratorHarness.ParseOptions,
            path: "Uses.cs");

        // Only the consumer's file is bound: the generated code's own diagnostics are the baseline tests' business.
        return run.OutputCompilation.AddSyntaxTrees(consumer).GetSemanticModel(consumer).GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();
    }

    /// <summary>The generated code plus a probe that drives the generated client and controller in memory.</summary>
    private static Compilation ProbeCompilation(GeneratorRun run, string property) =>
        run.OutputCompilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
            Probe.Replace("PROPERTY", property, StringComparison.Ordinal), GeneratorHarness.ParseOptions, path: "Probe.cs"));

    private const string Probe = """
        using EvsCodegen.Runtime;
        using System;
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Evs.Snapshots;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        namespace Consumer;

        internal static class Probe
        {
            public const string SnapshotJson = "{\"snapshot\":{\"id\":\"s\",\"status\":\"available\",\"name\":\"n\",\"description\":\"d\",\"created_at\":\"2013-02-25T03:56:53.081642\",\"updated_at\":null,\"metadata\":{},\"volume_id\":\"v\",\"size\":1}}";

            /// <summary>What the generated client puts on the wire for an update of PROPERTY.</summary>
            public static async Task<string> ClientSendsAsync(string value)
            {
                var handler = new CapturingHandler();
                var client = new SnapshotsApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://evs.test/") });
                await client.UpdateSnapshotAsync("p", "s", new UpdateSnapshotRequest { Snapshot = new UpdateSnapshotOption { PROPERTY = value } });
                return handler.Body ?? "(no body)";
            }

            /// <summary>What the generated controller hands the backend for a request body, or the error it answers.</summary>
            public static async Task<string> ServerReceivesAsync(string json)
            {
                var api = new RecordingApi();
                var http = new DefaultHttpContext { RequestServices = new NoServices() };
                http.Request.Method = "PUT";
                http.Request.ContentType = "application/json";
                http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
                http.Request.RouteValues["project_id"] = "p";
                http.Request.RouteValues["snapshot_id"] = "s";
                var response = new MemoryStream();
                http.Response.Body = response;
                var controller = new SnapshotsApiController(api) { ControllerContext = new ControllerContext { HttpContext = http } };
                await controller.UpdateSnapshotAsync();
                return api.Received is { } received
                    ? "received " + received.Snapshot.PROPERTY
                    : http.Response.StatusCode + " " + Encoding.UTF8.GetString(response.ToArray());
            }
        }

        internal sealed class CapturingHandler : HttpMessageHandler
        {
            public string? Body { get; private set; }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
                var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Probe.SnapshotJson));
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
            }
        }

        internal sealed class RecordingApi : ISnapshotsApi
        {
            public UpdateSnapshotRequest? Received { get; private set; }

            public Task<SnapshotResponse> ShowSnapshotAsync(string projectId, string snapshotId, CancellationToken cancellationToken = default) =>
                throw new NotSupportedException();

            public Task<SnapshotResponse> UpdateSnapshotAsync(string projectId, string snapshotId, UpdateSnapshotRequest body, CancellationToken cancellationToken = default)
            {
                Received = body;
                return Task.FromResult(ApiJsonReader.Deserialize(Encoding.UTF8.GetBytes(Probe.SnapshotJson), SnapshotResponseJsonConverter.ReadValue, strict: false));
            }
        }

        internal sealed class NoServices : IServiceProvider
        {
            public object? GetService(Type serviceType) => null;
        }
        """;
}
