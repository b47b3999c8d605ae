using System.Text;
using System.Text.Json;

namespace EvsCodegen.Runtime.Tests.Errors;

/// <summary>
/// <see cref="ApiException{TError}"/> and <see cref="ApiClientRuntime.DeclaredError{TError}"/>: a declared error body
/// becomes the typed exception only when it is JSON and reads as the declared type; otherwise the plain one stays.
/// </summary>
public sealed class DeclaredErrorTests
{
    private static readonly ApiJsonReadFunc<string> s_readCode = static (ref Utf8JsonReader reader, ApiJsonReader context) =>
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("an object");
        }

        string? code = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isCode = reader.ValueTextEquals("code"u8);
            reader.Read();
            if (isCode && reader.TokenType == JsonTokenType.String)
            {
                code = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return code ?? throw new JsonException("code is required");
    };

    [Fact]
    public void DeclaredJsonBody_BecomesTheTypedException_KeepingStatusMessageAndBytes()
    {
        var body = """{"code":"duplicate","message":"Taken."}"""u8.ToArray();
        var plain = ApiException.FromResponse(409, "Conflict", body, "application/json", ApiFaultTableTests.Plain);

        var typed = Assert.IsType<ApiException<string>>(ApiClientRuntime.DeclaredError(plain, s_readCode));

        Assert.Equal((409, "duplicate", "Taken."), (typed.StatusCode, typed.Error, typed.Message));
        Assert.Equal(body, typed.RawResponseBody.ToArray());
    }

    private const string CodeShape = """{"root":{"name":"problem","type":0},"objects":[{"props":[{"json":"code","name":"code","type":"string"},{"json":"message","name":"message","type":"string"}]}]}""";

    [Fact]
    public void DeclaredXmlBody_BecomesTheTypedException()
    {
        var body = "<problem xmlns=\"urn:x\"><code>duplicate</code><message>Taken.</message></problem>"u8.ToArray();
        var plain = ApiException.FromResponse(409, "Conflict", body, "application/problem+xml", ApiFaultTableTests.Plain);

        var typed = Assert.IsType<ApiException<string>>(ApiClientRuntime.DeclaredXmlError(plain, CodeShape, s_readCode, ApiFaultTableTests.Plain));

        // The message is the error's, read as the fault table reads it (here its "message" field), escaped.
        Assert.Equal((409, "duplicate", "Taken."), (typed.StatusCode, typed.Error, typed.Message));
        Assert.Equal(body, typed.RawResponseBody.ToArray());
    }

    [Theory]
    [InlineData("application/json", "<problem><code>x</code></problem>")]
    [InlineData("application/xml", "<problem><code>x</code>")]
    [InlineData("application/xml", "<other><code>x</code></other>")]
    [InlineData("application/xml", "<problem><message>no code</message></problem>")]
    [InlineData("application/xml", "<!DOCTYPE problem [<!ENTITY e \"x\">]><problem><code>&e;</code></problem>")]
    public void XmlBody_ThatIsNotTheDeclaredXml_KeepsThePlainException(string mediaType, string xml)
    {
        var plain = ApiException.FromResponse(409, "Conflict", Encoding.UTF8.GetBytes(xml), mediaType, ApiFaultTableTests.Plain);

        Assert.Same(plain, ApiClientRuntime.DeclaredXmlError(plain, CodeShape, s_readCode, ApiFaultTableTests.Plain));
    }

    [Fact]
    public void HtmlBody_MessageShowsTheText_Decoded()
    {
        var plain = ApiException.FromResponse(400, "Bad Request", "Row &#39;&lt;b&gt;&#39; is\n bad &amp; \\ worse."u8.ToArray(), "text/html", ApiFaultTableTests.Plain);

        // Escaped once, as a text/plain body's message is: a line break shows as \u000A, a backslash as \\.
        Assert.Equal("The server answered 400 Bad Request with a body that is not the documented error: Row '<b>' is\\u000A bad & \\\\ worse.", plain.Message);
        Assert.Equal(ApiException.FromResponse(400, "Bad Request", "Row '<b>' is\n bad & \\ worse."u8.ToArray(), "text/plain", ApiFaultTableTests.Plain).Message, plain.Message);
    }

    [Fact]
    public void ProblemBody_MessageIsTitleAndDetail_Escaped()
    {
        var body = Encoding.UTF8.GetBytes("""{"code":"x","title":"Missing","detail":"No task\n5."}""");
        var plain = ApiException.FromResponse(404, "Not Found", body, "application/problem+json", ApiFaultTableTests.Plain);

        var typed = ApiClientRuntime.DeclaredError(plain, s_readCode);

        Assert.Equal("The server answered 404: Missing: No task\\u000A5.", typed.Message);
    }

    [Theory]
    [InlineData("text/html", """{"code":"x"}""")]
    [InlineData(null, """{"code":"x"}""")]
    [InlineData("application/json", """{"other":1}""")]
    [InlineData("application/json", """not json""")]
    [InlineData("application/json", "")]
    public void BodyThatIsNotTheDeclaredJson_KeepsThePlainException(string? mediaType, string text)
    {
        var plain = ApiException.FromResponse(409, "Conflict", Encoding.UTF8.GetBytes(text), mediaType, ApiFaultTableTests.Plain);

        Assert.Same(plain, ApiClientRuntime.DeclaredError(plain, s_readCode));
    }

    [Fact]
    public void ServerSide_TypedException_CarriesItsBodyAndStatus()
    {
        var exception = new ApiException<string>(422, "invalid");

        Assert.Equal((422, "invalid", "The operation answered 422 with a declared error."), (exception.StatusCode, exception.Error, exception.Message));
        Assert.IsAssignableFrom<ApiException>(exception);
    }
}
