using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>
/// EVS1007: a path that is not a well-formed template (OpenAPI 3.1.1 grammar: <c>{</c>, a name without braces, <c>}</c>;
/// no braces in literal text; each name once) skips its operations at the offending character, never crashes the
/// generator, and leaves the document's other paths generating.
/// </summary>
public sealed class PathTemplateDiagnosticsTests
{
    /// <summary>Malformed templates, with the marker at the character the diagnostic must point at.</summary>
    public static TheoryData<string, string> MalformedTemplates => new()
    {
        { "/x/⟦{id", "'{' is never closed" },
        { "/x/{x⟦{y}/z", "inside another" },
        { "/x/{⟦{a}}", "inside another" },
        { "/⟦{", "'{' is never closed" },
        { "/⟦}", "closes no template expression" },
        { "/x/a⟦}b", "closes no template expression" },
        { "/x/⟦{}", "has no name" },
        { "/x/{id}/y/⟦{id}", "appears twice" },
        { "/x/{id}⟦}", "closes no template expression" },
        { "/x/{a}/⟦{b", "'{' is never closed" },
    };

    [Theory]
    [MemberData(nameof(MalformedTemplates))]
    public void Evs1007_MalformedTemplate_PointsAtTheOffendingCharacter_AndSkipsTheOperation(string markedPath, string reason)
    {
        var path = MarkedText.Parse(markedPath);
        var document = MarkedText.Parse($$$"""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              '{{{markedPath}}}':
                get:
                  operationId: broken
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses: {'204': {description: done}}
            """);

        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, document.Text));

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "EVS1007");
        DiagnosticAssert.At(diagnostic, "EVS1007", document.Position);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("the operation is skipped", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(path.Text, PathTemplateText(diagnostic));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "EVS1001");
        Assert.DoesNotContain(run.Sources, s => s.Text.Contains("BrokenAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void Evs1007_ManyMalformedTemplatesInOneDocument_NeverThrow_AndTheValidPathsStillGenerateAndCompile()
    {
        var paths = new[]
        {
            "/a/{id", "/b/{x{y}/z", "/c/{{a}}", "/{", "}", "/d/{}", "/e/{id}/{id}", "/f/{id}}", "/g/}{", "/h/{a}{b}", "/i/{a}/{b",
            "/j/{ id }", "/k/{\u00e9}", "/l/{a/b}", "/m/{a}?q", "/n//o", "/p/{undeclared}",
        };
        var items = string.Join("\n", paths.Select((path, i) => $$$"""
              "{{{path.Replace("\\", "\\\\", StringComparison.Ordinal)}}}":
                get:
                  operationId: op{{{i}}}
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                    - {name: a, in: path, required: true, schema: {type: string}}
                  responses: {'204': {description: done}}
            """));
        var document = $$$"""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /valid/{id}:
                get:
                  operationId: getValid
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses: {'204': {description: done}}
            {{{items}}}
            """;

        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, document));

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CS8785" || d.GetMessage().Contains("internal generator error", StringComparison.Ordinal));
        Assert.Contains(run.Sources, s => s.Text.Contains("GetValidAsync", StringComparison.Ordinal));
        Assert.DoesNotContain(GeneratorHarness.CompilerProblems(run.OutputCompilation), d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(run.Diagnostics.Count(d => d.Id == "EVS1007") >= 8, GeneratorHarness.Describe(run.Diagnostics));
    }

    [Theory]
    [InlineData("/pets/{petId}", "/pets/|petId")]
    [InlineData("/", "/")]
    [InlineData("/{a}.{b}/x", "/|a|.|b|/x")]
    [InlineData("/v3/{project_id}/snapshots/{snapshot_id}", "/v3/|project_id|/snapshots/|snapshot_id")]
    public void PathTemplate_SplitsWellFormedTemplates(string path, string expected)
    {
        var segments = PathTemplate.Parse(path, out var problem, out _);

        Assert.Null(problem);
        Assert.Equal(expected.Split('|'), segments!.Select(s => s.Text));
    }

    private static string PathTemplateText(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage();
        var start = message.IndexOf('\'', StringComparison.Ordinal) + 1;
        return message.Substring(start, message.IndexOf("' is not", StringComparison.Ordinal) - start);
    }
}
