using System;
using System.Linq;
using Xunit;

namespace EvsCodegen.Corpus.Tests;

/// <summary>Values that are valid YAML but no C# constant: the generated code still compiles and the value is reported where it stands.</summary>
public sealed class HostileValuesTests
{
    [Fact]
    public void NonFiniteBounds_AreReportedOnceAtTheValueAndNotEmitted()
    {
        const string document = """
            openapi: 3.0.3
            info: {title: numbers, version: '1'}
            paths: {}
            components:
              schemas:
                Bounded: {type: number, minimum: 1e400, maximum: NaN, exclusiveMaximum: -Infinity}
                Holder:
                  type: object
                  properties:
                    a: {$ref: '#/components/schemas/Bounded'}
                    b: {$ref: '#/components/schemas/Bounded'}
                    c: {type: array, items: {$ref: '#/components/schemas/Bounded'}}
                    d: {type: integer, minimum: 79228162514264337593543950336, maximum: 1e-400}
                    e: {type: integer, enum: [99999999999999999999, 1]}
                    f: {type: string, minLength: -5, maxLength: 99999999999}
            """;

        var result = CorpusRunner.RunOne(new CorpusDocument("numbers.yaml", "/hostile/numbers.yaml", document, "Hostile.Numbers", []), CorpusRunner.DefaultTimeout);

        Assert.Equal(Outcome.Ok, result.Outcome);
        Assert.Empty(result.CompilerWarnings);
        var bounds = result.GeneratorDiagnostics.Where(d => d.Id == "EVS1003").Select(d => d.Location.GetLineSpan().StartLinePosition).ToList();
        var line = document.Split('\n')[5];
        Assert.Equal([(5, line.IndexOf("1e400", StringComparison.Ordinal)), (5, line.IndexOf("NaN", StringComparison.Ordinal)), (5, line.IndexOf("-Infinity", StringComparison.Ordinal))], bounds.Select(p => (p.Line, p.Character)));
    }

    [Fact]
    public void PathsAspNetCoreCannotRoute_SkipTheirOperationsWithAWarningAndEveryOtherRouteParses()
    {
        const string document = """
            openapi: 3.0.3
            info: {title: paths, version: '1'}
            paths:
              /twice/{id}/{id}:
                get:
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: ok}}
              /adjacent/{x}{y}:
                parameters:
                  - {name: x, in: path, required: true, schema: {type: integer}}
                  - {name: y, in: path, required: true, schema: {type: integer}}
                get: {responses: {'204': {description: ok}}}
                put: {responses: {'204': {description: ok}}}
              /empty//segment:
                get: {responses: {'204': {description: ok}}}
              /odd/{a*}/{b?}/c:d/x.{c}-{d}/~/a b/"q"/\:
                parameters:
                  - {name: 'a*', in: path, required: true, schema: {type: string}}
                  - {name: 'b?', in: path, required: true, schema: {type: string}}
                  - {name: c, in: path, required: true, schema: {type: string}}
                  - {name: d, in: path, required: true, schema: {type: string}}
                get: {responses: {'204': {description: ok}}}
              /fine/{X}/{x}:
                get:
                  parameters:
                    - {name: X, in: path, required: true, schema: {type: string}}
                    - {name: x, in: path, required: true, schema: {type: string}}
                  responses: {'204': {description: ok}}
            """;

        var result = CorpusRunner.RunOne(new CorpusDocument("paths.yaml", "/hostile/paths.yaml", document, "Hostile.Paths", []), CorpusRunner.DefaultTimeout);

        Assert.Equal(Outcome.Ok, result.Outcome);
        Assert.Equal(2, result.GeneratedOperations);
        var skipped = result.GeneratorDiagnostics.Where(d => d.Id == "EVS2002").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).ToList();
        Assert.Equal([8, 8, 14], skipped);

        // A name used twice is not a well-formed template at all (EVS1007 at the second use), not only an unroutable one.
        var malformed = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "EVS1007");
        Assert.Equal((4, 15), (malformed.Location.GetLineSpan().StartLinePosition.Line + 1, malformed.Location.GetLineSpan().StartLinePosition.Character + 1));
        var routes = RouteFacts.Routes(result.Sources);
        Assert.Equal(2, routes.Count);
        Assert.All(routes, route => Assert.Null(RouteFacts.Problem(route.Template)));
    }
}
