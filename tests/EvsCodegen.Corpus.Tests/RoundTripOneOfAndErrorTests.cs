using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using EvsCodegen.Corpus.RoundTrip;
using EvsCodegen.Generators.Model;
using Xunit;

namespace EvsCodegen.Corpus.Tests;

/// <summary>
/// The harness's JSON Schema view of union alternatives (which a value matches, independently of the generated
/// converter) and the statuses it answers for error responses declared under ranges and <c>default</c>.
/// </summary>
public sealed class RoundTripOneOfAndErrorTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /a:
            get:
              operationId: everyKind
              responses:
                '200': {description: ok}
                '400': {description: bad}
                '422': {description: invalid}
                4XX: {description: refused, content: {application/json: {schema: {$ref: '#/components/schemas/Refusal'}}}}
                5XX: {description: failed}
                default: {description: other}
          /b:
            get:
              operationId: onlyDefault
              responses:
                '200': {description: ok}
                '404': {description: none}
                default: {description: other, content: {application/json: {schema: {$ref: '#/components/schemas/Refusal'}}}}
          /c:
            post:
              operationId: unions
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Holder'}
              responses:
                '200': {description: ok}
        components:
          schemas:
            Refusal:
              type: object
              properties:
                reason: {type: string}
            Holder:
              type: object
              properties:
                a: {$ref: '#/components/schemas/NumberOrAny'}
                b: {$ref: '#/components/schemas/IntegerOrMin'}
                c: {$ref: '#/components/schemas/IntegerOrNumber'}
                d: {$ref: '#/components/schemas/Thing'}
            NumberOrAny:
              oneOf: [{type: number}, {}]
            IntegerOrMin:
              oneOf: [{type: integer}, {minimum: 2}]
            IntegerOrNumber:
              oneOf: [{type: integer}, {type: number, maximum: 10}]
            Thing:
              oneOf:
                - {type: string, format: email}
                - {type: object, properties: {x: {type: integer}}}
                - {type: integer, enum: [1, 2]}
        """;

    private static readonly Lazy<ApiModel> s_model = new(() =>
        RoundTripRunner.Parse(new CorpusDocument("t.yaml", "t.yaml", Document, "T", [])) ?? throw new InvalidOperationException("no model"));

    private static Dictionary<string, TypeModel> Types => s_model.Value.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);

    [Theory]
    [InlineData("NumberOrAny", "5", "Number Json")]
    [InlineData("NumberOrAny", "1.5", "Number Json")]
    [InlineData("NumberOrAny", "\"x\"", "Json")]
    [InlineData("IntegerOrMin", "1", "Integer")]
    [InlineData("IntegerOrMin", "2", "Integer Json")]
    [InlineData("IntegerOrMin", "2.5", "Json")]
    [InlineData("IntegerOrMin", "1.5", "")]
    [InlineData("IntegerOrMin", "\"x\"", "Json")]
    [InlineData("IntegerOrNumber", "5", "Integer Number")]
    [InlineData("IntegerOrNumber", "42", "Integer")]
    [InlineData("IntegerOrNumber", "true", "")]
    [InlineData("Thing", "2", "ThingOption3")]
    [InlineData("Thing", "3", "")]
    // An object alternative, or a string of a format the evaluator does not check, cannot be decided here.
    [InlineData("Thing", "{}", null)]
    [InlineData("Thing", "\"a@b.c\"", null)]
    public void Matching_IsJsonSchemasOneOf_OrUndecidedForObjectsAndUncheckedFormats(string union, string json, string? expected)
    {
        var model = (UnionTypeModel)Types[union];
        using var value = JsonDocument.Parse(json);

        var matching = UnionChecks.Matching(model, value.RootElement, Types);

        Assert.Equal(expected, matching is null ? null : string.Join(" ", matching));
    }

    [Fact]
    public void ErrorAnswers_GiveARangeAndDefault_AStatusNoMoreSpecificEntryCovers()
    {
        var everyKind = s_model.Value.Surfaces.SelectMany(s => s.Operations).Single(o => o.OperationId == "everyKind");
        var onlyDefault = s_model.Value.Surfaces.SelectMany(s => s.Operations).Single(o => o.OperationId == "onlyDefault");

        // 400 and 422 are explicit, so 4XX is answered with 409; 5XX takes 500; every error status is then covered, so
        // default is not driven.
        Assert.Equal(["400 400", "422 422", "4XX 409", "5XX 500"], OperationDriver.ErrorAnswers(everyKind).Select(a => $"{a.Response.Status} {a.Status}"));
        Assert.Equal(["404 404", "default 400"], OperationDriver.ErrorAnswers(onlyDefault).Select(a => $"{a.Response.Status} {a.Status}"));
    }
}
