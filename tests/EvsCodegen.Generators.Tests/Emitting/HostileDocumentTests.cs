using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>Text from the document is untrusted: no name, description or value can change what compiles.</summary>
public sealed class HostileDocumentTests
{
    private const string Document = """
        openapi: 3.0.3
        info:
          title: "Title */ </summary> \" \\ <c>"
          version: "1\"; class Injected0 {} //"
        tags:
          - name: "items\" + x + \""
            description: "</summary> <summary> */ class Injected1 {} /*"
        paths:
          "/items/{item-id}/{class}/literal{x}":
            get:
              tags: ["items\" + x + \""]
              operationId: "get\"Item\nclass Injected2 {}"
              summary: "Line one\n}\nclass Injected3 {}\n/// <summary>"
              description: "</remarks></summary><code>\r\n#error injected"
              parameters:
                - name: item-id
                  in: path
                  required: true
                  description: "\"; class Injected4 {} //"
                  schema: {type: string}
                - name: class
                  in: path
                  required: true
                  schema: {type: integer}
                - name: x
                  in: path
                  required: true
                  schema: {type: string}
                - name: "q\"uery\\"
                  in: query
                  schema: {type: string, enum: ["a\"b", "c\\d", "e\nf"]}
                - name: "X-Header\""
                  in: header
                  schema: {type: array, items: {type: string}}
              responses:
                '200':
                  description: "*/ }"
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Item'}
        components:
          schemas:
            Item:
              type: object
              description: "A <b>bold</b> & \"quoted\" item.\n\n    indented code\n\u2028/// <summary>"
              required: ["na\"me"]
              properties:
                "na\"me": {type: string, description: "*/ #pragma warning disable", pattern: "^[\"\\\\]*$"}
                "\u0000null\u0001": {type: string}
                "event": {type: integer, minimum: -1e3, maximum: 1.5E+2}
                "params": {type: array, items: {type: string, maxLength: 3}}
                "with space": {$ref: '#/components/schemas/Kind'}
                "bidi\u202Eevil\u2066": {type: string, description: "admin\u202E } \u2067\u2068\u2069 \u202A\u202B\u202C\u202D", default: "x\u202Ey", pattern: "^\u2066a$"}
            Kind:
              type: string
              description: "<![CDATA[ ]]> <!-- -->"
              enum: ["\"", "\\", "", "null", "Kind", "a\u202Eb"]
        """;

    private static readonly Lazy<GeneratorRun> s_run = new(() => GeneratorHarness.Run(OpenApiFile.Create("/docs/hostile.yaml", Document)));

    [Fact]
    public void HostileDocument_GeneratesCodeThatCompilesWithoutWarnings()
    {
        var run = s_run.Value;

        Assert.Empty(run.Diagnostics);
        var problems = GeneratorHarness.CompilerProblems(run.OutputCompilation);
        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
    }

    [Fact]
    public void HostileDocument_GeneratedSourceHoldsNoRawBidiOrFormatCharacter()
    {
        // Trojan Source: a raw bidi override or isolate in a string literal or comment can make code read differently
        // from what compiles. Names drop them, doc text drops them, literals escape them (the value is unchanged).
        var run = s_run.Value;
        var offenders = run.Sources
            .SelectMany(s => s.Text.Select((c, i) => (s.HintName, c, i)))
            .Where(x => char.GetUnicodeCategory(x.c) == System.Globalization.UnicodeCategory.Format)
            .Select(x => $"{x.HintName}@{x.i}: U+{(int)x.c:X4}")
            .ToList();

        Assert.True(offenders.Count == 0, string.Join("\n", offenders.Take(20)));
        Assert.Contains(run.Sources, s => s.Text.Contains("bidi\\u202Eevil\\u2066", StringComparison.Ordinal));
        Assert.Contains(run.Sources, s => s.Text.Contains("a\\u202Eb", StringComparison.Ordinal));
    }

    [Fact]
    public void HostileDocument_InjectsNoType()
    {
        var compilation = s_run.Value.OutputCompilation;

        for (var i = 0; i <= 4; i++)
        {
            Assert.Empty(compilation.GetSymbolsWithName("Injected" + i, SymbolFilter.Type));
        }
    }
}
