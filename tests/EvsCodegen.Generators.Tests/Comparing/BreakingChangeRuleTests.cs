using EvsCodegen.Generators.Tests.Comparing;
using Microsoft.CodeAnalysis;

// In the Diagnostics namespace so GeneratorDiagnosticsTests.EveryDiagnosticId_IsCoveredByATestInThisFolder sees them.
namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>EVS30xx: one shipped/edited document pair per rule of the breaking-change gate, with ID, level and position.</summary>
public sealed class BreakingChangeRuleTests
{
    private const string PostOperation = """
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

        """;

    [Fact]
    public void Evs3001_RemovedOperation_IsAnErrorAtThePathThatLostIt()
    {
        var current = Gate.Edit((PostOperation, string.Empty), ("  /pets:\n", "  ⟦/pets:\n"));

        var diagnostic = Gate.Single(current, "EVS3001", DiagnosticSeverity.Error);

        Assert.Contains("'POST /pets' (createPet) was removed", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("[/paths/~1pets/post]", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3001_RemovedPath_IsReportedAtPaths()
    {
        var current = Gate.Edit(
            ("  /pets/{id}:\n    get:\n      operationId: getPet\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n      responses:\n        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}\n", string.Empty),
            ("paths:\n", "⟦paths:\n"));

        Gate.Single(current, "EVS3001", DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs3001_AcceptedBreak_IsNotReported()
    {
        var current = Gate.Edit((PostOperation, string.Empty));

        var diagnostics = Gate.Run(current.Text, metadata: ("OpenApiAcceptedBreaks", "EVS3001:/paths/~1pets/post,EVS3018:/paths/~1pets/post"));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Evs3001_BaselineNamedByMetadata_IsUsed()
    {
        var current = Gate.Edit((PostOperation, string.Empty));

        var diagnostics = EvsCodegen.TestSupport.GeneratorHarness.Run(
            EvsCodegen.TestSupport.OpenApiFile.Create(Infrastructure.DiagnosticAssert.DocumentPath, current.Text, "models", "Test.Api", ("OpenApiBaseline", "../released/v1.yaml")),
            EvsCodegen.TestSupport.OpenApiFile.Fragment("/project/released/v1.yaml", Gate.Shipped)).Diagnostics;

        Assert.Contains(diagnostics, d => d.Id == "EVS3001");
    }

    [Fact]
    public void Evs3002_RemovedParameter_IsAnErrorAtTheOperation()
    {
        var current = Gate.Edit(
            ("      parameters:\n        - {name: limit, in: query, schema: {type: integer, format: int32, maximum: 100}}\n", string.Empty),
            ("    get:\n      operationId: listPets", "    ⟦get:\n      operationId: listPets"));

        var diagnostic = Gate.Single(current, "EVS3002", DiagnosticSeverity.Error);

        Assert.Contains("'limit' (query) of 'GET /pets'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3003_NewRequiredParameter_IsAnErrorAtTheParameter()
    {
        var current = Gate.Edit(("schema: {type: string}}\n", "schema: {type: string}}\n        - ⟦{name: verbose, in: query, required: true, schema: {type: boolean}}\n"));

        Gate.Single(current, "EVS3003", DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs3003_ParameterBecameRequired_IsAnErrorAtTheParameter()
    {
        var current = Gate.Edit(("        - {name: limit, in: query, schema", "        - ⟦{name: limit, in: query, required: true, schema"));

        Gate.Single(current, "EVS3003", DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs3004_RemovedResponseProperty_IsAnErrorAtTheSchemasProperties()
    {
        var current = Gate.Edit(
            ("        tag: {type: string}\n", string.Empty),
            ("      required: [id, name]\n      properties:", "      required: [id, name]\n      ⟦properties:"));

        var diagnostic = Gate.Single(current, "EVS3004", DiagnosticSeverity.Error);

        Assert.EndsWith("[/components/schemas/Pet/properties/tag]", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3005_NewRequiredRequestProperty_IsAnErrorAtTheProperty()
    {
        var current = Gate.Edit(
            ("      required: [name]\n", "      required: [name, age]\n"),
            ("        note: {type: string, nullable: true}\n", "        note: {type: string, nullable: true}\n        ⟦age: {type: integer}\n"));

        Gate.Single(current, "EVS3005", DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs3005_RequestPropertyBecameRequired_IsAnErrorAtTheProperty()
    {
        var current = Gate.Edit(
            ("      required: [name]\n", "      required: [name, kind]\n"),
            ("        kind: {$ref", "        ⟦kind: {$ref"));

        Gate.Single(current, "EVS3005", DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs3006_PropertyTypeChanged_IsAnErrorAtTheProperty()
    {
        var current = Gate.Edit(("        id: {type: string, maxLength: 36}", "        ⟦id: {type: integer}"));

        var diagnostic = Gate.Single(current, "EVS3006", DiagnosticSeverity.Error);

        Assert.Contains("changed from string to integer/", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3006_ParameterFormatChanged_IsAnErrorAtTheParameter()
    {
        var current = Gate.Edit(("        - {name: limit, in: query, schema: {type: integer, format: int32", "        - ⟦{name: limit, in: query, schema: {type: integer, format: int64"));

        Gate.Single(current, "EVS3006", DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs3007_EnumValueRemovedFromARequest_IsAnErrorAtTheEnum()
    {
        var current = Gate.Edit(("      enum: [cat, dog]", "      ⟦enum: [cat]"));

        var diagnostic = Gate.Single(current, "EVS3007", DiagnosticSeverity.Error);

        Assert.StartsWith("The value 'dog' was removed from 'Kind'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3008_EnumValueAddedToAResponse_IsAWarningAtTheEnum()
    {
        var current = Gate.Edit(("      enum: [available, sold]", "      ⟦enum: [available, sold, pending]"));

        Gate.Single(current, "EVS3008", DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Evs3009_RequestMaxLengthTightened_IsAnErrorAtTheProperty()
    {
        var current = Gate.Edit(("        name: {type: string, maxLength: 50}", "        ⟦name: {type: string, maxLength: 40}"));

        var diagnostic = Gate.Single(current, "EVS3009", DiagnosticSeverity.Error);

        Assert.StartsWith("'maxLength' of the property 'name' of 'NewPet' was tightened from 50 to 40", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3009_RequestPatternAdded_IsAnError()
    {
        var current = Gate.Edit(("        name: {type: string, maxLength: 50}", "        ⟦name: {type: string, maxLength: 50, pattern: '^[a-z]+$'}"));

        Gate.Single(current, "EVS3009", DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs3010_ResponseMaxLengthLoosened_IsAWarningAtTheProperty()
    {
        var current = Gate.Edit(("        id: {type: string, maxLength: 36}", "        ⟦id: {type: string, maxLength: 64}"));

        Gate.Single(current, "EVS3010", DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Evs3011_NullableRemovedOnARequest_IsAnErrorAtTheProperty()
    {
        var current = Gate.Edit(("        note: {type: string, nullable: true}", "        ⟦note: {type: string}"));

        var diagnostic = Gate.Single(current, "EVS3011", DiagnosticSeverity.Error);

        Assert.Contains("is no longer nullable", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3011_NullableAddedOnAResponse_IsAnErrorAtTheProperty()
    {
        var current = Gate.Edit(("        tag: {type: string}", "        ⟦tag: {type: string, nullable: true}"));

        var diagnostic = Gate.Single(current, "EVS3011", DiagnosticSeverity.Error);

        Assert.Contains("may now be null", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3012_SuccessResponseRemoved_IsAnErrorAtTheResponses()
    {
        var current = Gate.Edit(
            ("        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}", "        '204': {description: gone}"),
            ("schema: {type: string}}\n      responses:", "schema: {type: string}}\n      ⟦responses:"));

        Gate.Single(current, "EVS3012", DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs3013_ErrorResponseRemoved_IsInformationAtTheResponses()
    {
        var current = Gate.Edit(
            ("        '404': {description: none}\n", string.Empty),
            ("maximum: 100}}\n      responses:", "maximum: 100}}\n      ⟦responses:"));

        Gate.Single(current, "EVS3013", DiagnosticSeverity.Info);
    }

    [Fact]
    public void Evs3014_ResponseMediaTypeReplaced_IsAnErrorAtTheContent()
    {
        var current = Gate.Edit(("        '200': {description: ok, content: {application/json:", "        '200': {description: ok, ⟦content: {application/problem+json:"));

        var diagnostic = Gate.Single(current, "EVS3014", DiagnosticSeverity.Error);

        Assert.StartsWith("The media type 'application/json' of the 200 response of 'GET /pets/{id}' was removed (now: application/problem+json)", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3015_OperationIdRenamed_IsAnErrorForCompiledCodeAtTheOperationId()
    {
        var current = Gate.Edit(("      operationId: getPet", "      ⟦operationId: fetchPet"));

        var diagnostic = Gate.Single(current, "EVS3015", DiagnosticSeverity.Error);

        Assert.Contains("the wire is unchanged, but code compiled against the generated method 'GetPetAsync' no longer compiles", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3016_SchemaRenamed_IsAnErrorForCompiledCodeAtTheNewName()
    {
        var current = Gate.Edit(
            ("    Status:\n", "    ⟦PetStatus:\n"),
            ("'#/components/schemas/Status'", "'#/components/schemas/PetStatus'"));

        var all = Gate.Run(current.Text);

        var diagnostic = Assert.Single(all);
        Infrastructure.DiagnosticAssert.At(diagnostic, "EVS3016", current.Position);
        Assert.StartsWith("The schema 'Status' was renamed to 'PetStatus'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3017_DeprecationAdded_IsInformationAtTheDeprecatedKeyword()
    {
        var current = Gate.Edit(("      operationId: getPet\n", "      operationId: getPet\n      ⟦deprecated: true\n"));

        Gate.Single(current, "EVS3017", DiagnosticSeverity.Info);
    }

    [Fact]
    public void Evs3018_RemovalWithoutPriorDeprecation_IsAWarningBesideTheRemoval()
    {
        var current = Gate.Edit((PostOperation, string.Empty), ("  /pets:\n", "  ⟦/pets:\n"));

        Gate.Single(current, "EVS3018", DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Evs3018_RemovalOfADeprecatedOperation_IsOnlyTheRemoval()
    {
        var shipped = Gate.Shipped.Replace("operationId: createPet\n", "operationId: createPet\n      deprecated: true\n", StringComparison.Ordinal);
        var current = Gate.Edit((PostOperation, string.Empty));

        var diagnostics = Gate.Run(current.Text, shipped);

        Assert.Equal(["EVS3001"], diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Evs3019_ResponsePropertyNoLongerRequired_IsAnErrorAtTheProperty()
    {
        var current = Gate.Edit(
            ("      required: [id, name]\n", "      required: [id]\n"),
            ("        name: {type: string}\n", "        ⟦name: {type: string}\n"));

        Gate.Single(current, "EVS3019", DiagnosticSeverity.Error);
        Assert.Equal(["EVS3019"], Gate.Run(current.Text).Select(d => d.Id));
    }

    [Fact]
    public void Evs3020_RequestBodyBecameRequired_IsAnErrorAtTheRequestBody()
    {
        var shipped = Gate.Shipped.Replace("      requestBody:\n        required: true\n", "      requestBody:\n", StringComparison.Ordinal);
        var current = Infrastructure.MarkedText.Parse(Gate.Shipped.Replace("      requestBody:\n", "      ⟦requestBody:\n", StringComparison.Ordinal));

        var diagnostic = Assert.Single(Gate.Run(current.Text, shipped));

        Infrastructure.DiagnosticAssert.At(diagnostic, "EVS3020", current.Position);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }
}
