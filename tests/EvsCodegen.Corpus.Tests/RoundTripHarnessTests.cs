using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using EvsCodegen.Corpus.RoundTrip;
using EvsCodegen.Generators.Model;
using Xunit;

namespace EvsCodegen.Corpus.Tests;

/// <summary>The round-trip harness's own rules, without a server: synthesized values, credentials, forms, the report.</summary>
public sealed class RoundTripHarnessTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        security:
          - bearer: []
        paths:
          /things:
            get:
              operationId: listThings
              parameters:
                - {name: tags, in: query, required: true, schema: {type: array, items: {type: string}}}
              responses:
                '200': {description: ok}
            delete:
              operationId: deleteThings
              security:
                - {basic: [], bearer: []}
                - {basic: [], key: []}
              responses:
                '404': {description: none}
          /other:
            get:
              operationId: otherThings
              security:
                - {signed: []}
                - {}
              responses:
                default: {description: any}
            post:
              operationId: postOther
              responses:
                '2XX': {description: any}
          /reports:
            get:
              operationId: getReport
              responses:
                default: {description: the report or the error, content: {application/json: {schema: {type: string}}}}
            put:
              operationId: moveReport
              responses:
                '303': {description: moved}
                default: {description: the error, content: {application/json: {schema: {type: string}}}}
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer}
            basic: {type: http, scheme: basic}
            key: {type: apiKey, in: header, name: X-Key}
            signed: {type: http, scheme: signature}
          schemas:
            Thing:
              type: object
              properties:
                level: {type: number, enum: [1.5, 2, 3]}
                site: {type: string, format: uri}
                mail: {type: string, format: email}
                host: {type: string, format: hostname}
        """;

    private static readonly Lazy<ApiModel> s_model = new(() =>
        // Every schema: Thing, which the value synthesizer is tested on, is reached by no operation.
        RoundTripRunner.Parse(new CorpusDocument("things.yaml", "things.yaml", Document, "Things", []), ModelsSelection.All) ?? throw new InvalidOperationException("no model"));

    private static OperationModel Operation(string id) => s_model.Value.Surfaces.SelectMany(s => s.Operations).Single(o => o.OperationId == id);

    [Fact]
    public void DeclaresSuccess_IsA2xxA2XXRange_OrADefaultBesideNoOtherAnswerBelow400()
    {
        Assert.True(OperationDriver.DeclaresSuccess(Operation("listThings")));
        Assert.False(OperationDriver.DeclaresSuccess(Operation("deleteThings")));
        Assert.True(OperationDriver.DeclaresSuccess(Operation("otherThings")));
        Assert.True(OperationDriver.DeclaresSuccess(Operation("postOther")));
        Assert.True(OperationDriver.DeclaresSuccess(Operation("getReport")));
        // A declared redirect keeps default the error: the successful call is undeclared and goes to the server directly.
        Assert.False(OperationDriver.DeclaresSuccess(Operation("moveReport")));
    }

    [Fact]
    public void DeclaresSuccess_ADefaultWithContent_IsTheAnswerTheDriverSynthesizesAndPrismChecks()
    {
        // The driver makes the implementation's answer from the operation's success answer: here the default's schema.
        var success = Operation("getReport").Success;

        Assert.NotNull(success);
        Assert.Equal("default", success.Status);
        Assert.Equal(TypeRefKind.String, success.Type?.Kind);
        Assert.Equal("default", Operation("otherThings").Success?.Status);
        Assert.Null(Operation("moveReport").Success);
    }

    [Fact]
    public void UndeclaredSuccessStatus_Is204_Or200BesideADefaultThatARedirectKeepsAnError()
    {
        Assert.Equal(204, Operation("deleteThings").SuccessStatusCode);
        Assert.Equal(200, Operation("moveReport").SuccessStatusCode);
    }

    [Theory]
    [InlineData("Full", 1.5)]
    [InlineData("Minimal", 1.5)]
    [InlineData("Unicode", 2)]
    [InlineData("Boundary", 3)]
    public void NumberEnum_GetsOneOfItsValues(string variant, double expected)
    {
        var level = s_model.Value.Types.OfType<ObjectTypeModel>().Single(t => t.Name == "Thing").Properties.Single(p => p.JsonName == "level");

        var value = new ValueSynthesizer(s_model.Value, Enum.Parse<Variant>(variant), 7).Create(typeof(double), level.Type, level.Constraints);

        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("Full")]
    [InlineData("Minimal")]
    [InlineData("Boundary")]
    [InlineData("Unicode")]
    public void StringFormats_GetValuesOfThatFormat(string variant)
    {
        var thing = s_model.Value.Types.OfType<ObjectTypeModel>().Single(t => t.Name == "Thing");
        string Make(string key) => (string)new ValueSynthesizer(s_model.Value, Enum.Parse<Variant>(variant), 7).Create(typeof(string), null, thing.Properties.Single(p => p.JsonName == key).Constraints);

        Assert.True(Uri.TryCreate(Make("site"), UriKind.Absolute, out var uri) && uri.Scheme == "https", Make("site"));
        Assert.Matches("^[a-z0-9]+@example\\.com$", Make("mail"));
        Assert.Equal(UriHostNameType.Dns, Uri.CheckHostName(Make("host")));
    }

    [Fact]
    public void RequiredArrayParameter_HasAnItemEvenInTheMinimalVariant()
    {
        var tags = Operation("listThings").Parameters.Single();

        var required = (IReadOnlyList<string>)new ValueSynthesizer(s_model.Value, Variant.Minimal, 7).Create(typeof(IReadOnlyList<string>), tags.Type, tags.Constraints, nonEmpty: true);
        var optional = (IReadOnlyList<string>)new ValueSynthesizer(s_model.Value, Variant.Minimal, 7).Create(typeof(IReadOnlyList<string>), tags.Type, tags.Constraints);

        Assert.Single(required);
        Assert.Empty(optional);
    }

    [Fact]
    public void Credentials_SatisfyTheFirstAlternativeThatCanBeSatisfied()
    {
        var credentials = SecurityCredentials.Read(Document);

        Assert.Equal("Bearer", credentials.For(Operation("listThings")).Scheme);

        // basic AND bearer need two Authorization values; basic AND an API key (which the client sends) is the one.
        var delete = credentials.For(Operation("deleteThings"));
        Assert.Equal("Basic", delete.Scheme);
        Assert.Equal("round-trip-user:round-trip-password", Encoding.ASCII.GetString(Convert.FromBase64String(delete.Parameter!)));
        // An HTTP scheme a validator cannot check (signature) only when nothing else will do: here the empty alternative.
        Assert.Equal(SecurityCredentials.Default, credentials.For(Operation("otherThings")));
    }

    [Fact]
    public void FormBody_RemovesAndReplacesUrlEncodedFields()
    {
        var form = FormBody.Parse(Encoding.UTF8.GetBytes("a=1&b=x+y&b=z&c=%C3%A9"), "application/x-www-form-urlencoded");

        form.Remove("a");
        form.Set("b", "zz invalid");
        form.Set("d", "new");

        Assert.Equal("b=zz%20invalid&c=%C3%A9&d=new", Encoding.UTF8.GetString(form.ToBytes()));
    }

    [Fact]
    public void FormBody_RemovesAndReplacesMultipartParts_KeepingFileBytes()
    {
        byte[] file = [0, 0xff, 0xfe, 0x80, 13, 10];
        var body = Encoding.ASCII.GetBytes("--B\r\nContent-Disposition: form-data; name=\"count\"\r\n\r\n3\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .Concat(file).Concat(Encoding.ASCII.GetBytes("\r\n--B\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nsmall\r\n--B--\r\n")).ToArray();
        var form = FormBody.Parse(body, "multipart/form-data; boundary=B");

        form.Remove("kind");
        form.Set("count", "zz-invalid");

        var expected = Encoding.ASCII.GetBytes("--B\r\nContent-Disposition: form-data; name=\"count\"\r\n\r\nzz-invalid\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .Concat(file).Concat(Encoding.ASCII.GetBytes("\r\n--B--\r\n")).ToArray();
        Assert.Equal(expected, form.ToBytes());
    }

    [Fact]
    public void Summary_IsExactlyTheLineIssue11Asks_AndTheDetailsLineCountsTheDirectCalls()
    {
        var result = new RoundTripResult("a.yaml") { Operations = 3, Driven = 2, RoundTrips = 12, RejectedInvalid = 5, SuccessDirect = 4 };
        result.Findings.Add(new Finding("a.yaml", "op", FindingKind.Mismatch, "full: result", "x"));
        result.Findings.Add(new Finding("a.yaml", "op", FindingKind.PrismViolation, "full", "x"));
        result.Findings.Add(new Finding("a.yaml", "other", FindingKind.NotDriven, "synthesis", "no value matches"));

        Assert.Equal("documents: 1, operations: 3, round-trips: 12, mismatches: 1, rejected-invalid: 5, accepted-invalid: 0, server-errors: 0", RoundTripReport.Summary([result]));
        Assert.StartsWith("prism-violations: 1, not-driven: 1 operations (1 findings), undeclared-success-direct: 4 calls", RoundTripReport.Details([result]), StringComparison.Ordinal);
        Assert.Contains("- a.yaml `other` (synthesis): no value matches", RoundTripReport.Section([result], "corpus"), StringComparison.Ordinal);
        Assert.Single(RoundTripReport.Failures([result]), f => f.Kind == FindingKind.PrismViolation);
    }

    [Fact]
    public void PrismCrashReason_IsTheErrorLineAndItsFirstFrame_WithoutTheMachinesFolders()
    {
        const string Output = "[10:56 PM] › [HTTP SERVER] info      Request received\nTypeError: Cannot read properties of undefined (reading 'name')\n"
            + "    at parseMultipartFormDataParams (/work/x/tests/tools/node_modules/@stoplight/prism-http/dist/validator/validators/body.js:91:29)\n"
            + "    at deserializeAndValidate (/work/x/tests/tools/node_modules/@stoplight/prism-http/dist/validator/validators/body.js:120:11)\n";

        Assert.Equal(
            "TypeError: Cannot read properties of undefined (reading 'name') at parseMultipartFormDataParams (node_modules/@stoplight/prism-http/dist/validator/validators/body.js:91:29)",
            PrismProxy.ReasonOf(Output));
        Assert.Equal("fatal Error opening file", PrismProxy.ReasonOf("info\n  [1:42:37 AM] › [CLI] fatal Error opening file\n"));
    }
}
