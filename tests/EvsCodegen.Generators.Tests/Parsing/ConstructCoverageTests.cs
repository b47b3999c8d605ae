using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Parsing;

/// <summary>
/// The OpenAPI constructs of the README's feature table that no other test pins: formats, maps, nested arrays,
/// recursive schemas, header and cookie parameters, several responses with <c>4XX</c> and <c>default</c>, binary and
/// text bodies, operations without an <c>operationId</c>; and, for what is not supported yet, the warning at the
/// construct while the rest of the document still generates and compiles.
/// </summary>
public sealed class ConstructCoverageTests
{
    private static readonly MarkedText s_document = MarkedText.Parse("""
        openapi: 3.0.3
        info: {title: Constructs, version: '1'}
        paths:
          /things/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string, format: uuid}}
            get:
              parameters:
                - ⟦{name: filter, in: query, content: {application/xml: {schema: {type: object, properties: {a: {type: string}}}}}}
                - {name: X-Request-Id, in: header, schema: {type: string}}
                - {name: session, in: cookie, schema: {type: string}}
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
                '201': {description: created, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
                '4XX': {description: client error, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}
                default: {description: error, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}
            put:
              operationId: putThing
              requestBody:
                content:
                  ⟦application/xml: {schema: {type: object, additionalProperties: {type: string}}}
              responses: {'204': {description: done}}
          /blobs:
            post:
              operationId: uploadBlob
              requestBody: {required: true, content: {application/octet-stream: {schema: {type: string, format: binary}}}}
              responses:
                '200': {description: ok, content: {application/octet-stream: {schema: {type: string, format: binary}}}}
          /notes:
            post:
              operationId: postNote
              requestBody: {required: true, content: {text/plain: {schema: {type: string}}}}
              responses:
                '200': {description: ok, content: {text/plain: {schema: {type: string}}}}
        components:
          schemas:
            Thing:
              type: object
              required: [id, created]
              properties:
                id: {type: string, format: uuid}
                created: {type: string, format: date-time}
                day: {type: string, format: date}
                count: {type: integer, format: int64}
                small: {type: integer, format: int32}
                ratio: {type: number, format: float}
                wholeNumber: {type: number, format: int32}
                bigWholeNumber: {type: number, format: int64}
                plainNumber: {type: number}
                blob: {type: string, format: byte}
                labels: {type: object, additionalProperties: {type: string}}
                grid: {type: array, items: {type: array, items: {type: integer}}}
                children: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                parent: {$ref: '#/components/schemas/Thing'}
                shape: {oneOf: [{$ref: '#/components/schemas/Circle'}, {$ref: '#/components/schemas/Square'}], discriminator: {propertyName: kind}}
                either: {anyOf: [{type: string}, {type: integer}]}
                conditional: {type: string, ⟦if: {minLength: 1}}
            Circle: {type: object, properties: {kind: {type: string}, r: {type: number}}}
            Square: {type: object, properties: {kind: {type: string}, side: {type: number}}}
            Problem: {type: object, properties: {message: {type: string}}}
        """);

    private static readonly Lazy<ApiModel> s_model = new(() => Parse.Model(s_document.Text));

    [Theory]
    [InlineData("id", TypeRefKind.Guid)]
    [InlineData("created", TypeRefKind.DateTime)]
    [InlineData("day", TypeRefKind.Date)]
    [InlineData("count", TypeRefKind.Int64)]
    [InlineData("small", TypeRefKind.Int32)]
    [InlineData("ratio", TypeRefKind.Float)]
    [InlineData("wholeNumber", TypeRefKind.Int32)]
    [InlineData("bigWholeNumber", TypeRefKind.Int64)]
    [InlineData("plainNumber", TypeRefKind.Double)]
    [InlineData("blob", TypeRefKind.Bytes)]
    public void Formats_MapToTheirTypes(string property, object kind)
    {
        // object: the model's enums are internal to the generator, and a public test method cannot take one.
        Assert.Equal((TypeRefKind)kind, s_model.Value.Object("Thing").Property(property).Type.Kind);
    }

    [Fact]
    public void AdditionalProperties_IsAMapOfItsValueSchema()
    {
        var labels = s_model.Value.Object("Thing").Property("labels").Type;

        Assert.Equal(TypeRefKind.Map, labels.Kind);
        Assert.Equal(TypeRefKind.String, labels.Item!.Kind);
    }

    [Fact]
    public void NestedArrays_KeepEveryLevel()
    {
        var grid = s_model.Value.Object("Thing").Property("grid").Type;

        Assert.Equal((TypeRefKind.Array, TypeRefKind.Array, TypeRefKind.Int64), (grid.Kind, grid.Item!.Kind, grid.Item.Item!.Kind));
    }

    [Fact]
    public void RecursiveSchema_RefersToItselfThroughPropertiesAndArrays()
    {
        var thing = s_model.Value.Object("Thing");

        Assert.Equal((TypeRefKind.Object, "Thing"), (thing.Property("parent").Type.Kind, thing.Property("parent").Type.TypeName));
        Assert.Equal((TypeRefKind.Object, "Thing"), (thing.Property("children").Type.Item!.Kind, thing.Property("children").Type.Item!.TypeName));
    }

