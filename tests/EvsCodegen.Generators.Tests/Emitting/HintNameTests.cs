using EvsCodegen.Generators.Emitting;
using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// Hint names are file names once <c>EmitCompilerGeneratedFiles</c> is on: ordinary ones read
/// <c>{Document}.{Kind}.{Type}.g.cs</c>, long ones are capped (CS0016 past the file system's limit) and stay unique
/// and deterministic.
/// </summary>
public sealed class HintNameTests
{
    [Fact]
    public void OrdinaryName_IsDocumentKindTypeGcs()
    {
        Assert.Equal("EvsSnapshots.Models.Snapshot.g.cs", HintNames.Create("EvsSnapshots.Models.Snapshot"));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(10_000)]
    public void LongSchemaNames_GiveCappedUniqueDeterministicHintNames(int length)
    {
        // Two schemas sharing their first length-1 characters, so only the hash can tell their files apart (explicit
        // keys: YAML caps implicit keys at 1024 characters).
        var stem = new string('a', length - 1);
        var document = $$$$"""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                ? {{{{stem}}}}b
                : {type: object, properties: {x: {type: string}}}
                ? {{{{stem}}}}c
                : {type: object, properties: {x: {type: string}}}
            """;

        var first = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, document));
        var second = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, document));

        var names = first.Sources.Select(s => s.HintName).ToList();
        Assert.DoesNotContain(first.Diagnostics, d => d.Id == "CS8785");
        Assert.All(names, name => Assert.InRange(name.Length, 1, HintNames.MaxLength));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(2, names.Count(n => n.StartsWith("TestApi.Models.", StringComparison.Ordinal)));
        Assert.Equal(names, second.Sources.Select(s => s.HintName));
        Assert.DoesNotContain(GeneratorHarness.CompilerProblems(first.OutputCompilation), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void CappedName_DoesNotSplitASurrogatePair()
    {
        var stem = "Doc.Models." + string.Concat(Enumerable.Repeat("\U0001D49C", 200));

        var name = HintNames.Create(stem);

        Assert.InRange(name.Length, 1, HintNames.MaxLength);
        Assert.True(name.EnumerateRunes().All(r => r != System.Text.Rune.ReplacementChar), name);
        for (var i = 0; i < name.Length; i++)
        {
            Assert.False(char.IsHighSurrogate(name[i]) && (i + 1 == name.Length || !char.IsLowSurrogate(name[i + 1])), "a lone high surrogate");
            Assert.False(char.IsLowSurrogate(name[i]) && (i == 0 || !char.IsHighSurrogate(name[i - 1])), "a lone low surrogate");
        }
    }
}
