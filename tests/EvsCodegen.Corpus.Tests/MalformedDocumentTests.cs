using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EvsCodegen.Corpus.Tests;

/// <summary>
/// Documents broken in ways real documents are (issues 11 and 13), run exactly as the corpus is: the generator reports
/// each problem where it stands, never crashes, and what it still generates compiles.
/// </summary>
public sealed class MalformedDocumentTests
{
    /// <summary>Malformed path templates beside one valid path.</summary>
    public const string MalformedTemplates = """
        openapi: 3.0.3
        info: {title: templates, version: '1'}
        paths:
          /valid/{id}:
            get:
              operationId: getValid
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses: {'204': {description: done}}
          /a/{id: {get: {operationId: a, parameters: [{name: id, in: path, required: true, schema: {type: string}}], responses: {'204': {description: done}}}}
          /b/{x{y}/z: {get: {operationId: b, responses: {'204': {description: done}}}}
          /c/{{a}}: {get: {operationId: c, parameters: [{name: a, in: path, required: true, schema: {type: string}}], responses: {'204': {description: done}}}}
          '/{': {get: {operationId: d, responses: {'204': {description: done}}}}
          '}': {get: {operationId: e, responses: {'204': {description: done}}}}
          /f/{}: {get: {operationId: f, responses: {'204': {description: done}}}}
          /g/{id}/{id}: {get: {operationId: g, parameters: [{name: id, in: path, required: true, schema: {type: string}}], responses: {'204': {description: done}}}}
          /h/{undeclared}: {get: {operationId: h, responses: {'204': {description: done}}}}
          /i/{id}: {get: {operationId: i, parameters: [{name: other, in: path, required: true, schema: {type: string}}, {name: id, in: path, required: true, schema: {type: string}}], responses: {'204': {description: done}}}}
        """;

    /// <summary>Missing pieces OpenAPI 3.0 requires, an unsatisfiable <c>required</c> and an unresolved <c>$ref</c>.</summary>
    public const string MissingPieces = """
        openapi: 3.0.3
        paths:
          /items/{id}:
            get:
              operationId: getItem
              parameters: [{name: id, in: path, schema: {type: string}}]
            put:
              operationId: putItem
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
              responses: {'204': {description: done}}
        components:
          schemas:
            Item:
              type: object
              additionalProperties: false
              required: [name, shippingAddress, nmae]
              properties:
                name: {type: string}
                shippingAddress: {$ref: '#/components/schemas/Address'}
        """;

