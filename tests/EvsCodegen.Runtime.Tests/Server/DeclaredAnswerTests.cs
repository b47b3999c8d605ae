using System.Text.Json;
using EvsCodegen.Runtime.AspNetCore;
using EvsCodegen.Runtime.Tests.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.Runtime.Tests.Server;

/// <summary>Declared error shapes on the server: declared bodies, problem details with and without ASP.NET Core's services.</summary>
public sealed class DeclaredAnswerTests
{
    private static readonly Action<Utf8JsonWriter, string> s_writeCode = static (writer, code) =>
    {
        writer.WriteStartObject();
        writer.WriteString("code", code);
        writer.WriteEndObject();
    };

    [Fact]
    public async Task DeclaredBody_IsWrittenWithItsStatusAndMediaType()
    {
        var http = TestHttp.Request();

        await ApiServerRuntime.WriteFailureAsync(http, new ApiException<string>(409, "duplicate"), ApiFaultTableTests.Plain, static (answer, error) => error.StatusCode switch
        {
            409 => ApiServerRuntime.WriteDeclaredAsync(answer, error, s_writeCode, "application/vnd.conflict+json"),
            _ => null,
        });

        Assert.Equal((409, "application/vnd.conflict+json"), (http.Response.StatusCode, http.Response.ContentType));
        Assert.Equal("""{"code":"duplicate"}""", TestHttp.ResponseText(http));
    }

    private const string ConflictShape = """{"root":{"name":"conflict","ns":"urn:c","type":0},"objects":[{"props":[{"json":"code","name":"code","type":"string"},{"json":"message","name":"message","type":"string"}]}]}""";

    [Fact]
    public async Task DeclaredXmlBody_IsWrittenAsXml_WithItsStatusAndMediaType()
    {
        var http = TestHttp.Request();

        await ApiServerRuntime.WriteFailureAsync(http, new ApiException<string>(406, "a<b"), ApiFaultTableTests.Plain, static (answer, error) =>
            ApiServerRuntime.WriteDeclaredXmlAsync(answer, error, s_writeCode, ConflictShape, "application/problem+xml", ApiFaultTableTests.Plain));

        Assert.Equal((406, "application/problem+xml"), (http.Response.StatusCode, http.Response.ContentType));
        Assert.Equal("""<conflict xmlns="urn:c"><code>a&lt;b</code></conflict>""", TestHttp.ResponseText(http));
    }

    [Fact]
    public async Task PlainException_AtAnXmlStatus_IsTheFaultTablesFieldsTheSchemaNames()
    {
        var http = TestHttp.Request();
        var crash = TestHttp.Request();

        await ApiServerRuntime.WriteFailureAsync(http, new ApiException(406, "taken"), ApiFaultTableTests.Plain, static (answer, error) =>
            ApiServerRuntime.WriteDeclaredXmlAsync(answer, error, s_writeCode, ConflictShape, "application/xml", ApiFaultTableTests.Plain));
        await ApiServerRuntime.WriteFailureAsync(crash, new InvalidOperationException("secret"), ApiFaultTableTests.Plain, static (answer, error) =>
            ApiServerRuntime.WriteDeclaredXmlAsync(answer, error, s_writeCode, ConflictShape, "application/xml", ApiFaultTableTests.Plain));

        // The plain table writes {"status":406,"message":"taken"}: the schema names message, not status.
        Assert.Equal((406, "application/xml"), (http.Response.StatusCode, http.Response.ContentType));
        Assert.Equal("""<conflict xmlns="urn:c"><message>taken</message></conflict>""", TestHttp.ResponseText(http));
        Assert.Equal(500, crash.Response.StatusCode);
        Assert.DoesNotContain("secret", TestHttp.ResponseText(crash), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainException_AtAnXmlStatusOfAScalarSchema_IsTheMessage()
    {
        var http = TestHttp.Request();

        await ApiServerRuntime.WriteFailureAsync(http, new ApiException(400, "bad & worse"), ApiFaultTableTests.Plain, static (answer, error) =>
            ApiServerRuntime.WriteDeclaredXmlAsync(answer, error, s_writeCode, """{"root":{"name":"message","type":"string"}}""", "text/xml", ApiFaultTableTests.Plain));

        Assert.Equal("<message>bad &amp; worse</message>", TestHttp.ResponseText(http));
    }

    [Fact]
    public async Task PlainException_AtADeclaredBodyStatus_KeepsTheFaultTable()
    {
        var http = TestHttp.Request();

        await ApiServerRuntime.WriteFailureAsync(http, new ApiException(409, "taken"), ApiFaultTableTests.Plain, static (answer, error) => ApiServerRuntime.WriteDeclaredAsync(answer, error, s_writeCode, "application/json"));

        Assert.Equal("""{"status":409,"message":"taken"}""", TestHttp.ResponseText(http));
    }

    [Fact]
    public async Task Problem_WithoutProblemServices_IsWrittenAsIs()
    {
        var http = TestHttp.Request();

        await ApiServerRuntime.WriteFailureAsync(http, new InvalidOperationException("secret"), ApiFaultTableTests.Plain, static (answer, error) => ApiServerRuntime.WriteProblemAsync(answer, error, s_writeCode));

        Assert.Equal((500, "application/problem+json"), (http.Response.StatusCode, http.Response.ContentType));
        Assert.Equal("""{"title":"Internal Server Error","status":500,"detail":"The server could not complete the request."}""", TestHttp.ResponseText(http));
    }

    [Fact]
    public async Task Problem_WithProblemServices_GoesThroughThem_KeepingExtensions()
    {
        var services = new ServiceCollection().AddLogging()
            .AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["node"] = "east-1")
            .BuildServiceProvider();
        var http = TestHttp.Request(services: services);

        await ApiServerRuntime.WriteFailureAsync(http, new ApiException<string>(404, "missing"), ApiFaultTableTests.Plain, static (answer, error) => ApiServerRuntime.WriteProblemAsync(answer, error, s_writeCode));

        Assert.Equal(404, http.Response.StatusCode);
        Assert.StartsWith("application/problem+json", http.Response.ContentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(TestHttp.ResponseText(http));
        Assert.Equal("missing", json.RootElement.GetProperty("code").GetString());
        Assert.Equal("east-1", json.RootElement.GetProperty("node").GetString());
        Assert.Equal(404, json.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public void SetHeader_SendsNothingForNull()
    {
        var http = TestHttp.Request();

        ApiServerRuntime.SetHeader(http, "Location", "/tasks/1");
        ApiServerRuntime.SetHeader(http, "Retry-After", null);

        Assert.Equal("/tasks/1", http.Response.Headers.Location.ToString());
        Assert.False(http.Response.Headers.ContainsKey("Retry-After"));
    }
}
