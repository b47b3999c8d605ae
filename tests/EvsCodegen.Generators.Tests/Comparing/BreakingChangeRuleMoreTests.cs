using EvsCodegen.Generators.Tests.Comparing;
using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

// In the Diagnostics namespace so GeneratorDiagnosticsTests.EveryDiagnosticId_IsCoveredByATestInThisFolder sees them.
namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>
/// EVS3021-EVS3034 and the parameter rules: security, readOnly/writeOnly, defaults, unions and discriminators, media
/// types and response headers; one shipped/edited pair per rule with ID, level and position.
/// </summary>
public sealed class BreakingChangeRuleMoreTests
{
    private const string Schemes = """
          securitySchemes:
            key: {type: apiKey, in: header, name: X-Key}
            oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://auth.example/token', scopes: {read: r, write: w}}}}

        """;

    /// <summary><see cref="Gate.Shipped"/> with two security schemes and <paramref name="global"/> as the document's security (none when null).</summary>
    private static string Secured(string? global) =>
        (global is null ? Gate.Shipped : Gate.Shipped.Replace("paths:\n", global + "paths:\n", StringComparison.Ordinal))
        .Replace("components:\n  schemas:\n", "components:\n" + Schemes + "  schemas:\n", StringComparison.Ordinal);

    /// <summary>getPet with <paramref name="security"/> as its own security.</summary>
    private static string WithGetPetSecurity(string shipped, string security) =>
        shipped.Replace("      operationId: getPet\n", "      operationId: getPet\n" + security, StringComparison.Ordinal);

    private static void Only(MarkedText current, string shipped, string id, DiagnosticSeverity severity)
    {
        var diagnostics = Gate.Run(current.Text, shipped);
        Assert.Equal([id], diagnostics.Select(d => d.Id));
        DiagnosticAssert.At(diagnostics[0], id, current.Position);
        Assert.Equal(severity, diagnostics[0].Severity);
    }