    [Fact]
    public void MalformedPathTemplates_AreSkippedWithEvs1007_AndTheValidPathGenerates()
    {
        var result = Run("templates.yaml", MalformedTemplates);

        Assert.Equal(Outcome.Ok, result.Outcome);
        Assert.DoesNotContain(result.GeneratorDiagnostics, DocumentRunner.IsGeneratorFailure);
        // getValid, and i: "}" does not start with "/" (EVS1003); a declared path parameter the template lacks is left out (EVS1003), the operation stays.
        Assert.Equal(2, result.GeneratedOperations);
        Assert.Equal(
            ["EVS1003", "EVS1003", "EVS1007", "EVS1007", "EVS1007", "EVS1007", "EVS1007", "EVS1007", "EVS2002"],
            result.GeneratorDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(result.GeneratorDiagnostics, d => Assert.NotEqual(0, d.Location.GetLineSpan().StartLinePosition.Line));
    }

    [Fact]
    public void MissingPieces_AreEachReportedWhereTheyStand_AndTheRestGenerates()
    {
        var result = Run("missing.yaml", MissingPieces);

        Assert.Equal(Outcome.Ok, result.Outcome);
        Assert.Equal(2, result.GeneratedOperations);
        Assert.Equal(
            ["EVS1004 (20,33)", "EVS1008 (1,1)", "EVS1008 (4,5)", "EVS1009 (6,20)", "EVS1010 (17,41)"],
            result.GeneratorDiagnostics.Select(d => $"{d.Id} ({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1})").Order(StringComparer.Ordinal));
        Assert.Equal(DiagnosticSeverity.Error, result.GeneratorDiagnostics.Single(d => d.Id == "EVS1004").Severity);
        Assert.True(result.HasGeneratorErrors);
    }

    [Fact]
    public void LongSchemaName_GivesHintNamesWithinTheFileNameLimit()
    {
        var name = new string('N', 10_000);
        var result = Run("long.yaml", $"openapi: 3.0.3\ninfo: {{title: long, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n    ? {name}\n    : {{type: object, properties: {{x: {{type: string}}}}}}\n");

        Assert.Equal(Outcome.Ok, result.Outcome);
        Assert.Equal(1, result.Types);
        Assert.All(result.Sources, s => Assert.True(s.Key.Length <= 120, s.Key.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>JSON escapes that name lone or reversed surrogates, everywhere text reaches generated code.</summary>
    public static TheoryData<string> Surrogates => ["\\ud800", "\\udc00\\ud800", "a\\udfffb", "\\ud83d\\ude00"];

    [Theory]
    [MemberData(nameof(Surrogates))]
    public void LoneSurrogatesInJson_AreNeitherACrashNorARunnerError_AndWhatIsGeneratedCompiles(string escape)
    {
        var document = """
            {"openapi": "3.0.3", "info": {"title": "t@ESC@", "version": "1", "description": "d@ESC@"},
             "paths": {"/p@ESC@/{id}": {"get": {"operationId": "get@ESC@", "summary": "s@ESC@",
               "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "@ESC@"}}],
               "responses": {"200": {"description": "@ESC@", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/S@ESC@"}}}}}}}},
             "components": {"schemas": {"S@ESC@": {"type": "object", "description": "@ESC@", "required": ["p@ESC@"],
               "properties": {"p@ESC@": {"type": "string", "enum": ["v@ESC@", "w"], "default": "w", "example": "@ESC@"}}}}}}
            """.Replace("@ESC@", escape, StringComparison.Ordinal);

        var result = Run("surrogates.json", document);

        Assert.True(result.Outcome == Outcome.Ok, CorpusReport.Row(result));
        Assert.DoesNotContain(result.GeneratorDiagnostics, DocumentRunner.IsGeneratorFailure);
        Assert.Empty(result.CompilerWarnings.Select(CorpusReport.Describe));
    }

    [Fact]
    public void RunnerException_IsARunnerError_NotAGeneratorCrash()
    {
        // A fragment path the runner cannot resolve (a NUL character) throws inside the runner's own counting.
        var document = new CorpusDocument("ref.yaml", "/malformed/ref.yaml", "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a: {$ref: 'item.yaml'}\n", "Malformed.Ref", [new("/malformed/\0item.yaml", "get: {responses: {'204': {description: done}}}")]);

        var result = CorpusRunner.RunOne(document, CorpusRunner.DefaultTimeout);

        Assert.Equal(Outcome.RunnerError, result.Outcome);
        Assert.StartsWith("runner error (not the generator's)", result.Failure, StringComparison.Ordinal);
        Assert.Contains("**runner error**", CorpusReport.Row(result), StringComparison.Ordinal);
        Assert.False(CorpusReport.IsGreen([result]));
    }

    [Fact]
    public void Dump_WritesLongAndOddNamesWithinTheFileNameLimit()
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "corpus-dump-" + Guid.NewGuid().ToString("N"));
        var result = new DocumentResult
        {
            Name = "deep/" + new string('d', 400) + ".yaml",
            Outcome = Outcome.Ok,
            Sources = [new(new string('S', 20_025) + ".g.cs", "// a"), new(new string('S', 20_024) + "T.g.cs", "// b"), new("Short.g.cs", "// c")],
        };
        try
        {
            CorpusReport.Dump([result], directory);

            var folder = Assert.Single(System.IO.Directory.GetDirectories(directory));
            var files = System.IO.Directory.GetFiles(folder).Select(System.IO.Path.GetFileName).ToList();
            Assert.Equal(4, files.Count);
            Assert.Contains("Short.g.cs", files);
            Assert.All(files.Append(System.IO.Path.GetFileName(folder)), f => Assert.InRange(f!.Length, 1, CorpusReport.MaxFileName));
        }
        finally
        {
            if (System.IO.Directory.Exists(directory))
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static DocumentResult Run(string name, string text) =>
        CorpusRunner.RunOne(new CorpusDocument(name, "/malformed/" + name, text, "Malformed." + CorpusRunner.NamespaceFor(name).Substring("Corpus.".Length), []), CorpusRunner.DefaultTimeout);
}
