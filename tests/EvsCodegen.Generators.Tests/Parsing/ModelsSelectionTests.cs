using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Parsing;
using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Parsing;

/// <summary>
/// <c>OpenApiModels</c>: by default only the schemas the operations reach become types when client or server code is
/// emitted, yet every schema is still read and checked; <c>all</c>, models alone or a document without operations
/// generate every schema.
/// </summary>
public sealed class ModelsSelectionTests
{
    private const string Pets = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
        components:
          schemas:
            Pet:
              type: object
              required: [petType]
              properties: {petType: {type: string}, owner: {$ref: '#/components/schemas/Owner'}}
              discriminator: {propertyName: petType}
            Dog:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - {type: object, properties: {bark: {type: boolean}}}
            Owner: {type: object, properties: {name: {type: string}}}
            Webhook:
              type: object
              properties:
                payload: {type: object, properties: {size: {type: string, not: {enum: [huge]}}}}
                level: {type: string, enum: [low, high]}
        """;

    private static DocumentOptionsModel Including(string include)
    {
        var problems = new List<string>();
        var filter = OperationFilter.Read(include, exclude: false, "OpenApiInclude", problems).ToEquatableArray();
        Assert.Empty(problems);
        return Parse.Options() with { Filter = filter };
    }

    private static IEnumerable<string> Names(ApiModel model) => model.Types.Select(t => t.Name).Order(StringComparer.Ordinal);

    [Fact]
    public void ByDefault_OnlyReachedSchemasAreTypes_AndADerivedRecordComesWithItsBase()
    {
        Assert.Equal(["Dog", "Owner", "Pet"], Names(Parse.Model(Pets)));
    }

    [Fact]
    public void AFilter_KeepsTheDerivedRecordsOfAReachedBase_AsTheDefaultDoes()
    {
        var filtered = Parse.Model(Pets, options: Including("op:listPets"));

        // Dog is named by nothing the operation reaches: it derives from Pet, so a Pet payload may be a Dog.
        Assert.Equal(["Dog", "Owner", "Pet"], Names(filtered));
        var pet = Assert.IsType<ObjectTypeModel>(filtered.Types.Single(t => t.Name == "Pet"));
        Assert.Equal(["Dog"], pet.Derived.Select(d => d.TypeName));
        Assert.Equal(Parse.Model(Pets).Types, filtered.Types);
    }

    [Fact]
    public void AFilter_LeavesOutAComponentThatCannotDeriveFromTheReachedBase_WhatItAloneReaches_AndItsDiagnostics()
    {
        // Stray redeclares the base's owner with another type, so it cannot be a C# record deriving from Pet.
        const string Extra = """
                Stray:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - {type: object, properties: {owner: {type: string}, tag: {$ref: '#/components/schemas/Tag'}, size: {type: string, not: {enum: [huge]}}}}
                Tag: {type: object, properties: {label: {type: string}}}

            """;
        var document = Pets.Replace("    Owner: {type: object", Extra + "    Owner: {type: object", StringComparison.Ordinal);
        Assert.Contains("Stray", document, StringComparison.Ordinal);
        var result = Parse.Document(document, options: Including("op:listPets"));
        var filtered = result.Model!;

        Assert.Equal(Names(Parse.Model(document)), Names(filtered));
        Assert.DoesNotContain("Tag", Names(filtered));

        // Read on the chance that it derives, then left out: like any schema a filter leaves out, it reports nothing
        // (the 'not' inside it is EVS2060 without a filter, where every schema is read).
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "EVS2060");
        Assert.Contains(Parse.Document(document).Diagnostics, d => d.Id == "EVS2060");
    }

    [Fact]
    public void ByDefault_ProblemsOfUnreachedSchemasAreStillReported()
    {
        var result = Parse.Document(Pets);

        // The 'not' inside Webhook's inline payload (EVS2060), though Webhook and its payload are not generated.
        Assert.Contains(result.Diagnostics, d => d.Id == "EVS2060");
        Assert.Contains(result.Diagnostics, d => d.Id == "EVS2070" && d.Arguments[2] == "Webhook");
        Assert.DoesNotContain(result.Model!.Types, t => t.Name.StartsWith("Webhook", StringComparison.Ordinal));
    }

    [Fact]
    public void All_ModelsOnly_OrNoOperations_GenerateEverySchema()
    {
        var every = Names(Parse.AllModels(Pets)).ToList();

        Assert.Contains("WebhookPayload", every);
        Assert.Contains("WebhookLevel", every);
        Assert.Equal(every, Names(Parse.Model(Pets, options: Parse.Options(emit: EmitKinds.Models))));
        Assert.Equal(every, Names(Parse.Model(Pets.Replace("paths:", "paths: {}\nx-not-paths:", StringComparison.Ordinal))));
    }

    [Fact]
    public void ExplicitReached_WithModelsOnly_GeneratesOnlyReachedSchemas_WithoutEvs2070()
    {
        var result = Parse.Document(Pets, options: Parse.Options(emit: EmitKinds.Models) with { Models = ModelsSelection.Reached });

        Assert.Equal(["Dog", "Owner", "Pet"], Names(result.Model!));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "EVS2070");
    }

    [Fact]
    public void All_WithAFilter_GeneratesEveryComponent_NamedAsWithoutAFilter()
    {
        var problems = new List<string>();
        var filter = OperationFilter.Read("op:nothing-matches-this", exclude: false, "OpenApiInclude", problems).ToEquatableArray();
        var options = Parse.Options() with { Filter = filter, Models = ModelsSelection.All };

        var model = Parse.Model(Pets, options: options);

        Assert.Empty(model.Surfaces.SelectMany(s => s.Operations));
        Assert.Equal(Parse.AllModels(Pets).Types, model.Types);
    }
}
