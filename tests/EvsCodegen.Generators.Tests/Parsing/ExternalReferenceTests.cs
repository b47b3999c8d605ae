using EvsCodegen.Generators.Emitting;
using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Parsing;

/// <summary>
/// <c>$ref</c>s across files: the named file must be an AdditionalFiles item (never read from disk or network), is
/// resolved relative to the file holding the reference (so a fragment's own relative and local references work),
/// and a problem inside a fragment is reported in the fragment at its line.
/// </summary>
public sealed class ExternalReferenceTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: Pets, version: '1'}
        paths:
          /pets/{id}:
            $ref: './paths/pet.yaml'
        components:
          schemas:
            Owner:
              type: object
              properties:
                pet: {$ref: 'schemas/common.yaml#/Pet'}
                kind: {$ref: 'schemas/kind.yaml'}
        """;

    private const string PathItem = """
        get:
          operationId: getPet
          parameters:
            - {name: id, in: path, required: true, schema: {type: string}}
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: {$ref: '../schemas/common.yaml#/Pet'}
        """;

    private const string Common = """
        Pet:
          type: object
          required: [name]
          properties:
            name: {type: string, maxLength: 20}
            tag: {$ref: '#/Tag'}
            kind: {$ref: './kind.yaml'}
        Tag:
          type: object
          properties:
            label: {type: string}
        """;

    private const string Kind = """
        type: string
        enum: [dog, cat]
        """;

    private static OpenApiFile[] Files(string common = Common) =>
    [
        // Owner, which no operation reaches, is generated too: Kind is reached from it and from a fragment.
        OpenApiFile.Create("/api/pets.yaml", Document, metadata: ("OpenApiModels", "all")),
        OpenApiFile.Fragment("/api/paths/pet.yaml", PathItem),
        OpenApiFile.Fragment("/api/schemas/common.yaml", common),
        OpenApiFile.Fragment("/api/schemas/kind.yaml", Kind),
    ];

    [Fact]
    public void ReferencesAcrossFiles_ResolveRelativeToTheReferringFile_AndCompile()
    {
        var run = GeneratorHarness.Run(Files());

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.CompilerProblems(run.OutputCompilation));
        var pet = run.Sources.Single(s => s.HintName.EndsWith(".Models.Pet.g.cs", StringComparison.Ordinal)).Text;
        Assert.Contains("public required string Name { get; init; }", pet, StringComparison.Ordinal);
        Assert.Contains("public Tag? Tag { get; init; }", pet, StringComparison.Ordinal);
        Assert.Contains("public Kind? Kind { get; init; }", pet, StringComparison.Ordinal);
        Assert.Contains("new() { MaxLength = 20 }", pet, StringComparison.Ordinal);
        Assert.Contains("Task<Pet> GetPetAsync(string id", run.Sources.Single(s => s.HintName.Contains(".Contracts.", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
        // One type per schema node, however many files reach it.
        Assert.Single(run.Sources, s => s.HintName.EndsWith(".Models.Kind.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void FragmentReferringBackIntoTheDocument_ResolvesToTheDocument()
    {
        var run = GeneratorHarness.Run(
            OpenApiFile.Create("/api/doc.yaml", """
                openapi: 3.0.3
                info: {title: T, version: '1'}
                paths: {}
                components:
                  schemas:
                    Owner: {type: object, properties: {pet: {$ref: 'schemas/pet.yaml'}}}
                    Tag: {type: object, properties: {label: {type: string}}}
                """),
            OpenApiFile.Fragment("/api/schemas/pet.yaml", """
                type: object
                properties:
                  tag: {$ref: '../doc.yaml#/components/schemas/Tag'}
                """));

        Assert.Empty(run.Diagnostics);
        Assert.Contains("public Tag? Tag { get; init; }", run.Sources.Single(s => s.HintName.EndsWith(".Models.Pet.g.cs", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'../doc.yaml#/components/schemas/Missing'")]
    [InlineData("'../DOC.yaml#/components/schemas/Missing'")]
    public void FileFoundWithNothingAtThePointer_SaysSo(string reference)
    {
        var run = GeneratorHarness.Run(
            OpenApiFile.Create("/api/doc.yaml", """
                openapi: 3.0.3
                info: {title: T, version: '1'}
                paths: {}
                components:
                  schemas:
                    Owner: {type: object, properties: {pet: {$ref: 'schemas/pet.yaml'}}}
                """),
            OpenApiFile.Fragment("/api/schemas/pet.yaml", "type: object\nproperties:\n  tag: {$ref: REF}\n".Replace("REF", reference, StringComparison.Ordinal)));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("EVS1004", diagnostic.Id);
        Assert.EndsWith("cannot be resolved: the file has nothing at that pointer; the value is typed as JsonElement", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReferenceSpelledInAnotherCase_FindsTheOneItemThatMatches()
    {
        var run = GeneratorHarness.Run(
            OpenApiFile.Create("/api/doc.yaml", """
                openapi: 3.0.3
                info: {title: T, version: '1'}
                paths: {}
                components:
                  schemas:
                    Owner: {type: object, properties: {pet: {$ref: 'Schemas/Pet.yaml'}}}
                """),
            OpenApiFile.Fragment("/api/schemas/pet.yaml", "type: object\nproperties:\n  name: {type: string}\n"));

        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".Models.Pet.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void FileThatIsNotAnAdditionalFilesItem_IsEvs1004AtTheReference_NamingThePathLookedFor()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Owner:
                  type: object
                  properties:
                    pet: {$ref: ⟦'../elsewhere/pet.yaml'}
            """);

        var diagnostic = DiagnosticAssert.Single(GeneratorHarness.Run(OpenApiFile.Create("/project/openapi/test-api.yaml", document.Text)).Diagnostics.ToList(), "EVS1004", document.Position);

        Assert.Contains("no AdditionalFiles item has the path '/project/elsewhere/pet.yaml'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com/pet.yaml")]
    [InlineData("file:///etc/passwd")]
    public void Url_IsNeverFetched(string url)
    {
        var run = GeneratorHarness.Run(OpenApiFile.Create("/api/doc.yaml", """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Owner: {type: object, properties: {pet: {$ref: 'URL'}}}
            """.Replace("URL", url, StringComparison.Ordinal)));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("EVS1004", diagnostic.Id);
        Assert.Contains("never URLs", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ProblemInsideAFragment_IsReportedInTheFragmentAtItsLine()
    {
        var common = Common.Replace("tag: {$ref: '#/Tag'}", "tag: {$ref: '#/Missing'}", StringComparison.Ordinal);

        var diagnostic = Assert.Single(GeneratorHarness.Run(Files(common)).Diagnostics);

        Assert.Equal("EVS1004", diagnostic.Id);
        Assert.Equal("/api/schemas/common.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(5, diagnostic.Location.GetLineSpan().StartLinePosition.Line); // zero-based: the sixth line
    }

    [Fact]
    public void UnreadableFragment_IsEvs1004SayingWhy()
    {
        var diagnostics = GeneratorHarness.Run(
            OpenApiFile.Create("/api/doc.yaml", """
                openapi: 3.0.3
                info: {title: T, version: '1'}
                paths: {}
                components:
                  schemas:
                    Owner: {type: object, properties: {pet: {$ref: 'bad.yaml'}}}
                """),
            OpenApiFile.Fragment("/api/bad.yaml", "a: [unclosed")).Diagnostics;

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("EVS1004", diagnostic.Id);
        Assert.Contains("the file cannot be read", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void EditingAFragment_ReparsesOnlyTheDocumentsThatReferToOtherFiles()
    {
        var other = OpenApiFile.Create("/api/other.yaml", """
            openapi: 3.0.3
            info: {title: Other, version: '1'}
            paths: {}
            components: {schemas: {Thing: {type: object, properties: {id: {type: string}}}}}
            """, ns: "Other.Api");
        var files = Files().Append(other).ToArray();
        var texts = files.Select(f => f.ToAdditionalText()).ToArray();
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(texts, GeneratorHarness.OptionsProvider(files)).RunGenerators(compilation);
        var edited = OpenApiFile.Fragment("/api/schemas/kind.yaml", Kind.Replace("cat]", "cat, bird]", StringComparison.Ordinal));

        var result = driver.ReplaceAdditionalText(texts[3], edited.ToAdditionalText()).RunGenerators(compilation).GetRunResult().Results[0];

        var parsed = result.TrackedSteps[TrackingNames.Parsed].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal([IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached], parsed);
        var units = result.TrackedSteps[TrackingNames.Units].SelectMany(s => s.Outputs)
            .Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New)
            .Select(o => ((EmitUnitModel)o.Value).HintName);
        Assert.Equal(["Pets.Models.Kind.g.cs"], units);
    }
}
