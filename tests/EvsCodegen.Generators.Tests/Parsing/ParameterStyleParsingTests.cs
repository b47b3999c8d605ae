using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Parsing;

/// <summary>
/// Parameter styles, object-valued and content-typed parameters and form encodings in the model (issue 16): what the
/// plain path cannot carry gets a <see cref="ParameterEncodingModel"/> with the value's shape, what OpenAPI does not
/// define is left out with EVS2002 at the parameter.
/// </summary>
public sealed class ParameterStyleParsingTests
{
    private static readonly MarkedText s_document = MarkedText.Parse("""
        openapi: 3.0.3
        info: {title: Styles, version: '1'}
        paths:
          /p/{shade}:
            get:
              operationId: get
              parameters:
                - {name: shade, in: path, required: true, style: matrix, schema: {type: array, items: {type: string}}}
                - {name: filter, in: query, style: deepObject, explode: true, schema: {$ref: '#/components/schemas/Node'}}
                - {name: color, in: query, explode: false, schema: {type: object, properties: {R: {type: integer}}}}
                - {name: where, in: query, content: {application/json: {schema: {$ref: '#/components/schemas/Node'}}}}
                - {name: ids, in: query, style: pipeDelimited, schema: {type: array, items: {type: integer}}}
                - {name: plain, in: query, schema: {type: array, items: {type: integer}}}
                - {name: bad, in: query, style: ⟦matrix, schema: {type: string}}
                - ⟦{name: nested, in: header, schema: {$ref: '#/components/schemas/Node'}}
                - ⟦{name: xml, in: query, content: {application/xml: {schema: {type: string}}}}
              responses: {'204': {description: done}}
          /forms:
            post:
              operationId: post
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema: {$ref: '#/components/schemas/Node'}
                    encoding:
                      children: {style: deepObject}
                      label: {contentType: application/json}
                      tags: {style: ⟦matrix}
              responses: {'204': {description: done}}
        components:
          schemas:
            Node:
              type: object
              properties:
                label: {type: string}
                tags: {type: array, items: {type: string}}
                children: {type: array, items: {$ref: '#/components/schemas/Node'}}
        """);

    private static readonly Lazy<ApiModel> s_model = new(() => Parse.Model(s_document.Text));

    private static ParameterModel Parameter(string name) =>
        s_model.Value.Surfaces.SelectMany(s => s.Operations).SelectMany(o => o.Parameters).Single(p => p.WireName == name);

    [Fact]
    public void StyledAndObjectParameters_CarryTheirStyleAndShape()
    {
        Assert.Equal((ParameterStyle.Matrix, false, false), (Parameter("shade").Encoding!.Style, Parameter("shade").Encoding!.IsJson, Parameter("shade").Explode));
        Assert.Equal("""{"root":["string"]}""", Parameter("shade").Encoding!.Shape);
        Assert.Equal((ParameterStyle.DeepObject, true), (Parameter("filter").Encoding!.Style, Parameter("filter").Explode));
        Assert.Equal("""{"root":0,"objects":[{"properties":{"label":"string","tags":["string"],"children":[0]}}]}""", Parameter("filter").Encoding!.Shape);
        Assert.Equal((ParameterStyle.Form, false, TypeRefKind.Object), (Parameter("color").Encoding!.Style, Parameter("color").Explode, Parameter("color").Type.Kind));
        Assert.Equal((ParameterStyle.PipeDelimited, false), (Parameter("ids").Encoding!.Style, Parameter("ids").Explode));
    }

    [Fact]
    public void JsonContentParameter_IsReadThroughItsSchema()
    {
        var where = Parameter("where");

        Assert.Equal((true, TypeRefKind.Object, "Node"), (where.Encoding!.IsJson, where.Type.Kind, where.Type.TypeName));
    }

    [Fact]
    public void DefaultStyleScalarsAndArrays_KeepThePlainPath()
    {
        Assert.Null(Parameter("plain").Encoding);
    }

    [Fact]
    public void NestedObjectsInFlatStyles_AndNonJsonContent_AreLeftOutAtTheParameter()
    {
        var diagnostics = DiagnosticAssert.Run(s_document.Text).Where(d => d.Id == "EVS2002").OrderBy(d => d.Location.GetLineSpan().StartLinePosition).ToList();

        Assert.Equal(2, diagnostics.Count);
        DiagnosticAssert.At(diagnostics[0], "EVS2002", s_document.Positions[1]);
        Assert.Contains("nested values, which style 'simple' cannot write", diagnostics[0].GetMessage(), StringComparison.Ordinal);
        DiagnosticAssert.At(diagnostics[1], "EVS2002", s_document.Positions[2]);
        Assert.Contains("content: application/xml", diagnostics[1].GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void StyleOpenApiDoesNotDefineThere_FallsBackToTheLocationsStyle()
    {
        Assert.Null(Parameter("bad").Encoding);
    }

    [Fact]
    public void FormBody_NestedAndEncoded_HasAShapeWithItsEncodings()
    {
        var body = s_model.Value.Surfaces.SelectMany(s => s.Operations).Single(o => o.OperationId == "post").Body!;

        Assert.Equal(
            """{"root":0,"objects":[{"properties":{"label":"string","tags":["string"],"children":[0]}}],"encoding":{"children":{"style":"deepObject","explode":false},"label":{"style":"form","explode":true,"contentType":"application/json"},"tags":{"style":"form","explode":true}}}""",
            body.Shape);
    }

    [Fact]
    public void ModelStyles_AreTheRuntimesStyles()
    {
        Assert.Equal(Enum.GetNames<ParameterStyle>(), Enum.GetNames<EvsCodegen.Runtime.ApiParameterStyle>());
    }
}