    [Fact]
    public void OneOfOfObjects_IsAUnionType_AndAnyOfOfScalarsToo()
    {
        var thing = s_model.Value.Object("Thing");
        var shape = thing.Property("shape").Type;
        var union = Assert.IsType<UnionTypeModel>(s_model.Value.Types.Single(t => t.Name == shape.TypeName));

        Assert.Equal(("oneOf", "kind"), (union.Keyword, union.Discriminator));
        Assert.Equal(["Circle", "Square"], union.Members.Select(m => m.TypeName));
        var either = Assert.IsType<UnionTypeModel>(s_model.Value.Types.Single(t => t.Name == thing.Property("either").Type.TypeName));
        Assert.Equal(("anyOf", "String", "Integer"), (either.Keyword, either.Members[0].Name, either.Members[1].Name));
    }

    [Fact]
    public void UnsupportedConstructs_AreWarningsAtTheConstruct_AndTheRestGenerates()
    {
        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, s_document.Text));
        var diagnostics = run.Diagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition).ToList();

        // XML-content parameter (left out), XML body of a map (operation skipped), 'if'.
        Assert.Equal(3, diagnostics.Count);
        DiagnosticAssert.At(diagnostics[0], "EVS2002", s_document.Positions[0]);
        DiagnosticAssert.At(diagnostics[1], "EVS2002", s_document.Positions[1]);
        DiagnosticAssert.At(diagnostics[2], "EVS2001", s_document.Positions[2]);
        Assert.Contains("content: application/xml", diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("application/xml", diagnostics[1].GetMessage(), StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.CompilerProblems(run.OutputCompilation));
    }

    [Fact]
    public void OperationWithoutOperationId_GetsAMethodNamedAfterVerbAndPath()
    {
        var operation = s_model.Value.Surfaces.SelectMany(s => s.Operations).Single(o => o.HttpMethod == "GET");

        Assert.Equal("get_things_by_id", operation.OperationId);
        Assert.Equal("GetThingsById", operation.MethodName);
    }

    [Fact]
    public void HeaderAndCookieParameters_AreArgumentsAtTheirLocations()
    {
        var parameters = s_model.Value.Surfaces.SelectMany(s => s.Operations).Single(o => o.HttpMethod == "GET").Parameters;

        Assert.Equal(
            [("id", ParameterLocation.Path), ("X-Request-Id", ParameterLocation.Header), ("session", ParameterLocation.Cookie)],
            parameters.Select(p => (p.WireName, p.Location)));
    }

    [Fact]
    public void SeveralResponses_TheFirst2xxIsTheResult_AndRangesAndDefaultAreKept()
    {
        var operation = s_model.Value.Surfaces.SelectMany(s => s.Operations).Single(o => o.HttpMethod == "GET");

        Assert.Equal((200, "Thing"), (operation.Success!.StatusCode, operation.Success.Type!.TypeName));
        Assert.Equal(["200", "201", "4XX", "default"], operation.Responses.Select(r => r.Status));
    }

    [Theory]
    [InlineData("uploadBlob", BodyEncoding.Binary)]
    [InlineData("postNote", BodyEncoding.Text)]
    public void BinaryAndTextBodies_KeepTheirEncodingBothWays(string operationId, object encodingValue)
    {
        var encoding = (BodyEncoding)encodingValue;
        var operation = s_model.Value.Surfaces.SelectMany(s => s.Operations).Single(o => o.OperationId == operationId);

        Assert.Equal((encoding, encoding), (operation.Body!.Encoding, operation.Success!.Encoding));
    }

    [Fact]
    public void OpenApi31Const_IsAnEnumOfThatOneValue()
    {
        var document = MarkedText.Parse("""
            openapi: 3.1.0
            info: {title: V31, version: '1'}
            paths: {}
            components:
              schemas:
                Versioned:
                  type: object
                  properties:
                    version: {const: 2}
            """);

        var model = Parse.Model(document.Text);
        var version = model.Object("Versioned").Property("version").Type;
        Assert.Equal(TypeRefKind.Enum, version.Kind);
        Assert.Equal(["2"], model.Enum(version.TypeName!).Members.Select(m => m.Value));
        Assert.Empty(DiagnosticAssert.Run(document.Text));
    }
    [Fact]
    public void OneOfOfOneSchemaAndNull_IsThatSchemaNullable()
    {
        var model = Parse.Model("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Tag: {type: object, properties: {label: {type: string}}}
                Holder:
                  type: object
                  properties:
                    tag: {oneOf: [{$ref: '#/components/schemas/Tag'}, {type: 'null'}]}
            """);

        var tag = model.Object("Holder").Property("tag").Type;

        Assert.Equal((TypeRefKind.Object, "Tag", true), (tag.Kind, tag.TypeName, tag.Nullable));
    }

    [Fact]
    public void WebhooksAndCallbacks_AreWarningsAtTheirKeys_AndThePathsStillGenerate()
    {
        var document = MarkedText.Parse("""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /subscribe:
                post:
                  operationId: subscribe
                  responses: {'204': {description: ok}}
                  ⟦callbacks:
                    onEvent:
                      '{$request.body#/url}':
                        post: {responses: {'200': {description: ok}}}
            ⟦webhooks:
              newPet:
                post: {responses: {'200': {description: ok}}}
            """);

        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, document.Text));
        var diagnostics = run.Diagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition).ToList();

        Assert.Equal(2, diagnostics.Count);
        DiagnosticAssert.At(diagnostics[0], "EVS2002", document.Positions[0]);
        DiagnosticAssert.At(diagnostics[1], "EVS2006", document.Positions[1]);
        Assert.Contains(run.Sources, s => s.Text.Contains("SubscribeAsync(", StringComparison.Ordinal));
    }
}
