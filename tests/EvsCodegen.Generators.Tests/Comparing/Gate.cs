using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Comparing;

/// <summary>Runs the breaking-change gate over a shipped document and an edited copy of it.</summary>
internal static class Gate
{
    public const string ShippedPath = "/project/openapi/test-api.shipped.yaml";

    /// <summary>
    /// The end of the result-rule fixtures (ResultShapeRuleTests, WholeResponseResultRuleTests): a 404 answering Problem,
    /// then the objects Pet (name), Problem (title) and Other (code).
    /// </summary>
    public const string ProblemOn404WithObjects = """
                '404': {description: nf, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}
        components:
          schemas:
            Pet:
              type: object
              properties:
                name: {type: string}
            Problem:
              type: object
              properties:
                title: {type: string}
            Other:
              type: object
              properties:
                code: {type: integer}
        """;

    /// <summary>A small pet store: requests use NewPet and Kind, responses Pet and Status.</summary>
    public const string Shipped = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /pets:
            get:
              operationId: listPets
              parameters:
                - {name: limit, in: query, schema: {type: integer, format: int32, maximum: 100}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}
                '404': {description: none}
            post:
              operationId: createPet
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/NewPet'}
              responses:
                '201':
                  description: created
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Pet'}
          /pets/{id}:
            get:
              operationId: getPet
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
        components:
          schemas:
            Pet:
              type: object
              required: [id, name]
              properties:
                id: {type: string, maxLength: 36}
                name: {type: string}
                status: {$ref: '#/components/schemas/Status'}
                tag: {type: string}
            NewPet:
              type: object
              required: [name]
              properties:
                name: {type: string, maxLength: 50}
                kind: {$ref: '#/components/schemas/Kind'}
                note: {type: string, nullable: true}
            Status:
              type: string
              enum: [available, sold]
            Kind:
              type: string
              enum: [cat, dog]
        """;

    /// <summary>
    /// <see cref="Shipped"/> with each (old, new) edit applied once; the new text may hold a
    /// <see cref="MarkedText.Marker"/> where the diagnostic is expected.
    /// </summary>
    public static MarkedText Edit(params (string Old, string New)[] edits) => EditOf(Shipped, edits);

    /// <summary><paramref name="shipped"/> with each (old, new) edit applied once (see <see cref="Edit"/>).</summary>
    public static MarkedText EditOf(string shipped, params (string Old, string New)[] edits)
    {
        var text = shipped;
        foreach (var (old, replacement) in edits)
        {
            var index = text.IndexOf(old, StringComparison.Ordinal);
            Assert.True(index >= 0 && text.IndexOf(old, index + 1, StringComparison.Ordinal) < 0, $"'{old}' must occur exactly once.");
            text = string.Concat(text.AsSpan(0, index), replacement, text.AsSpan(index + old.Length));
        }

        return MarkedText.Parse(text);
    }

    /// <summary>The gate's diagnostics (EVS30xx) for a document whose shipped version is <paramref name="shipped"/>.</summary>
    public static IReadOnlyList<Diagnostic> Run(string current, string shipped = Shipped, params (string Key, string Value)[] metadata) =>
        GeneratorHarness.Run(
            OpenApiFile.Create(DiagnosticAssert.DocumentPath, current, "models", "Test.Api", metadata),
            OpenApiFile.Fragment(ShippedPath, shipped))
        .Diagnostics.Where(d => d.Id.StartsWith("EVS30", StringComparison.Ordinal)).ToList();

    /// <summary>Requires exactly one <paramref name="id"/> among the gate's diagnostics, at the marker, with the severity.</summary>
    public static Diagnostic Single(MarkedText current, string id, DiagnosticSeverity severity) => Single(current, Shipped, id, severity);

    /// <summary>Requires exactly one <paramref name="id"/> against <paramref name="shipped"/>, at the marker, with the severity.</summary>
    public static Diagnostic Single(MarkedText current, string shipped, string id, DiagnosticSeverity severity)
    {
        var all = Run(current.Text, shipped);
        var diagnostic = Assert.Single(all, d => d.Id == id);
        DiagnosticAssert.At(diagnostic, id, current.Position);
        Assert.Equal(severity, diagnostic.Severity);
        return diagnostic;
    }
}
