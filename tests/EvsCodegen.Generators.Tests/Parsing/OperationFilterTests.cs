using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Parsing;
using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Parsing;

/// <summary>OpenApiInclude / OpenApiExclude keep some operations and only the schemas they reach.</summary>
public sealed class OperationFilterTests
{
    private const string Zoo = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /v3/zoos/{id}:
            get:
              operationId: getZoo
              tags: [Zoos]
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
                - {name: kind, in: query, schema: {$ref: '#/components/schemas/Kind'}}
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Zoo'}}}}
            delete:
              operationId: deleteZoo
              tags: [Zoos, Admin]
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '204': {description: gone}
          /v3/zoos/{id}/snapshots/{snapshotId}:
            get:
              tags: [Snapshots]
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
                - {name: snapshotId, in: path, required: true, schema: {type: string}}
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Snapshot'}}}}
          /shop/orders:
            post:
              operationId: createOrder
              tags: [Shop]
              requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}
              responses:
                '201': {description: created, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
        components:
          schemas:
            Kind: {type: string, enum: [land, sea]}
            Zoo:
              allOf:
                - $ref: '#/components/schemas/Place'
                - type: object
                  properties:
                    animals: {type: array, items: {$ref: '#/components/schemas/Animal'}}
                    keepers: {type: object, additionalProperties: {$ref: '#/components/schemas/Keeper'}}
                    sponsor:
                      anyOf:
                        - $ref: '#/components/schemas/Company'
                        - $ref: '#/components/schemas/Person'
            Place:
              type: object
              properties:
                address: {$ref: '#/components/schemas/Address'}
            Address: {type: object, properties: {street: {type: string}}}
            Animal:
              oneOf:
                - $ref: '#/components/schemas/Dog'
                - $ref: '#/components/schemas/Cat'
              discriminator: {propertyName: kind}
            Dog: {type: object, properties: {kind: {type: string}, barks: {type: boolean}}}
            Cat: {type: object, properties: {kind: {type: string}, lives: {type: integer}}}
            Keeper: {type: object, properties: {pet: {$ref: '#/components/schemas/Pet'}}}
            Pet:
              type: object
              properties: {petType: {type: string}}
              discriminator:
                propertyName: petType
                mapping: {parrot: '#/components/schemas/Parrot', fish: Fish}
            Parrot:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - {type: object, properties: {words: {type: array, items: {$ref: '#/components/schemas/Word'}}}}
            Word: {type: object, properties: {text: {type: string}}}
            Fish: {allOf: [{$ref: '#/components/schemas/Pet'}, {type: object, properties: {fins: {type: integer}}}]}
            Company: {type: object, properties: {name: {type: string}}}
            Person: {type: object, properties: {name: {type: string}}}
            Snapshot: {type: object, properties: {at: {type: string}}}
            Order: {type: object, properties: {items: {type: array, items: {$ref: '#/components/schemas/OrderItem'}}}}
            OrderItem: {type: object, properties: {sku: {type: string}}}
            Unused: {type: object, properties: {x: {type: string}}}
        """;

    [Fact]
    public void IncludeByOperationId_KeepsTheSchemasItReachesThroughEveryKindOfReference()
    {
        var model = Filtered(include: "op:getZoo");

        Assert.Equal(["GetZoo"], Operations(model));
        // $ref (parameter, response), allOf part, items, oneOf, additionalProperties, anyOf, discriminator mapping
        // (Parrot by reference, Fish by bare name) and what those reach in turn (Word); nothing else.
        Assert.Equal(
            ["Address", "Animal", "Cat", "Company", "Dog", "Fish", "Keeper", "Kind", "Parrot", "Person", "Pet", "Place", "Word", "Zoo", "ZooSponsor"],
            model.Types.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ByDefault_TheTypesAreThoseAFilterKeepingEveryOperationKeeps_AsWithAll()
    {
        var byDefault = Parse.Model(Zoo);
        var all = Parse.AllModels(Zoo);
        var everyOperation = Filtered(include: "/**");

        Assert.DoesNotContain(byDefault.Types, t => t.Name == "Unused");
        // The same set: a derived record comes with its reached base either way (ModelsSelectionTests); only an inline
        // schema's name may differ, the default keeping the name it has under all.
        Assert.Equal(
            everyOperation.Types.Select(t => t.Name).Order(StringComparer.Ordinal),
            byDefault.Types.Select(t => t.Name).Order(StringComparer.Ordinal));
        // What the default keeps is what all generates, in the same order: every schema was converted.
        Assert.Equal(all.Types.Where(t => byDefault.Types.Any(k => k.Name == t.Name)), byDefault.Types);
        Assert.Equal(all.Surfaces, byDefault.Surfaces);
    }

    [Fact]
    public void WithoutFilter_EveryComponentIsGenerated_AndFilteredNamesAreTheSame()
    {
        var all = Parse.AllModels(Zoo);
        var filtered = Filtered(include: "tag:Zoos;tag:Shop");

        Assert.Contains(all.Types, t => t.Name == "Unused");
        Assert.DoesNotContain(filtered.Types, t => t.Name is "Unused" or "Snapshot");
        // Filtering never renames what it keeps: every kept type and method is named as without a filter.
        Assert.Subset(all.Types.Select(t => t.Name).ToHashSet(), filtered.Types.Select(t => t.Name).ToHashSet());
        Assert.All(filtered.Types, kept => Assert.Equal(all.Types.Single(t => t.Name == kept.Name), kept));
        Assert.Equal(["GetZoo", "DeleteZoo", "CreateOrder"], Operations(filtered));
    }

    [Fact]
    public void PathGlobs_MatchWithinASegmentOrAcrossSegments_AndMayNameMethods()
    {
        Assert.Equal(["GetV3ZoosByIdSnapshotsBySnapshotId"], Operations(Filtered(include: "path:/v3/*/{id}/snapshots/**")));
        Assert.Equal(["GetZoo", "DeleteZoo", "GetV3ZoosByIdSnapshotsBySnapshotId"], Operations(Filtered(include: "path:/v3/**")));
        Assert.Equal(["DeleteZoo"], Operations(Filtered(include: "path:DELETE|patch /v3/zoos/*")));
        Assert.Equal(["CreateOrder"], Operations(Filtered(include: "/shop/orders")));
        Assert.Empty(Operations(Filtered(include: "path:/v3/zoos")));
    }

    [Fact]
    public void PathGlob_RepeatedDoubleStars_MatchAsOne()
    {
        var problems = new List<string>();
        var entry = Assert.Single(OperationFilter.Read("path:/**/**/**/**/**/**/**/**/**/**/**/**/x", exclude: false, "OpenApiInclude", problems));

        Assert.Equal("/**/x", entry.Pattern);
        Assert.Equal("path:/**/**/**/**/**/**/**/**/**/**/**/**/x", entry.Text);
        Assert.False(OperationFilter.PathGlob(entry.Pattern.Split('/'), 0, string.Concat(Enumerable.Repeat("/a", 40)).Split('/'), 0));
        Assert.True(OperationFilter.PathGlob("/v3/**/snapshots/*".Split('/'), 0, "/v3/zoos/{id}/snapshots/{snapshotId}".Split('/'), 0));
    }

    [Fact]
    public void Exclude_WinsOverInclude_AndAloneKeepsEverythingElse()
    {
        Assert.Equal(["GetZoo"], Operations(Filtered(include: "tag:Zoos", exclude: "tag:Admin")));
        Assert.Equal(["GetZoo", "DeleteZoo", "CreateOrder"], Operations(Filtered(exclude: "path:/v3/*/*/snapshots/**")));
        Assert.Equal(["CreateOrder"], Operations(Filtered(exclude: "op:*Zoo;op:get*")));
    }

    [Fact]
    public void AnOperationWithoutOperationId_IsMatchedByItsDerivedId()
    {
        var derived = Parse.Model(Zoo).Surfaces.SelectMany(s => s.Operations).Single(o => o.Path.EndsWith("{snapshotId}", StringComparison.Ordinal)).OperationId;

        Assert.Equal(["GetV3ZoosByIdSnapshotsBySnapshotId"], Operations(Filtered(include: "op:" + derived)));
    }

    [Fact]
    public void OnlyTheKeptTagsBecomeSurfaces()
    {
        var model = Filtered(include: "op:createOrder");

        Assert.Equal(["IShopApi"], model.Surfaces.Select(s => s.InterfaceName));
        Assert.Equal(["CreateOrderResponse201", "Order", "OrderItem"], model.Types.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("tags:Zoos")]
    [InlineData("path:zoos/*")]
    [InlineData("path:FETCH /zoos")]
    [InlineData("op:")]
    public void AMalformedEntry_IsAnOptionProblem_AndLeftOut(string entry)
    {
        var problems = new List<string>();

        var entries = OperationFilter.Read("tag:Zoos," + entry, exclude: false, "OpenApiInclude", problems).ToList();

        Assert.Equal(["tag:Zoos"], entries.Select(e => e.Text));
        Assert.Equal(3, problems.Count);
        Assert.Equal(("item metadata 'OpenApiInclude'", entry), (problems[0], problems[1]));
    }

    private static ApiModel Filtered(string? include = null, string? exclude = null)
    {
        var problems = new List<string>();
        var filter = OperationFilter.Read(include, exclude: false, "OpenApiInclude", problems)
            .Concat(OperationFilter.Read(exclude, exclude: true, "OpenApiExclude", problems))
            .ToEquatableArray();
        Assert.Empty(problems);
        var result = DocumentParser.Parse(new DocumentInputModel("/docs/test-api.yaml", Zoo, Parse.Options() with { Filter = filter }), CancellationToken.None);
        return result.Model ?? throw new InvalidOperationException("The document produced no model.");
    }

    private static IEnumerable<string> Operations(ApiModel model) =>
        model.Surfaces.SelectMany(s => s.Operations).Select(o => o.MethodName);
}
