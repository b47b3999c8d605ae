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
