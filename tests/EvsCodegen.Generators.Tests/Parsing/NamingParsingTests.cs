using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Parsing;

/// <summary>Names from the document become valid, unique C# identifiers.</summary>
public sealed class NamingParsingTests
{
    [Fact]
    public void PropertyNames_ThatCollideAfterPascalCasing_AreNumberedInDocumentOrder()
    {
        var model = Parse.Model("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    foo_bar: {type: string}
                    fooBar: {type: string}
                    FooBar: {type: string}
                    foo-bar: {type: string}
            """);

        Assert.Equal(
            [("foo_bar", "FooBar"), ("fooBar", "FooBar2"), ("FooBar", "FooBar3"), ("foo-bar", "FooBar4")],
            model.Object("Item").Properties.Select(p => (p.JsonName, p.Name)));
    }

    [Fact]
    public void PropertyNames_ThatAreKeywordsStartWithDigitsOrClashWithMembers_BecomeValidIdentifiers()
    {
        var model = Parse.Model("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    class: {type: string}
                    2fa: {type: string}
                    '@type': {type: string}
                    item: {type: string}
                    equals: {type: string}
                    '': {type: string}
            """);

        Assert.Equal(
            [("class", "Class"), ("2fa", "_2fa"), ("@type", "Type"), ("item", "Item2"), ("equals", "Equals2"), ("", "Value")],
            model.Object("Item").Properties.Select(p => (p.JsonName, p.Name)));
    }

    [Fact]
    public void TypeNames_ThatCollideWithEachOtherOrWithGeneratedTypes_AreNumbered_RuntimeTypeNamesAreFree()
    {
        var model = Parse.Model("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                pet: {type: object, properties: {a: {type: string}}}
                Pet: {type: object, properties: {b: {type: string}}}
                ApiException: {type: object, properties: {c: {type: string}}}
                ApiFaults: {type: object, properties: {e: {type: string}}}
                1st-place: {type: object, properties: {d: {type: string}}}
            """);

        Assert.Equal(["Pet", "Pet2", "ApiException", "ApiFaults2", "_1stPlace"], model.Types.Select(t => t.Name));
    }

    [Fact]
    public void ParameterNames_ThatAreKeywordsStartWithDigitsOrClashWithLocals_BecomeValidIdentifiers()
    {
        var model = Parse.Model("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /items/{for}:
                get:
                  operationId: list-items
                  parameters:
                    - {name: for, in: path, required: true, schema: {type: string}}
                    - {name: class, in: query, schema: {type: string}}
                    - {name: cancellationToken, in: query, schema: {type: string}}
                    - {name: 2nd, in: query, schema: {type: integer}}
                  responses:
                    '204': {description: done}
            """);

        var operation = model.Surfaces.Single().Operations.Single();
        Assert.Equal("ListItems", operation.MethodName);
        Assert.Equal(
            [("for", "@for"), ("class", "@class"), ("cancellationToken", "cancellationToken2"), ("2nd", "_2nd")],
            operation.Parameters.Select(p => (p.WireName, p.Name)));
    }

    [Fact]
    public void DuplicateOperationId_RenamesTheSecondMethodAndReportsEvs2003()
    {
        var result = Parse.Document("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: getThing
                  responses: {'204': {description: done}}
              /b:
                get:
                  operationId: getThing
                  responses: {'204': {description: done}}
            """);

        var operations = result.Model!.Surfaces.Single().Operations;
        Assert.Equal([("getThing", "GetThing", "/a"), ("getThing", "GetThing2", "/b")], operations.Select(o => (o.OperationId, o.MethodName, o.Path)));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("EVS2003", diagnostic.Id);
        Assert.Equal(["getThing", "GetThing2Async"], diagnostic.Arguments);
    }

    [Fact]
    public void Operations_WithoutTags_FormOneSurfaceNamedAfterTheDocument()
    {
        var model = Parse.Model(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  responses: {'204': {description: done}}
            """,
            path: "/docs/pet-store.yaml");

        var surface = Assert.Single(model.Surfaces);
        Assert.Equal(("IPetStoreApi", "PetStoreApiClient", "PetStoreApiController"), (surface.InterfaceName, surface.ClientName, surface.ControllerName));
        Assert.Equal(("get_a", "GetA"), (surface.Operations.Single().OperationId, surface.Operations.Single().MethodName));
    }
}
