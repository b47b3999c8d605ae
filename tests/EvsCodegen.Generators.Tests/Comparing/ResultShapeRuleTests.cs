using EvsCodegen.Generators.Tests.Comparing;
using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

// In the Diagnostics namespace so GeneratorDiagnosticsTests.EveryDiagnosticId_IsCoveredByATestInThisFolder sees them.
namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>
/// The shape of the generated method's result between baseline and document: a value type losing its <c>?</c>
/// (EVS3011), streams of items and binary bodies (their item schema, stream ↔ buffered JSON, file ↔ JSON: EVS3006,
/// EVS3035), and the declared error bodies that type <c>ApiException&lt;T&gt;</c>.
/// </summary>
public sealed class ResultShapeRuleTests
{
    /// <summary>getThings answers RESULT on 200 and a Problem on 404; Pet, Problem and Other are objects.</summary>
    private const string Template = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /things:
            get:
              operationId: getThings
              responses:
                MARK'200': {description: ok, content: {RESULT}}
        """ + "\n" + Gate.ProblemOn404WithObjects;

    private const string Pet = "{$ref: '#/components/schemas/Pet'}";

    private const string Binary = "application/octet-stream: {schema: {type: string, format: binary}}";

    private const string Response = "[/paths/~1things/get/responses/200]";

    private static string Shipped(string result) => Template.Replace("MARK", string.Empty, StringComparison.Ordinal).Replace("RESULT", result, StringComparison.Ordinal);

    /// <summary>The document answering <paramref name="result"/>, marked at its 200 response.</summary>
    private static MarkedText Current(string result) => MarkedText.Parse(Template.Replace("MARK", MarkedText.Marker, StringComparison.Ordinal).Replace("RESULT", result, StringComparison.Ordinal));

    private static string Json(string schema) => "application/json: {schema: " + schema + "}";

    private static string[] Ids(string before, string after) => [.. Gate.Run(Current(after).Text, Shipped(before)).Select(d => d.Id)];

    [Fact]
    public void Evs3011_ValueTypeResultNoLongerNullable_IsAnErrorAtTheResponse()
    {
        // Task<long?> becomes Task<long>: an implementation returning null and a caller using HasValue stop compiling.
        var before = Json("{type: integer, nullable: true}");
        var current = Current(Json("{type: integer}"));

        var diagnostic = Gate.Single(current, Shipped(before), "EVS3011", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3011"], Ids(before, Json("{type: integer}")));
        Assert.Equal(
            "The 200 response of 'GET /things' is no longer nullable: its generated C# type is long instead of long? (a value type), so code compiled against it (an implementation returning null, a caller using HasValue) no longer compiles " + Response,
            diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("{type: array, items: {type: integer, format: int32, nullable: true}}", "{type: array, items: {type: integer, format: int32}}", "The 200 response of 'GET /things' (items) is no longer nullable: its generated C# type is int instead of int?")]
    [InlineData("{type: object, additionalProperties: {type: boolean, nullable: true}}", "{type: object, additionalProperties: {type: boolean}}", "The 200 response of 'GET /things' (items) is no longer nullable: its generated C# type is bool instead of bool?")]
    [InlineData("{type: string, format: date-time, nullable: true}", "{type: string, format: date-time}", "its generated C# type is System.DateTimeOffset instead of System.DateTimeOffset?")]
    public void Evs3011_ValueTypeInsideAResultNoLongerNullable_IsAnErrorAtTheResponse(string before, string after, string message)
    {
        var diagnostic = Gate.Single(Current(Json(after)), Shipped(Json(before)), "EVS3011", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3011"], Ids(Json(before), Json(after)));
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/event-stream")]
    [InlineData("application/x-ndjson")]
    public void Evs3011_ValueTypeStreamItemsNoLongerNullable_IsAnErrorAtTheResponse(string mediaType)
    {
        // IAsyncEnumerable<long?> becomes IAsyncEnumerable<long>.
        var before = mediaType + ": {schema: {type: integer, nullable: true}}";
        var after = mediaType + ": {schema: {type: integer}}";

        var diagnostic = Gate.Single(Current(after), Shipped(before), "EVS3011", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3011"], Ids(before, after));
        Assert.Contains("its generated C# type is long instead of long?", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{type: string, nullable: true}", "{type: string}")]
    [InlineData("{allOf: [{$ref: '#/components/schemas/Pet'}], nullable: true}", "{$ref: '#/components/schemas/Pet'}")]
    [InlineData("{type: array, items: {type: string, nullable: true}}", "{type: array, items: {type: string}}")]
    public void ReferenceTypeResultNoLongerNullable_ReportsNothing(string before, string after)
    {
        // Task<string?> to Task<string> changes an annotation only, as a response property losing nullable does: silent.
        Assert.Empty(Gate.Run(Current(Json(after)).Text, Shipped(Json(before))));
    }

    [Theory]
    [InlineData("{type: integer}", "{type: integer, nullable: true}")]
    [InlineData("{type: string}", "{type: string, nullable: true}")]
    public void Evs3011_ResultNowNullable_IsAnErrorAtTheResponse(string before, string after)
    {
        var diagnostic = Gate.Single(Current(Json(after)), Shipped(Json(before)), "EVS3011", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3011"], Ids(Json(before), Json(after)));
        Assert.Equal("The 200 response of 'GET /things' may now be null: clients that do not expect null break " + Response, diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("text/event-stream")]
    [InlineData("application/x-ndjson")]
    public void Evs3006_StreamItemSchemaReplaced_IsATypeChangeAtTheResponse(string mediaType)
    {
        var before = mediaType + ": {schema: " + Pet + "}";
        var after = mediaType + ": {schema: {$ref: '#/components/schemas/Other'}}";

        var diagnostic = Gate.Single(Current(after), Shipped(before), "EVS3006", DiagnosticSeverity.Error);

        // The stream stays a stream: the item type is the method's only change, said once.
        Assert.Equal(["EVS3006"], Ids(before, after));
        Assert.StartsWith("The type of the 200 response of 'GET /things' changed from Pet to Other", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3006_StreamItemPropertyChanged_IsATypeChangeAtTheProperty()
    {
        var shipped = Shipped("text/event-stream: {schema: " + Pet + "}");
        var current = Gate.EditOf(shipped, ("        name: {type: string}\n", "        ⟦name: {type: integer}\n"));

        Gate.Single(current, shipped, "EVS3006", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3006"], Gate.Run(current.Text, shipped).Select(d => d.Id));
    }

    [Theory]
    [InlineData("text/event-stream", "application/json", "a stream of Pet", "Pet")]
    [InlineData("application/x-ndjson", "application/json", "a stream of Pet", "Pet")]
    [InlineData("application/json", "text/event-stream", "Pet", "a stream of Pet")]
    [InlineData("application/json", "application/x-ndjson", "Pet", "a stream of Pet")]
    public void Evs3035_StreamAndBufferedJsonSwapped_IsAnErrorBesideTheMediaTypeChange(string before, string after, string oldResult, string newResult)
    {
        // IAsyncEnumerable<Pet> and Task<Pet> are two methods: the media type removal says the wire, EVS3035 the method.
        var shipped = Shipped(before + ": {schema: " + Pet + "}");
        var current = Current(after + ": {schema: " + Pet + "}");

        var diagnostic = Gate.Single(current, shipped, "EVS3035", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3014", "EVS3031", "EVS3035"], Gate.Run(current.Text, shipped).Select(d => d.Id));
        Assert.Equal(
            $"The success answer of 'GET /things' changed from the 200 response as {before} to the 200 response as {after}: the generated method's result is {newResult} instead of {oldResult}, so code compiled against it no longer compiles and clients reading the baseline's answer break {Response}",
            diagnostic.GetMessage());
    }

    [Fact]
    public void Evs3035_JsonAddedBesideAStream_IsAnErrorWhileTheMediaTypeIsAnInfo()
    {
        // JSON is preferred over a stream when both are declared: the method becomes Task<Pet> with no media type removed.
        var before = "text/event-stream: {schema: " + Pet + "}";
        var after = before + ", " + Json(Pet);

        var diagnostic = Gate.Single(Current(after), Shipped(before), "EVS3035", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3031", "EVS3035"], Ids(before, after));
        Assert.Contains("the generated method's result is Pet instead of a stream of Pet", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3035_JsonRemovedBesideAStream_IsAnErrorBesideTheRemoval()
    {
        var after = "text/event-stream: {schema: " + Pet + "}";
        var before = Json(Pet) + ", " + after;

        var diagnostic = Gate.Single(Current(after), Shipped(before), "EVS3035", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3014", "EVS3035"], Ids(before, after));
        Assert.Contains("the generated method's result is a stream of Pet instead of Pet", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void StreamFramingChanged_IsTheMediaTypeChangeOnly()
    {
        // Server-sent events to JSON Lines: still IAsyncEnumerable<Pet>, only the wire format changed.
        Assert.Equal(["EVS3014", "EVS3031"], Ids("text/event-stream: {schema: " + Pet + "}", "application/x-ndjson: {schema: " + Pet + "}"));
    }

    [Theory]
    [InlineData(Binary, "application/json: {schema: {$ref: '#/components/schemas/Pet'}}", "EVS3014,EVS3031,EVS3035", "Pet", "a file (ApiFile)")]
    [InlineData("application/json: {schema: {$ref: '#/components/schemas/Pet'}}", Binary, "EVS3014,EVS3031,EVS3035", "a file (ApiFile)", "Pet")]
    [InlineData(Binary, Binary + ", application/json: {schema: {$ref: '#/components/schemas/Pet'}}", "EVS3031,EVS3035", "Pet", "a file (ApiFile)")]
    [InlineData("text/event-stream: {schema: {$ref: '#/components/schemas/Pet'}}", Binary, "EVS3014,EVS3031,EVS3035", "a file (ApiFile)", "a stream of Pet")]
    [InlineData(Binary, "text/event-stream: {schema: {$ref: '#/components/schemas/Pet'}}", "EVS3014,EVS3031,EVS3035", "a stream of Pet", "a file (ApiFile)")]
    public void Evs3035_FileAndValueOrStreamSwapped_IsAnErrorNotATypeChange(string before, string after, string ids, string newResult, string oldResult)
    {
        // A file has no schema type: before, these were EVS3006 "from string/byte to Pet", or only media type changes.
        var diagnostic = Gate.Single(Current(after), Shipped(before), "EVS3035", DiagnosticSeverity.Error);

        Assert.Equal(ids.Split(','), Ids(before, after));
        Assert.Contains($"the generated method's result is {newResult} instead of {oldResult}", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryMediaTypeReplaced_IsTheMediaTypeChangeOnly()
    {
        // Still an ApiFile: the wire changed, the method did not.
        Assert.Equal(["EVS3014", "EVS3031"], Ids(Binary, "image/png: {schema: {type: string, format: binary}}"));
    }

    [Fact]
    public void Evs3006_DeclaredErrorBodySchemaReplaced_IsATypeChangeAtTheErrorResponse()
    {
        // ApiException<Problem> becomes ApiException<Other>: callers catching the baseline's type miss it.
        var shipped = Shipped(Json(Pet));
        var current = Gate.EditOf(shipped, ("        '404': {description: nf, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}", "        ⟦'404': {description: nf, content: {application/json: {schema: {$ref: '#/components/schemas/Other'}}}}"));

        var diagnostic = Gate.Single(current, shipped, "EVS3006", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3006"], Gate.Run(current.Text, shipped).Select(d => d.Id));
        Assert.StartsWith("The type of the 404 response of 'GET /things' changed from Problem to Other", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3011_DeclaredErrorOfAValueTypeNoLongerNullable_IsAnErrorNamingTheException()
    {
        // The client throws ApiException<long> where it threw ApiException<long?>: a catch of the old type compiles and misses it.
        var error = "        '404': {description: nf, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}";
        var shipped = Shipped(Json(Pet)).Replace(error, "        '404': {description: nf, content: {application/json: {schema: {type: integer, nullable: true}}}}", StringComparison.Ordinal);
        var current = Gate.EditOf(shipped, ("        '404': {description: nf, content: {application/json: {schema: {type: integer, nullable: true}}}}", "        ⟦'404': {description: nf, content: {application/json: {schema: {type: integer}}}}"));

        var diagnostic = Gate.Single(current, shipped, "EVS3011", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3011"], Gate.Run(current.Text, shipped).Select(d => d.Id));
        Assert.Equal(
            "The 404 response of 'GET /things' is no longer nullable: it is thrown as ApiException<long> instead of ApiException<long?> (a value type), so code catching the baseline's type no longer catches it [/paths/~1things/get/responses/404]",
            diagnostic.GetMessage());
    }

    [Fact]
    public void Evs3006_DeclaredErrorBodyBecomesBinary_IsStillATypeChange()
    {
        // Only the success answer's body is the method's result; an error's kind change stays a type change of the error.
        var shipped = Shipped(Json(Pet));
        var current = Gate.EditOf(shipped, ("        '404': {description: nf, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}", "        ⟦'404': {description: nf, content: {" + Binary + "}}"));

        Gate.Single(current, shipped, "EVS3006", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3014", "EVS3031", "EVS3006"], Gate.Run(current.Text, shipped).Select(d => d.Id));
    }
}
