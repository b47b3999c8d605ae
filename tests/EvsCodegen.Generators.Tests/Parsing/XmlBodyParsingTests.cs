using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Parsing;

/// <summary>
/// XML bodies (docs/decisions.md, "XML bodies"): which media type becomes the body's XML form, and the shape descriptor
/// the runtime follows, with the XML Object's defaults (element names from the schema and property names, arrays
/// unwrapped, items named after <c>items.xml.name</c> or the property).
/// </summary>
public sealed class XmlBodyParsingTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /people:
            post:
              operationId: addPerson
              requestBody:
                required: true
                content:
                  application/json: {schema: {$ref: '#/components/schemas/Person'}}
                  application/xml: {schema: {$ref: '#/components/schemas/Person'}}
              responses:
                '200':
                  description: ok
                  content:
                    application/xml: {schema: {$ref: '#/components/schemas/Person'}}
                '400':
                  description: bad
                  content:
                    application/xml: {schema: {$ref: '#/components/schemas/Person'}}
        components:
          schemas:
            Person:
              type: object
              xml: {name: person, namespace: 'urn:p', prefix: p}
              properties:
                id: {type: integer, format: int32, xml: {attribute: true}}
                animals: {type: array, items: {type: string}}
                aliens: {type: array, xml: {name: others, wrapped: true}, items: {type: string, xml: {name: alien}}}
                ok: {type: boolean, xml: {nodeType: attribute}}
        """;

    [Fact]
    public void JsonAndXml_JsonIsTheBody_XmlItsAlternative()
    {
        var body = Parse.Model(Document).Surfaces.Single().Operations.Single().Body!;

        Assert.Equal((BodyEncoding.Json, "application/json", "application/xml"), (body.Encoding, body.ContentType, body.Xml?.MediaType));
    }

    [Fact]
    public void TheShape_FollowsTheXmlObject_AndItsDefaults()
    {
        var body = Parse.Model(Document).Surfaces.Single().Operations.Single().Body!;

        Assert.Equal(
            """{"root":{"name":"person","ns":"urn:p","prefix":"p","type":0},"objects":[{"props":["""
            + """{"json":"id","name":"id","attr":true,"type":"integer"},"""
            + """{"json":"animals","name":"animals","type":{"items":"string","name":"animals"}},"""
            + """{"json":"aliens","name":"others","wrapped":true,"type":{"items":"string","name":"alien"}},"""
            + """{"json":"ok","name":"ok","attr":true,"type":"boolean"}]}]}""",
            body.Xml!.Shape);
    }

    [Fact]
    public void AnXmlOnlyAnswer_IsXml_AndSoIsAnXmlOnlyError()
    {
        var responses = Parse.Model(Document).Surfaces.Single().Operations.Single().Responses;

        Assert.Equal((BodyEncoding.Xml, TypeRefKind.Object), (responses[0].Encoding, responses[0].Type!.Kind));
        Assert.Equal((BodyEncoding.Xml, TypeRefKind.Object, "application/xml"), (responses[1].Encoding, responses[1].Type!.Kind, responses[1].Xml?.MediaType));
        Assert.Equal(responses[0].Xml!.Shape, responses[1].Xml!.Shape);
        Assert.True(responses[1].IsDeclaredError);
    }
}
