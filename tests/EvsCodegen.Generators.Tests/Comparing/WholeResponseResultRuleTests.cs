using EvsCodegen.Generators.Tests.Comparing;
using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

// In the Diagnostics namespace so GeneratorDiagnosticsTests.EveryDiagnosticId_IsCoveredByATestInThisFolder sees them.
namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>
/// The whole-response surface (<c>MakeThingResult</c> and <c>MakeThingWithResponseAsync</c>, generated when the success
/// answers declare several statuses or headers): what it loses that no response rule says is EVS3037; what the responses
/// say (a body's type, a removed status, a header's type) stays theirs; what only adds stays silent.
/// </summary>
public sealed class WholeResponseResultRuleTests
{
    private const string Template = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /things:
            post:
              operationId: makeThing
              responses:
        RESPONSES
        """ + "\n" + Gate.ProblemOn404WithObjects;

    private const string Ok = "        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}";

    private const string OkTraced = "        '200': {description: ok, headers: {X-Trace: {schema: {type: string}}}, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}";

    private const string OkTraceRequired = "        '200': {description: ok, headers: {X-Trace: {required: true, schema: {type: string}}}, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}";

    private const string Accepted = "        '202': {description: acc, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}";

    private const string AcceptedTraced = "        '202': {description: acc, headers: {X-Trace: {schema: {type: string}}}, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}";

    private const string Message = "The whole-response result of 'POST /things' changed: ";

    private static string Document(params string[] responses) => Template.Replace("RESPONSES", string.Join("\n", responses), StringComparison.Ordinal);

    /// <summary>The document with <paramref name="responses"/>, the marker put before the first occurrence of <paramref name="at"/>.</summary>
    private static MarkedText Marked(string at, params string[] responses)
    {
        var text = Document(responses);
        var index = text.IndexOf(at, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{at}' must occur.");
        return MarkedText.Parse(text.Insert(index, MarkedText.Marker));
    }

    private static string[] Ids(string current, string shipped) => [.. Gate.Run(current, shipped).Select(d => d.Id)];

    [Fact]
    public void Evs3037_AnswerOfAnotherTypeAdded_RenamesTheSharedBodyProperty()
    {
        // Body is shared while every answer's body is a Pet; a 201 of Other makes it Body200, Body201, Body202.
        var shipped = Document(Ok, Accepted);
        var current = Marked("'200'", Ok, "        '201': {description: cr, content: {application/json: {schema: {$ref: '#/components/schemas/Other'}}}}", Accepted);

        var diagnostic = Gate.Single(current, shipped, "EVS3037", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3037"], Ids(current.Text, shipped));
        Assert.Equal(
            Message + "the body of the 200 answer moved from MakeThingResult.Body to MakeThingResult.Body200, so code compiled against it no longer compiles [/paths/~1things/post/responses/200]",
            diagnostic.GetMessage());
    }

    [Fact]
    public void Evs3037_OtherAnswersBodyReplaced_IsTheTypeChangeAndTheRename()
    {
        var shipped = Document(Ok, Accepted);
        var current = Marked("'200'", Ok, Accepted.Replace("/Pet'", "/Other'", StringComparison.Ordinal));

        Gate.Single(current, shipped, "EVS3037", DiagnosticSeverity.Error);

        // The 202's body type is a wire change (EVS3006 there); result.Body of the 200 no longer compiling is another fact.
        Assert.Equal(["EVS3006", "EVS3037"], Ids(current.Text, shipped));
    }

    [Fact]
    public void Evs3037_OnlyHeaderRemoved_TheResultTypeIsNoLongerGenerated()
    {
        var shipped = Document(OkTraced);
        var current = Marked("responses:", Ok);

        var diagnostic = Gate.Single(current, shipped, "EVS3037", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3033", "EVS3037"], Ids(current.Text, shipped));
        Assert.Equal(
            Message + "MakeThingResult and MakeThingWithResponseAsync are no longer generated (its success answers are one status without headers), so code compiled against it no longer compiles [/paths/~1things/post/responses]",
            diagnostic.GetMessage());
    }

    [Fact]
    public void Evs3037_SuccessAnswerBecomesAStream_IsTheResultChangeOnly()
    {
        // The method's result changed (EVS3035): the whole-response surface going with it is part of that story.
        var shipped = Document(Ok, Accepted);
        var current = Document(Ok.Replace("application/json", "text/event-stream", StringComparison.Ordinal), Accepted);

        Assert.Equal(["EVS3014", "EVS3031", "EVS3035"], Ids(current, shipped));
    }

    [Fact]
    public void Evs3037_RequiredHeaderAdded_TheFactoryRequiresIt()
    {
        // Clients get one more header (compatible), but MakeThingResult.Ok(body) calls in backends no longer compile.
        var shipped = Document(Ok, Accepted);
        var current = Marked("X-Trace", OkTraceRequired, Accepted);

        var diagnostic = Gate.Single(current, shipped, "EVS3037", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3037"], Ids(current.Text, shipped));
        Assert.Equal(
            Message + "the factory MakeThingResult.Ok now requires the 'X-Trace' header (parameter 'xTrace'), so code compiled against it no longer compiles [/paths/~1things/post/responses/200/headers/X-Trace]",
            diagnostic.GetMessage());
    }

    [Fact]
    public void Evs3037_HeaderMadeRequired_TheFactoryRequiresIt()
    {
        var shipped = Document(OkTraced, Accepted);
        var current = Marked("X-Trace", OkTraceRequired, Accepted);

        Gate.Single(current, shipped, "EVS3037", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3037"], Ids(current.Text, shipped));
    }

    [Fact]
    public void Evs3037_HeaderRemovedFromOneAnswer_TheFactoryNoLongerTakesIt()
    {
        // The XTrace property stays (the 202 declares it); Ok(body, xTrace: …) no longer compiles.
        var shipped = Document(OkTraced, AcceptedTraced);
        var current = Marked("'200'", Ok, AcceptedTraced);

        var diagnostic = Gate.Single(current, shipped, "EVS3037", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3033", "EVS3037"], Ids(current.Text, shipped));
        Assert.Contains("the factory MakeThingResult.Ok no longer takes the 'X-Trace' header (parameter 'xTrace')", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredHeaderRemoved_IsTheRemovalErrorOnly()
    {
        // EVS3032 is an error at the header already; the property going with it (the 202 keeps the type alive) is not repeated.
        var shipped = Document(OkTraceRequired, Accepted);

        Assert.Equal(["EVS3032"], Ids(Document(Ok, Accepted), shipped));
    }

    [Fact]
    public void OtherSuccessAnswerRemoved_IsTheRemovalOnly()
    {
        // The 202 case, its factory and (here) the whole result type go: EVS3012 says it, as for a lower success removed.
        Assert.Equal(["EVS3012"], Ids(Document(Ok), Document(Ok, Accepted)));
    }

    [Fact]
    public void Evs3006_HeaderTypeChanged_IsATypeChangeAtTheHeader()
    {
        // Not compared before: the result's XTrace property is string? then long?, and clients parse it differently.
        var shipped = Document(OkTraced);
        var current = Marked("X-Trace", OkTraced.Replace("{type: string}", "{type: integer}", StringComparison.Ordinal));

        var diagnostic = Gate.Single(current, shipped, "EVS3006", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3006"], Ids(current.Text, shipped));
        Assert.StartsWith("The type of the header 'X-Trace' of the 200 response of 'POST /things' changed from string to integer/int64", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs3011_OtherAnswersValueTypeNoLongerNullable_IsAnErrorAtThatResponse()
    {
        // MakeThingResult.Accepted(long? body) becomes Accepted(long body).
        var shipped = Document(Ok, "        '202': {description: acc, content: {application/json: {schema: {type: integer, nullable: true}}}}");
        var current = Marked("'202'", Ok, "        '202': {description: acc, content: {application/json: {schema: {type: integer}}}}");

        Gate.Single(current, shipped, "EVS3011", DiagnosticSeverity.Error);

        Assert.Equal(["EVS3011"], Ids(current.Text, shipped));
    }

    [Theory]
    [InlineData("an answer of the same type", "        '203': {description: more, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}")]
    [InlineData("an optional header", null)]
    public void AdditionsToTheResultType_ReportNothing(string what, string? extra)
    {
        // A new factory, a new optional property and parameter: what compiled against the baseline still compiles.
        var shipped = Document(Ok, Accepted);
        var current = extra is null ? Document(OkTraced, Accepted) : Document(Ok, Accepted, extra);

        Assert.True(Gate.Run(current, shipped).Count == 0, what);
    }

    [Fact]
    public void OperationRenamed_IsTheRenameOnly()
    {
        // MakeThingResult becomes BuildThingResult: EVS3015 says every generated name changed; its members did not.
        var shipped = Document(OkTraced, Accepted);

        Assert.Equal(["EVS3015"], Ids(shipped.Replace("operationId: makeThing", "operationId: buildThing", StringComparison.Ordinal), shipped));
    }

    [Fact]
    public void ResultTypeAppearing_ReportsNothing()
    {
        Assert.Empty(Gate.Run(Document(Ok, Accepted), Document(Ok)));
    }

    [Fact]
    public void Evs3037_AcceptedBreak_IsNotReported()
    {
        var shipped = Document(OkTraced);

        var all = Gate.Run(Document(Ok), shipped, ("OpenApiAcceptedBreaks", "EVS3037:/paths/~1things/post/responses"));

        Assert.Equal(["EVS3033"], all.Select(d => d.Id));
    }
}
