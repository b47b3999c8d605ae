using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>EVS2xxx: constructs the generator does not support, duplicate names, bad options and bad extensions.</summary>
public sealed class GeneratorDiagnosticsTests
{
    [Fact]
    public void Evs2001_ConstObject_PointsAtTheConstKeywordAndSaysWhy()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    value:
                      ⟦const: {a: 1}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS2001", document.Position);

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("'const' is not supported yet: a mapping value is typed as JsonElement (checked against the value when the server reads it)", diagnostic.GetMessage());
    }

    [Fact]
    public void Evs2060_Not_PointsAtTheNotKeyword_AsInfo()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    value: {type: string, ⟦not: {enum: [forbidden]}}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS2060", document.Position);

        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.StartsWith("'not' is not enforced: the type comes from the schema's other keywords", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs2060_PrefixItems_PointsAtTheKeyword()
    {
        var document = MarkedText.Parse("""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Pair:
                  type: array
                  ⟦prefixItems: [{type: string}, {type: integer}]
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS2060", document.Position);

        Assert.StartsWith("'prefixItems' is not enforced", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs2002_MultipartBodyKeepingUndeclaredParts_PointsAtTheMediaTypeAndSkipsTheOperation()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /upload:
                post:
                  operationId: upload
                  requestBody:
                    content:
                      ⟦multipart/form-data:
                        schema: {type: object, additionalProperties: {type: string}, properties: {file: {type: string, format: binary}, meta: {type: object, properties: {a: {type: string}}}}}
                  responses: {'204': {description: done}}
              /ping:
                get:
                  operationId: ping
                  responses: {'204': {description: done}}
            """);

        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, document.Text));

        var diagnostic = DiagnosticAssert.Single(run.Diagnostics, "EVS2002", document.Position);
        Assert.StartsWith("Operation 'upload': 'multipart/form-data' bodies are supported for objects whose properties are scalars, files (format: binary), objects (JSON parts)", diagnostic.GetMessage(), StringComparison.Ordinal);
        var contract = run.Source("TestApi.Contracts.ITestApi.g.cs");
        Assert.Contains("PingAsync(", contract, StringComparison.Ordinal);
        Assert.DoesNotContain("UploadAsync(", contract, StringComparison.Ordinal);
    }

    [Fact]
    public void Evs2003_DuplicateOperationId_PointsAtTheSecondOperationId()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: getThing
                  responses: {'204': {description: done}}
              /b:
                get:
                  operationId: ⟦getThing
                  responses: {'204': {description: done}}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS2003", document.Position);

        Assert.Equal("The operationId 'getThing' is already used; this operation's method is named 'GetThing2Async'", diagnostic.GetMessage());
    }

    [Fact]
    public void Evs2004_UnknownEmitValue_IsReportedAtTheDocumentAndTheKnownValuesStillEmit()
    {
        const string Document = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            """;

        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, Document, emit: "models;clients"));

        // An MSBuild option has no place in the document: no location, the message names the item metadata and the file.
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(("EVS2004", Location.None), (diagnostic.Id, diagnostic.Location));
        Assert.StartsWith("The MSBuild item metadata 'OpenApiEmit' of 'test-api.yaml' has the value 'clients'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(run.Sources, s => s.HintName == "TestApi.Faults.g.cs");
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("Client", StringComparison.Ordinal));
    }

    [Fact]
    public void Evs2004_InvalidNamespace_FallsBackToGenerated()
    {
        const string Document = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            """;

        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, Document, emit: "models", ns: "My.class.Api"));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(("EVS2004", Location.None), (diagnostic.Id, diagnostic.Location));
        Assert.StartsWith("The MSBuild item metadata 'OpenApiNamespace' of 'test-api.yaml' has the value 'My.class.Api'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("namespace Generated;", run.Source("TestApi.Faults.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs2004_InvalidProjectProperty_NamesTheProperty()
    {
        const string Document = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            """;
        var file = OpenApiFile.Create(DiagnosticAssert.DocumentPath, Document, ns: null) with
        {
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["OpenApi"] = "true", ["OpenApiNamespace"] = "Test.Api" },
        };

        var run = GeneratorHarness.Run([file], new Dictionary<string, string> { ["EvsCodegenEmit"] = "modles", ["EvsCodegenAccessibility"] = "secret" });

        Assert.Equal(
            ["The MSBuild property 'EvsCodegenEmit' of 'test-api.yaml' has the value 'modles'", "The MSBuild property 'EvsCodegenAccessibility' of 'test-api.yaml' has the value 'secret'"],
            run.Diagnostics.Select(d => d.GetMessage().Substring(0, d.GetMessage().IndexOf(", which", StringComparison.Ordinal))));
    }

    [Fact]
    public void Evs2005_NegativeXMaxBytes_PointsAtTheValue()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    name: {type: string, x-max-bytes: ⟦-1}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS2005", document.Position);

        Assert.Equal("The extension 'x-max-bytes' is ignored: it must be a non-negative integer", diagnostic.GetMessage());
    }

    [Fact]
    public void Evs2005_MalformedXFault_PointsAtTheExtension()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '204': {description: done}
                    '404':
                      description: missing
                      x-fault: ⟦{name: itemNotFound}
            """);

        DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS2005", document.Position);
    }

    [Fact]
    public void EveryDiagnosticId_IsCoveredByATestInThisFolder()
    {
        var ids = typeof(EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)
            .ToList();
        var tested = typeof(GeneratorDiagnosticsTests).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(GeneratorDiagnosticsTests).Namespace)
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttributes(typeof(FactAttribute), inherit: false).Length > 0)
            .Select(m => m.Name.Split('_')[0])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Contains(id, tested));
    }
}
