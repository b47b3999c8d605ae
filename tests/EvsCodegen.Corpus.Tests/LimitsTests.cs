using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Xunit;

namespace EvsCodegen.Corpus.Tests;

/// <summary>A document that is huge, deeply nested or an alias bomb gets a diagnostic within bounded time, not a hung build.</summary>
public sealed class LimitsTests
{
    // A guard against hangs, not a speed measurement (benchmarks measure speed): generous enough for a loaded 2-core CI machine.
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(120);

    private const string Head = "openapi: 3.0.3\ninfo: {title: limits, version: '1'}\npaths: {}\n";

    [Fact]
    public void YamlAliasBomb_IsRefusedWithTooLarge()
    {
        // Ten aliases per level, nine levels: 10^9 nodes once expanded, a few hundred bytes on disk.
        var text = new StringBuilder(Head).Append("x-bomb:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level < 10; level++)
        {
            var previous = "*l" + (level - 1);
            text.Append($"  l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat(previous, 10))}]\n");
        }

        var result = Run("alias-bomb.yaml", text.ToString());
        AssertRefused(result, "EVS1005", "alias");
    }

    [Fact]
    public void AliasBombThroughSchemas_IsRefusedWithTooLarge()
    {
        // The same bomb built from schemas that reference each other's anchors, as property schemas.
        var text = new StringBuilder(Head).Append("components:\n  schemas:\n    S0: &s0 {type: object, properties: {a: {type: string}, b: {type: string}, c: {type: string}, d: {type: string}, e: {type: string}}}\n");
        for (var level = 1; level < 14; level++)
        {
            var previous = "*s" + (level - 1);
            text.Append($"    S{level}: &s{level} {{type: object, properties: {{a: {previous}, b: {previous}, c: {previous}, d: {previous}, e: {previous}}}}}\n");
        }

        var result = Run("schema-bomb.yaml", text.ToString());
        AssertRefused(result, "EVS1005", "alias");
    }

    [Fact]
    public void DeeplyNestedDocument_IsRefusedWithTooDeep()
    {
        const int depth = 100_000;
        var text = Head + "x-deep: " + new string('[', depth) + new string(']', depth) + "\n";
        var result = Run("deep.yaml", text);
        AssertRefused(result, "EVS1005", "nesting");
    }

    [Fact]
    public void DocumentWithTooManyNodes_IsRefusedWithTooLarge()
    {
        var text = Head + "x-huge: [" + string.Join(",", Enumerable.Repeat("0", 2_100_000)) + "]\n";
        var result = Run("huge.yaml", text);
        AssertRefused(result, "EVS1005", "nodes");
    }

    [Fact]
    public void DeeplyNestedSchemas_AreCutWithAWarningAndTheRestCompiles()
    {
        // 100 object levels: past the schema depth limit but within the YAML one, so the document still generates.
        var schema = new StringBuilder("{type: string}");
        for (var i = 0; i < 100; i++)
        {
            schema.Insert(0, "{type: object, properties: {inner: ").Append("}}");
        }

        var text = Head + "components:\n  schemas:\n    Deep: " + schema + "\n    Flat: {type: object, properties: {name: {type: string}}}\n";
        var result = Run("deep-schemas.yaml", text);
        Assert.Equal(Outcome.Ok, result.Outcome);
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "EVS2001" && d.GetMessage().Contains("nesting", StringComparison.Ordinal));
        Assert.Contains(result.Sources, s => s.Key.EndsWith(".Models.Flat.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void ManySchemas_GenerateAndCompileInBoundedTime()
    {
        var text = new StringBuilder(Head).Append("components:\n  schemas:\n");
        for (var i = 0; i < 200; i++)
        {
            text.Append($"    Model{i}: {{type: object, required: [id], properties: {{id: {{type: integer, format: int64}}, name: {{type: string, maxLength: 50}}, next: {{$ref: '#/components/schemas/Model{(i + 1) % 200}'}}, tags: {{type: array, items: {{type: string}}}}}}}}\n");
        }

        var result = Run("many-schemas.yaml", text.ToString());
        Assert.Equal(Outcome.Ok, result.Outcome);
        Assert.Equal(200, result.Types);
    }

    private static DocumentResult Run(string name, string text)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = CorpusRunner.RunOne(new CorpusDocument(name, "/limits/" + name, text, "Limits.Document", []), s_bound);
        stopwatch.Stop();
        Assert.NotEqual(Outcome.Hang, result.Outcome);
        Assert.True(stopwatch.Elapsed < s_bound, $"{name} took {stopwatch.Elapsed}");
        return result;
    }

    private static void AssertRefused(DocumentResult result, string id, string reason)
    {
        Assert.NotEqual(Outcome.Crash, result.Outcome);
        Assert.Equal(0, result.Files);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(Microsoft.CodeAnalysis.LocationKind.ExternalFile, diagnostic.Location.Kind);
    }
}