    [Fact]
    public void Evs3021_SecurityAddedToAnOperation_IsAnErrorAtItsSecurity()
    {
        var shipped = Secured(null);
        var current = MarkedText.Parse(WithGetPetSecurity(shipped, "      ⟦security: [{key: []}]\n"));

        Only(current, shipped, "EVS3021", DiagnosticSeverity.Error);
        Assert.Contains("now requires 'key': clients that authenticated with no credentials", Gate.Run(current.Text, shipped)[0].GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3021_GlobalSecurityAdded_IsAnErrorAtTheDocumentSecurity()
    {
        var shipped = Secured(null);
        var current = MarkedText.Parse(Secured("⟦security:\n  - key: []\n"));

        Only(current, shipped, "EVS3021", DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs3021_SchemeAddedToARequirement_IsAnError()
    {
        var shipped = WithGetPetSecurity(Secured(null), "      security: [{key: []}]\n");
        var current = MarkedText.Parse(WithGetPetSecurity(Secured(null), "      ⟦security: [{key: [], oauth: [read]}]\n"));

        Only(current, shipped, "EVS3021", DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs3022_SecurityAlternativeRemoved_IsAnErrorAtTheSecurity()
    {
        var shipped = Secured("security:\n  - key: []\n  - oauth: [read]\n");
        var current = MarkedText.Parse(Secured("⟦security:\n  - key: []\n"));

        Only(current, shipped, "EVS3022", DiagnosticSeverity.Error);
        Assert.StartsWith("The document no longer accepts 'oauth' (read)", Gate.Run(current.Text, shipped)[0].GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3022_OperationOverridesTheDocumentsSecurityWithAnotherScheme_IsAnError()
    {
        var shipped = Secured("security:\n  - key: []\n");
        var current = MarkedText.Parse(WithGetPetSecurity(shipped, "      ⟦security: [{oauth: []}]\n"));

        var diagnostics = Gate.Run(current.Text, shipped);

        Assert.Equal(["EVS3022", "EVS3024"], diagnostics.Select(d => d.Id).Order());
        DiagnosticAssert.At(diagnostics.Single(d => d.Id == "EVS3022"), "EVS3022", current.Position);
    }

    [Fact]
    public void Evs3023_ScopeAdded_IsAnErrorAtTheSecurity()
    {
        var shipped = WithGetPetSecurity(Secured(null), "      security: [{oauth: [read]}]\n");
        var current = MarkedText.Parse(WithGetPetSecurity(Secured(null), "      ⟦security: [{oauth: [read, write]}]\n"));

        Only(current, shipped, "EVS3023", DiagnosticSeverity.Error);
        Assert.StartsWith("The operation 'GET /pets/{id}' now requires the scopes write of 'oauth'", Gate.Run(current.Text, shipped)[0].GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3024_SecurityRemovedFromAnOperation_IsInformation()
    {
        var shipped = WithGetPetSecurity(Secured(null), "      security: [{key: []}]\n");
        var current = MarkedText.Parse(WithGetPetSecurity(Secured(null), "      ⟦security: []\n"));

        Only(current, shipped, "EVS3024", DiagnosticSeverity.Info);
    }

    [Fact]
    public void Evs3024_AlternativeAdded_IsInformationOnly()
    {
        var shipped = Secured("security:\n  - key: []\n");
        var current = MarkedText.Parse(Secured("⟦security:\n  - key: []\n  - oauth: [read]\n"));

        Only(current, shipped, "EVS3024", DiagnosticSeverity.Info);
    }

    [Fact]
    public void Evs3025_RequestPropertyBecameReadOnly_IsAWarningAtReadOnly()
    {
        var current = Gate.Edit(("        name: {type: string, maxLength: 50}", "        name: {type: string, maxLength: 50, ⟦readOnly: true}"));

        Only(current, Gate.Shipped, "EVS3025", DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Evs3026_ResponsePropertyBecameWriteOnly_IsAnErrorAtWriteOnly()
    {
        var current = Gate.Edit(("        name: {type: string}\n        status:", "        name: {type: string, ⟦writeOnly: true}\n        status:"));

        Only(current, Gate.Shipped, "EVS3026", DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs3026_RequiredReadOnlyResponseProperty_StaysRequiredForResponses()
    {
        // readOnly makes a required property optional in requests only: responses still always carry it.
        var shipped = Gate.Shipped.Replace("        id: {type: string, maxLength: 36}", "        id: {type: string, maxLength: 36, readOnly: true}", StringComparison.Ordinal);
        var current = MarkedText.Parse(shipped.Replace("      required: [id, name]\n", "      required: [name]\n", StringComparison.Ordinal)
            .Replace("        id: {type: string, maxLength: 36, readOnly: true}", "        ⟦id: {type: string, maxLength: 36, readOnly: true}", StringComparison.Ordinal));

        Only(current, shipped, "EVS3019", DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs3027_RequestPropertyDefaultChanged_IsAWarningAtTheDefault()
    {
        var shipped = Gate.Shipped.Replace("        name: {type: string, maxLength: 50}", "        name: {type: string, maxLength: 50, default: rex}", StringComparison.Ordinal);
        var current = MarkedText.Parse(shipped.Replace("default: rex}", "⟦default: fido}", StringComparison.Ordinal));

        Only(current, shipped, "EVS3027", DiagnosticSeverity.Warning);
        Assert.StartsWith("The default of the property 'name' of 'NewPet' changed from \"rex\" to \"fido\"", Gate.Run(current.Text, shipped)[0].GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3027_ParameterDefaultAdded_IsAWarningAtTheParameter()
    {
        var current = Gate.Edit(("        - {name: limit, in: query, schema: {type: integer, format: int32, maximum: 100}}", "        - ⟦{name: limit, in: query, schema: {type: integer, format: int32, maximum: 100, default: 20}}"));

        Only(current, Gate.Shipped, "EVS3027", DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Evs3027_SameDefaultQuotedOrNot_ReportsNothing()
    {
        var shipped = Gate.Shipped.Replace("        name: {type: string, maxLength: 50}", "        name: {type: string, maxLength: 50, default: rex}", StringComparison.Ordinal);

        Assert.Empty(Gate.Run(shipped.Replace("default: rex}", "default: 'rex'}", StringComparison.Ordinal), shipped));
    }

    private const string Unions = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Found'}}}}
            post:
              operationId: createPet
              requestBody:
                content: {application/json: {schema: {$ref: '#/components/schemas/Sent'}}}
              responses:
                '204': {description: done}
        components:
          schemas:
            Found:
              oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
              discriminator: {propertyName: kind}
            Sent:
              oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}, {$ref: '#/components/schemas/Bird'}]
              discriminator: {propertyName: kind, mapping: {cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog', bird: '#/components/schemas/Bird'}}
            Cat: {type: object, required: [kind], properties: {kind: {type: string}, meow: {type: boolean}}}
            Dog: {type: object, required: [kind], properties: {kind: {type: string}, bark: {type: boolean}}}
            Bird: {type: object, required: [kind], properties: {kind: {type: string}}}
        """;

    [Fact]
    public void Evs3028_AlternativeAddedToAResponseUnion_IsAWarningAtTheOneOf()
    {
        var current = Gate.EditOf(Unions, ("      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]\n      discriminator: {propertyName: kind}\n", "      ⟦oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}, {$ref: '#/components/schemas/Bird'}]\n      discriminator: {propertyName: kind}\n"));

        Only(current, Unions, "EVS3028", DiagnosticSeverity.Warning);
        Assert.StartsWith("The alternative 'Bird' was added to the oneOf 'Found'", Gate.Run(current.Text, Unions)[0].GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3029_AlternativeRemovedFromARequestUnion_IsAnErrorAtTheOneOf()
    {
        var current = Gate.EditOf(
            Unions,
            (", {$ref: '#/components/schemas/Bird'}]\n", "]\n"),
            ("    Sent:\n      oneOf:", "    Sent:\n      ⟦oneOf:"),
            (", bird: '#/components/schemas/Bird'}", "}"));

        Only(current, Unions, "EVS3029", DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs3030_DiscriminatorMappingValueChanged_IsAnErrorAtTheMapping()
    {
        var current = Gate.EditOf(Unions, ("discriminator: {propertyName: kind, mapping: {cat:", "discriminator: {propertyName: kind, ⟦mapping: {kitty:"));

        Only(current, Unions, "EVS3030", DiagnosticSeverity.Error);
        Assert.StartsWith("The discriminator value 'cat' of 'Cat' in 'Sent' is gone (now: kitty)", Gate.Run(current.Text, Unions)[0].GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3030_DiscriminatorPropertyChanged_IsAnErrorAtTheDiscriminator()
    {
        var current = Gate.EditOf(Unions, ("      discriminator: {propertyName: kind}\n", "      ⟦discriminator: {propertyName: type}\n"));

        Only(current, Unions, "EVS3030", DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs3031_ResponseMediaTypeAdded_IsInformationAtTheMediaType()
    {
        var current = Gate.Edit(("        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}", "        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}, ⟦application/xml: {schema: {$ref: '#/components/schemas/Pet'}}}}"));

        Only(current, Gate.Shipped, "EVS3031", DiagnosticSeverity.Info);
    }

    [Fact]
    public void Evs3014_SecondMediaTypeRemoved_IsAnErrorAtTheContent()
    {
        var shipped = Gate.Shipped.Replace("        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}", "        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}, application/xml: {schema: {$ref: '#/components/schemas/Pet'}}}}", StringComparison.Ordinal);

        var current = Gate.Edit(("        '200': {description: ok, content:", "        '200': {description: ok, ⟦content:"));

        Only(current, shipped, "EVS3014", DiagnosticSeverity.Error);
        Assert.StartsWith("The media type 'application/xml' of the 200 response of 'GET /pets/{id}' was removed (now: application/json)", Gate.Run(current.Text, shipped)[0].GetMessage(), StringComparison.Ordinal);
    }

    private static readonly string Headers = Gate.Shipped.Replace(
        "        '200': {description: ok, content: {application/json:",
        "        '200': {description: ok, headers: {X-Rate: {required: true, schema: {type: integer}}, X-Trace: {schema: {type: string}}}, content: {application/json:",
        StringComparison.Ordinal);

    [Fact]
    public void Evs3032_RequiredResponseHeaderRemoved_IsAnErrorAtTheHeaders()
    {
        var current = MarkedText.Parse(Headers.Replace("headers: {X-Rate: {required: true, schema: {type: integer}}, ", "⟦headers: {", StringComparison.Ordinal));

        Only(current, Headers, "EVS3032", DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs3033_OptionalResponseHeaderRemoved_IsAWarningAtTheHeaders()
    {
        var current = MarkedText.Parse(Headers.Replace("headers: {X-Rate: {required: true, schema: {type: integer}}, X-Trace: {schema: {type: string}}}", "⟦headers: {X-Rate: {required: true, schema: {type: integer}}}", StringComparison.Ordinal));

        Gate.Single(current, Headers, "EVS3033", DiagnosticSeverity.Warning);

        // The header was the only one of its name, so ListPetsResult loses its XTrace property: that is EVS3037, at the response.
        Assert.Equal(["EVS3033", "EVS3037"], Gate.Run(current.Text, Headers).Select(d => d.Id));
    }

    [Fact]
    public void Evs3034_ResponseHeaderNoLongerRequired_IsAnErrorAtTheHeader()
    {
        var current = MarkedText.Parse(Headers.Replace("X-Rate: {required: true,", "⟦X-Rate: {required: false,", StringComparison.Ordinal));

        Only(current, Headers, "EVS3034", DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs3009_ParameterMaximumTightened_IsAnErrorAtTheParameter()
    {
        var current = Gate.Edit(("        - {name: limit, in: query, schema: {type: integer, format: int32, maximum: 100}}", "        - ⟦{name: limit, in: query, schema: {type: integer, format: int32, maximum: 50}}"));

        Only(current, Gate.Shipped, "EVS3009", DiagnosticSeverity.Error);
        Assert.StartsWith("'maximum' of the parameter 'limit' (query) of 'GET /pets' was tightened from 100 to 50", Gate.Run(current.Text)[0].GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3009_ParameterPatternAdded_IsAnErrorAtTheParameter()
    {
        var current = Gate.Edit(("        - {name: id, in: path, required: true, schema: {type: string}}", "        - ⟦{name: id, in: path, required: true, schema: {type: string, pattern: '^[0-9]+$'}}"));

        Only(current, Gate.Shipped, "EVS3009", DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs3007_NumberEnumValueRemovedFromAParameter_IsAnErrorAtTheParameter()
    {
        var shipped = Gate.Shipped.Replace("schema: {type: integer, format: int32, maximum: 100}}\n", "schema: {type: integer, format: int32, maximum: 100}}\n        - {name: ratio, in: query, schema: {type: number, enum: [0.5, 1.5]}}\n", StringComparison.Ordinal);
        var current = MarkedText.Parse(shipped.Replace("        - {name: ratio, in: query, schema: {type: number, enum: [0.5, 1.5]}}", "        - ⟦{name: ratio, in: query, schema: {type: number, enum: [0.5]}}", StringComparison.Ordinal));

        Only(current, shipped, "EVS3007", DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs3007_InlineParameterEnumValueRemoved_IsReportedAtTheParameter()
    {
        // The enum has no components entry: the change is reported where the document declares it, not at 'schemas'.
        var shipped = Gate.Shipped.Replace("schema: {type: integer, format: int32, maximum: 100}}\n", "schema: {type: integer, format: int32, maximum: 100}}\n        - {name: order, in: query, schema: {type: string, enum: [asc, desc]}}\n", StringComparison.Ordinal);
        var current = MarkedText.Parse(shipped.Replace("        - {name: order, in: query, schema: {type: string, enum: [asc, desc]}}", "        - ⟦{name: order, in: query, schema: {type: string, enum: [asc]}}", StringComparison.Ordinal));

        Only(current, shipped, "EVS3007", DiagnosticSeverity.Error);
    }

    [Fact]
    public void Evs3008_InlinePropertyEnumValueAdded_IsReportedAtTheProperty()
    {
        var shipped = Gate.Shipped.Replace("        tag: {type: string}\n", "        tag: {type: string}\n        size: {type: string, enum: [s, m]}\n", StringComparison.Ordinal);
        var current = MarkedText.Parse(shipped.Replace("        size: {type: string, enum: [s, m]}", "        ⟦size: {type: string, enum: [s, m, l]}", StringComparison.Ordinal));

        Only(current, shipped, "EVS3008", DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Evs3017_ParameterDeprecated_IsInformationAtTheParameter()
    {
        var current = Gate.Edit(("        - {name: limit, in: query, schema", "        - ⟦{name: limit, in: query, deprecated: true, schema"));

        Only(current, Gate.Shipped, "EVS3017", DiagnosticSeverity.Info);
    }

    [Fact]
    public void Evs3018_ParameterRemovedWithoutPriorDeprecation_IsAWarningBesideTheRemoval()
    {
        var current = Gate.Edit(
            ("      parameters:\n        - {name: limit, in: query, schema: {type: integer, format: int32, maximum: 100}}\n", string.Empty),
            ("    get:\n      operationId: listPets", "    ⟦get:\n      operationId: listPets"));
        var deprecatedFirst = Gate.Shipped.Replace("{name: limit, in: query, schema", "{name: limit, in: query, deprecated: true, schema", StringComparison.Ordinal);

        Assert.Equal(["EVS3002", "EVS3018"], Gate.Run(current.Text).Select(d => d.Id).Order());
        DiagnosticAssert.At(Gate.Single(current, "EVS3018", DiagnosticSeverity.Warning), "EVS3018", current.Position);
        Assert.Equal(["EVS3002"], Gate.Run(current.Text, deprecatedFirst).Select(d => d.Id));
    }
}
