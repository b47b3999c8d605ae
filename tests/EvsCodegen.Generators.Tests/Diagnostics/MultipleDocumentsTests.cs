using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>Several documents in one compilation: no hint-name clash, no duplicate runtime types.</summary>
public sealed class MultipleDocumentsTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /things:
            get:
              operationId: listThings
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: array, items: {$ref: '#/components/schemas/Thing'}}
        components:
          schemas:
            Thing:
              type: object
              properties:
                id: {type: string}
        """;

    [Fact]
    public void SameFileNameInTwoFolders_WithTwoNamespaces_BothGenerateAndCompile()
    {
        var run = GeneratorHarness.Run(
            OpenApiFile.Create("/a/api.yaml", Document, ns: "First.Api"),
            OpenApiFile.Create("/b/api.yaml", Document.Replace("/things", "/more-things", StringComparison.Ordinal), ns: "Second.Api"));

        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.Sources, s => s.HintName == "Api.Models.Thing.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "Api2.Models.Thing.g.cs");
        Assert.DoesNotContain(GeneratorHarness.CompilerProblems(run.OutputCompilation), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs1006_TwoDocumentsInOneNamespace_LaterPathIsReportedAndNotGenerated()
    {
        var run = GeneratorHarness.Run(
            OpenApiFile.Create("/docs/one.yaml", Document, ns: "App"),
            OpenApiFile.Create("/docs/two.yaml", Document, ns: "App"));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("EVS1006", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/docs/two.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("one.yaml", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources, s => s.HintName.StartsWith("Two.", StringComparison.Ordinal));
        Assert.DoesNotContain(GeneratorHarness.CompilerProblems(run.OutputCompilation), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void TwoDocumentsInOneNamespace_WithDisjointFamilies_AreBothGenerated()
    {
        var run = GeneratorHarness.Run(
            OpenApiFile.Create("/docs/one.yaml", Document, emit: "models", ns: "App"),
            OpenApiFile.Create("/docs/two.yaml", Document.Replace("Thing", "Other", StringComparison.Ordinal).Replace("listThings", "listOthers", StringComparison.Ordinal), emit: "client", ns: "App"));

        // Placement lets them share the namespace; whether the client finds its models is EVS2051's question (not asked
        // when the compilation emits models into that namespace).
        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.Sources, s => s.HintName.StartsWith("Two.", StringComparison.Ordinal));
    }

    [Fact]
    public void ResponseRefCycle_IsReportedAsEvs1003()
    {
        var document = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /things:
                get:
                  operationId: listThings
                  responses:
                    '404': {$ref: '#/components/responses/R1'}
            components:
              responses:
                R1: {$ref: '#/components/responses/R2'}
                R2: {$ref: '#/components/responses/R1'}
            """;

        var run = GeneratorHarness.Run(OpenApiFile.Create("/docs/cycle.yaml", document));

        Assert.Contains(run.Diagnostics, d => d.Id == "EVS1003" && d.GetMessage().Contains("loops", StringComparison.Ordinal));
    }

    [Fact]
    public void Evs1070_TwoDocumentsServingTheSameRoute_IsReportedAtTheLaterDocumentsOperation()
    {
        // Same method and route once the base path is applied, parameter names and case aside: ambiguous at run time.
        var orders = """
            openapi: 3.0.3
            info: {title: Orders, version: '1'}
            servers: [{url: /api}]
            paths:
              /orders/{id}:
                get:
                  operationId: getOrder
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: done}}
            """;
        var billing = """
            openapi: 3.0.3
            info: {title: Billing, version: '1'}
            paths:
              /api/Orders/{orderId}:
                get:
                  operationId: getInvoiceOrder
                  parameters: [{name: orderId, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: done}}
                post:
                  operationId: payOrder
                  parameters: [{name: orderId, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: done}}
            """;

        var run = GeneratorHarness.Run(
            OpenApiFile.Create("/docs/billing.yaml", billing, ns: "Billing"),
            OpenApiFile.Create("/docs/orders.yaml", orders, ns: "Orders"));

        var diagnostic = Assert.Single(run.Diagnostics);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(("EVS1070", DiagnosticSeverity.Error, "/docs/orders.yaml"), (diagnostic.Id, diagnostic.Severity, span.Path));
        Assert.Equal((6, 5), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Equal("GET /api/orders/{id} is also a route of 'billing.yaml' (GET /api/Orders/{orderId}): ASP.NET Core would match both and answer every such request with 500 (AmbiguousMatchException)", diagnostic.GetMessage());
    }

    [Fact]
    public void TwoDocumentsWithTheSameRoute_WithoutServers_AreNotReported()
    {
        var run = GeneratorHarness.Run(
            OpenApiFile.Create("/docs/one.yaml", Document, emit: "models;client", ns: "One"),
            OpenApiFile.Create("/docs/two.yaml", Document, emit: "models;client", ns: "Two"));

        Assert.Empty(run.Diagnostics);
    }
}
