using System.Linq;
using Xunit;

namespace EvsCodegen.Corpus.Tests;

/// <summary>
/// Document names that meet names the generator writes itself (record-synthesized members, enum struct and converter
/// members, <c>ApiClientOptions.Apply</c>, object members) and item types whose nullability meets generated code: the
/// output compiles without errors or warnings.
/// </summary>
public sealed class NameCollisionTests
{
    internal const string Document = """
        openapi: 3.0.3
        info: {title: collisions, version: '1'}
        paths:
          /items:
            get:
              operationId: listItems
              parameters:
                - {name: ids, in: query, schema: {type: array, items: {type: integer, nullable: true}}}
                - {name: names, in: query, schema: {type: array, items: {type: string, nullable: true}}}
                - {name: kinds, in: query, schema: {type: array, items: {$ref: '#/components/schemas/NullableKind'}}}
                - {name: kind, in: query, schema: {$ref: '#/components/schemas/NullableKind'}}
                - {name: request, in: query, schema: {type: string}}
                - {name: http, in: query, schema: {type: string}}
                - {name: cancellationToken, in: query, schema: {type: string}}
                - {name: options, in: query, schema: {type: string}}
                - {name: httpClient, in: query, schema: {type: string}}
                - {name: body, in: query, schema: {type: string}}
                - {name: raw_x, in: query, schema: {type: string}}
                - {name: v, in: query, schema: {$ref: '#/components/schemas/NullableKind'}}
                - {name: item, in: query, schema: {type: array, items: {type: integer}}}
                - {name: content, in: header, schema: {type: string}}
                - {name: response, in: header, schema: {type: string}}
                - {name: payload, in: query, schema: {type: string}}
                - {name: exception, in: query, schema: {type: string}}
                - {name: form, in: query, schema: {type: string}}
                - {name: result, in: query, schema: {type: string}}
                - {name: query, in: query, schema: {type: string}}
                - {name: value, in: query, schema: {type: string}}
                - {name: interceptors, in: query, schema: {type: string}}
                - {name: api, in: query, schema: {type: string}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Holder'}
        components:
          securitySchemes:
            Apply: {type: apiKey, in: header, name: X-Apply}
            ApiClientOptions: {type: apiKey, in: header, name: X-Options}
            Equals: {type: apiKey, in: header, name: X-Equals}
            ToString: {type: apiKey, in: query, name: to_string}
            GetHashCode: {type: apiKey, in: header, name: X-Hash}
            GetType: {type: apiKey, in: cookie, name: get_type}
            MemberwiseClone: {type: apiKey, in: header, name: X-Clone}
            Timeout: {type: apiKey, in: header, name: X-Timeout}
          schemas:
            NullableKind: {type: string, nullable: true, enum: [a, b, null]}
            NullableNumber: {type: integer, nullable: true, enum: [1, 2, null]}
            Holder:
              type: object
              properties:
                clone: {type: string}
                Clone: {type: string}
                <Clone>$: {type: string}
                EqualityContract: {type: string}
                PrintMembers: {type: string}
                Deconstruct: {type: string}
                GetHashCode: {type: string}
                Equals: {type: string}
                ToString: {type: string}
                GetType: {type: string}
                MemberwiseClone: {type: string}
                Finalize: {type: string}
                AdditionalProperties: {type: string}
                holder: {type: string}
                kinds: {type: array, items: {$ref: '#/components/schemas/NullableKind'}}
                kind: {$ref: '#/components/schemas/NullableKind'}
                number: {$ref: '#/components/schemas/NullableNumber'}
                names: {type: array, items: {type: string, nullable: true}}
                ids: {type: array, items: {type: integer, nullable: true}}
              additionalProperties: true
            Value:
              type: string
              enum: [Value, IsKnown, KnownValues, TryParse, Equals, GetHashCode, ToString, GetType, MemberwiseClone, ReadValue, WriteValue, Read, Write, s_allowed, HandleNull, CanConvert, Type]
            ValueJsonConverter: {type: string}
            HolderJsonConverter: {type: object, properties: {ReadValue: {type: string}, WriteValue: {type: string}}}
        """;

    [Fact]
    public void NamesMeetingGeneratedMembers_CompileWithoutErrorsOrWarnings()
    {
        var result = CorpusRunner.RunOne(new CorpusDocument("collisions.yaml", "/hostile/collisions.yaml", Document, "Hostile.Collisions", []), CorpusRunner.DefaultTimeout);

        var problems = result.CompilerErrors.Concat(result.CompilerWarnings).Select(CorpusReport.Describe).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(Outcome.Ok, result.Outcome);
    }
}
