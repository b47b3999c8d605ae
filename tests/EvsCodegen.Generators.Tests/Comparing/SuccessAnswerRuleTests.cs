using EvsCodegen.Generators.Tests.Comparing;
using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

// In the Diagnostics namespace so GeneratorDiagnosticsTests.EveryDiagnosticId_IsCoveredByATestInThisFolder sees them.
namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>
/// The success answer (the response the generated method returns and the server answers a completed call with) compared
/// between baseline and document, each change in both directions: EVS3035 (another result), EVS3036 (another status),
/// EVS3012 for a removed <c>default</c> that was the success answer, and the changes that must stay silent.
/// </summary>
public sealed class SuccessAnswerRuleTests
{
    /// <summary>listPets answers its default (Pet) on success; createPet 201 (Pet), its default the error; deletePet a bodiless 200.</summary>
    private const string Shipped = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                default: {description: any, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
            post:
              operationId: createPet
              responses:
                '201': {description: created, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
                default: {description: failed, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}
          /pets/{id}:
            delete:
              operationId: deletePet
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '200': {description: deleted}
                '404': {description: none}
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
        """;

    private const string ListDefault = "        default: {description: any, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}\n";

    private const string ListResponses = "      operationId: listPets\n      responses:\n";

    private const string CreateCreated = "        '201': {description: created, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}\n";

    private static MarkedText Edit(params (string Old, string New)[] edits) => Gate.EditOf(Shipped, edits);

    /// <summary>The IDs the gate reports for <paramref name="current"/> against <paramref name="shipped"/>, in order.</summary>
    private static string[] Ids(string current, string shipped = Shipped) => [.. Gate.Run(current, shipped).Select(d => d.Id)];

    [Fact]
    public void Evs3035_SuccessAddedBelowADefaultThatWasTheSuccessAnswer_IsAnErrorAtTheNewResponse()
    {
        var current = Edit((ListDefault, "        ⟦'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}\n" + ListDefault));

        var diagnostic = Gate.Single(current, Shipped, "EVS3035", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3035"], Ids(current.Text));
        Assert.Equal(
            "The success answer of 'GET /pets' changed from the default response to the 200 response: the generated method's result is Problem instead of Pet, so code compiled against it no longer compiles and clients reading the baseline's answer break [/paths/~1pets/get/responses/200]",
            diagnostic.GetMessage());
    }

    [Fact]
    public void Evs3035_SuccessRemovedSoTheDefaultAnswers_IsAnErrorAtTheDefaultBesideTheRemoval()
    {
        var shipped = Shipped.Replace(ListDefault, "        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}\n" + ListDefault, StringComparison.Ordinal);
        var current = Gate.EditOf(shipped, ("        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}\n        default:", "        ⟦default:"));

        var diagnostic = Gate.Single(current, shipped, "EVS3035", DiagnosticSeverity.Error);

        // The 200 clients expect is gone (EVS3012), and the method now returns the default's type (EVS3035): two facts.
        Assert.Equal(["EVS3012", "EVS3035"], Ids(current.Text, shipped));
        Assert.Contains("from the 200 response to the default response: the generated method's result is Pet instead of Problem", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3035_DefaultAddedToAnOperationWithoutSuccessAnswer_IsAnErrorAtTheDefault()
    {
        var shipped = Shipped.Replace(ListDefault, "        '404': {description: none}\n", StringComparison.Ordinal);
        var current = Gate.EditOf(shipped, ("      operationId: listPets\n      responses:\n        '404': {description: none}\n", "      operationId: listPets\n      responses:\n        '404': {description: none}\n        ⟦" + ListDefault.TrimStart()));

        var diagnostic = Gate.Single(current, shipped, "EVS3035", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3035"], Ids(current.Text, shipped));
        Assert.Contains("from none to the default response: the generated method's result is Pet instead of no value", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3035_RedirectDeclaredBesideADefaultSuccess_IsAnErrorAtTheResponses()
    {
        // A declared 3xx says the operation's non-error answers are those: the default is the error answer only.
        var current = Edit((ListResponses, "      operationId: listPets\n      ⟦responses:\n        '302': {description: moved}\n"));

        var diagnostic = Gate.Single(current, Shipped, "EVS3035", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3035"], Ids(current.Text));
        Assert.Contains("from the default response to none: the generated method's result is no value instead of Pet", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("[/paths/~1pets/get/responses]", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3035_RedirectRemovedSoTheDefaultIsTheSuccessAnswer_IsAnErrorAtTheDefault()
    {
        var shipped = Shipped.Replace(ListResponses, ListResponses + "        '302': {description: moved}\n", StringComparison.Ordinal);
        var current = Gate.EditOf(shipped, ("        '302': {description: moved}\n        default:", "        ⟦default:"));

        Gate.Single(current, shipped, "EVS3035", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3013", "EVS3035"], Ids(current.Text, shipped));
    }

    [Fact]
    public void Evs3035_BodyAddedToABodilessSuccessAnswer_IsAnErrorAtTheResponse()
    {
        var current = Edit(("        '200': {description: deleted}", "        ⟦'200': {description: deleted, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}"));

        var diagnostic = Gate.Single(current, Shipped, "EVS3035", DiagnosticSeverity.Error);

        // The new media type is an info of its own; the method's result went from Task to Task<Pet>.
        Assert.Equal(["EVS3031", "EVS3035"], Ids(current.Text));
        Assert.Contains("from the 200 response without a body to the 200 response: the generated method's result is Pet instead of no value", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SuccessBodyRemoved_IsTheMediaTypeRemovalOnly()
    {
        var shipped = Shipped.Replace("        '200': {description: deleted}", "        '200': {description: deleted, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}", StringComparison.Ordinal);

        Assert.Equal(["EVS3014"], Ids(Shipped, shipped));
    }

    [Fact]
    public void Evs3035_SuccessOfAnotherTypeAddedBelowTheSuccessAnswer_IsAnErrorAtTheNewResponse()
    {
        var current = Edit((CreateCreated, "        ⟦'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}\n" + CreateCreated));

        Gate.Single(current, Shipped, "EVS3035", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3035"], Ids(current.Text));
    }

    [Fact]
    public void Evs3035_FileAddedBelowADefaultSuccess_IsAnErrorNamingTheFile()
    {
        var current = Edit((ListDefault, "        ⟦'200': {description: ok, content: {application/octet-stream: {schema: {type: string, format: binary}}}}\n" + ListDefault));

        var diagnostic = Gate.Single(current, Shipped, "EVS3035", DiagnosticSeverity.Error);

        Assert.Contains("the generated method's result is a file (ApiFile) instead of Pet", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3012_DefaultThatWasTheSuccessAnswerRemoved_IsAnErrorAtTheResponses()
    {
        var current = Edit((ListResponses + ListDefault, "      operationId: listPets\n      ⟦responses:\n        '404': {description: none}\n"));

        var diagnostic = Gate.Single(current, Shipped, "EVS3012", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3012"], Ids(current.Text));
        Assert.StartsWith("The success response default of 'GET /pets' was removed", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultThatWasOnlyTheErrorAnswerRemoved_StaysInformation()
    {
        var current = Edit(("        default: {description: failed, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}\n", string.Empty));

        Assert.Equal(["EVS3013"], Ids(current.Text));
    }

    [Fact]
    public void SuccessStatusReplacedWithTheSameBody_IsTheRemovalOnly()
    {
        // 201 → 200 with the same Pet: the method's result is unchanged, and the removal of 201 says what changed on the wire.
        var current = Edit(("        '201': {description: created,", "        '200': {description: created,"));

        Assert.Equal(["EVS3012"], Ids(current.Text));
    }

    [Fact]
    public void Evs3036_SuccessOfTheSameTypeAddedBelowTheSuccessAnswer_IsAWarningAtTheNewResponse()
    {
        var current = Edit((CreateCreated, "        ⟦'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}\n" + CreateCreated));

        var diagnostic = Gate.Single(current, Shipped, "EVS3036", DiagnosticSeverity.Warning);

        Assert.Equal(["EVS3036"], Ids(current.Text));
        Assert.Equal(
            "The success status of 'POST /pets' changed from 201 to 200: the generated method's result is unchanged, but a completed call is now answered 200, and clients that accept only the baseline's statuses fail [/paths/~1pets/post/responses/200]",
            diagnostic.GetMessage());
    }

    [Fact]
    public void Evs3036_StatusAddedBelowASuccessRange_IsAWarningNamingTheRange()
    {
        var shipped = Shipped.Replace("        '201': {description: created,", "        '2XX': {description: created,", StringComparison.Ordinal);
        var current = Gate.EditOf(shipped, ("        '2XX':", "        ⟦'201': {description: created, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}\n        '2XX':"));

        var diagnostic = Gate.Single(current, shipped, "EVS3036", DiagnosticSeverity.Warning);

        Assert.Equal(["EVS3036"], Ids(current.Text, shipped));
        Assert.Contains("changed from 200 (2XX) to 201", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void LowerSuccessRemovedSoTheHigherAnswers_IsTheRemovalOnly()
    {
        var shipped = Shipped.Replace(CreateCreated, "        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}\n" + CreateCreated, StringComparison.Ordinal);

        Assert.Equal(["EVS3012"], Ids(Shipped, shipped));
    }

    [Fact]
    public void Evs3036_DefaultSuccessReplacedByAnotherStatus_IsAWarningBesideTheDefaultsErrorRole()
    {
        var current = Edit((ListDefault, "        ⟦'201': {description: created, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}\n"));

        var diagnostic = Gate.Single(current, Shipped, "EVS3036", DiagnosticSeverity.Warning);

        // The default's other role, the error answer of every other status, is what was removed (EVS3013).
        Assert.Equal(["EVS3013", "EVS3036"], Ids(current.Text));
        Assert.Contains("changed from 200 (default) to 201", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherStatusReplacedByADefaultSuccess_IsTheRemovalOnly()
    {
        var shipped = Shipped.Replace(ListDefault, "        '201': {description: created, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}\n", StringComparison.Ordinal);

        Assert.Equal(["EVS3012"], Ids(Shipped, shipped));
    }

    [Fact]
    public void SuccessMovedToAnotherResponse_ComparesTheTwoAnswersMediaTypes()
    {
        var current = Edit((ListDefault, "        '200': {description: ok, ⟦content: {application/xml: {schema: {$ref: '#/components/schemas/Pet'}}}}\n"));

        var diagnostic = Gate.Single(current, Shipped, "EVS3014", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3013", "EVS3014", "EVS3031"], Ids(current.Text));
        Assert.StartsWith("The media type 'application/json' of the success answer of 'GET /pets' was removed (now: application/xml)", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SuccessMovedToAnotherResponse_ComparesTheTwoAnswersSchemas()
    {
        // Pet is answered by listPets only, so nothing but the pair (default before, 200 now) compares its two versions.
        var shipped = Shipped.Replace(CreateCreated, CreateCreated.Replace("/Pet'", "/Problem'", StringComparison.Ordinal), StringComparison.Ordinal);
        var current = Gate.EditOf(
            shipped,
            (ListDefault, "        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}\n"),
            ("        name: {type: string}\n", "        ⟦name: {type: integer}\n"));

        Gate.Single(current, shipped, "EVS3006", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3013", "EVS3006"], Ids(current.Text, shipped));
    }

    [Fact]
    public void SuccessOfTheSameTypeAddedBelowADefaultSuccess_ReportsNothing()
    {
        // Same result, same status (a default success is answered 200): nothing changes for code or clients.
        var current = Edit((ListDefault, "        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}\n" + ListDefault));

        Assert.Empty(Gate.Run(current.Text, Shipped));
    }

    [Fact]
    public void SuccessOfTheSameTypeRemovedBesideADefault_IsTheRemovalOnly()
    {
        var shipped = Shipped.Replace(ListDefault, "        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}\n" + ListDefault, StringComparison.Ordinal);

        Assert.Equal(["EVS3012"], Ids(Shipped, shipped));
    }

    [Fact]
    public void SuccessAddedAboveTheSuccessAnswer_ReportsNothing()
    {
        // A 202 beside the 200 leaves the 200 the success answer: a `…WithResponseAsync` appears, the method is unchanged.
        var current = Edit(("        '200': {description: deleted}\n", "        '200': {description: deleted}\n        '202': {description: accepted, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}\n"));

        Assert.Empty(Gate.Run(current.Text, Shipped));
    }

    [Fact]
    public void SuccessAnswerOfARenamedSchema_IsTheRenameOnly()
    {
        var current = Edit(
            (ListDefault, "        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Animal'}}}}\n"),
            (CreateCreated, "        '201': {description: created, content: {application/json: {schema: {$ref: '#/components/schemas/Animal'}}}}\n"),
            ("    Pet:\n", "    Animal:\n"));

        Assert.Equal(["EVS3013", "EVS3016"], Ids(current.Text));
    }

    [Fact]
    public void Changelog_ListsSuccessAnswerChangesByLevel()
    {
        var current = Edit(
            (ListDefault, "        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}\n" + ListDefault),
            (CreateCreated, "        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}\n" + CreateCreated));

        var run = GeneratorHarness.Run(
            [OpenApiFile.Create(DiagnosticAssert.DocumentPath, current.Text, "models"), OpenApiFile.Fragment(Gate.ShippedPath, Shipped)],
            new Dictionary<string, string> { ["EvsCodegenChangelog"] = "true" });

        var markdown = string.Join("\n", run.Source("test-api.OpenApiChangelog.g.cs").Split('\n').Where(l => l.StartsWith("//|", StringComparison.Ordinal)));
        var errors = markdown.IndexOf("Breaking (error)", StringComparison.Ordinal);
        var warnings = markdown.IndexOf("Possibly breaking (warning)", StringComparison.Ordinal);
        var breaking = markdown.IndexOf("- EVS3035 (line 8): The success answer of 'GET /pets' changed", StringComparison.Ordinal);
        var possibly = markdown.IndexOf("- EVS3036 (line 13): The success status of 'POST /pets' changed from 201 to 200", StringComparison.Ordinal);
        Assert.True(errors >= 0 && breaking > errors && warnings > breaking && possibly > warnings, markdown);
    }
}
