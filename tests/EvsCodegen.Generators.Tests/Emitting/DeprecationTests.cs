using EvsCodegen.Generators.Tests.Infrastructure;
using EvsCodegen.TestSupport;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// Deprecation in every place the document can declare it (schema, property, required property, parameter, operation)
/// compiles without a warning: consumers build with warnings as errors. A required member cannot be [Obsolete] in a type
/// that is not (CS9042), so a deprecated required property says so in its documentation instead.
/// </summary>
public sealed class DeprecationTests
{
    private const string Document = """
        openapi: 3.0.3
        info: { title: Deprecations, version: '1' }
        paths:
          /widgets/{id}:
            get:
              operationId: getWidget
              deprecated: true
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: legacy, in: query, deprecated: true, schema: { type: integer } }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Widget' }
            put:
              operationId: putWidget
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/OldWidget' }
              responses:
                '204': { description: stored }
        components:
          schemas:
            Widget:
              type: object
              required: [id, code, name]
              properties:
                id: { type: string }
                code: { type: string, deprecated: true }
                name: { type: string }
                color: { type: string, deprecated: true }
            OldWidget:
              type: object
              deprecated: true
              required: [code]
              properties:
                code: { type: string, deprecated: true }
        """;

    private static readonly Lazy<GeneratorRun> s_run = new(() => GeneratorHarness.Run(OpenApiFile.Create("/repo/deprecations.yaml", Document, ns: "Test.Deprecations")));

    [Fact]
    public void DeprecatedEverywhere_CompilesWithoutWarnings()
    {
        var problems = GeneratorHarness.CompilerProblems(s_run.Value.OutputCompilation);

        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
    }

    [Fact]
    public void DeprecatedRequiredProperty_StaysRequired_AndSaysItIsDeprecated()
    {
        var widget = s_run.Value.Sources.Single(s => s.HintName.EndsWith(".Models.Widget.g.cs", StringComparison.Ordinal)).Text;

        Assert.Contains("public required string Code { get; init; }", widget, StringComparison.Ordinal);
        Assert.Contains("Deprecated in the OpenAPI document", widget[..widget.IndexOf("public required string Code", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.DoesNotContain("[global::System.Obsolete(\"Deprecated in the OpenAPI document.\")]\n    public required", widget.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        // An optional deprecated property keeps its [Obsolete]: callers are warned when they set or read it.
        Assert.Contains("[global::System.Obsolete(\"Deprecated in the OpenAPI document.\")]\n    public string? Color", widget.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
