using System.Text;

namespace EvsCodegen.Runtime.Tests.Errors;

public sealed class ApiExceptionTests
{
    [Fact]
    public void DocumentedError_GivesItsMessageFaultNameAndCode()
    {
        var body = Encoding.UTF8.GetBytes(ApiFaultTableTests.Error(ApiFaultTableTests.Keyed, 404, "No such snapshot."));

        var exception = ApiException.FromResponse(404, "Not Found", body, "application/json", ApiFaultTableTests.Keyed);

        Assert.Equal((404, "No such snapshot.", "itemNotFound", "EVS.5404"), (exception.StatusCode, exception.Message, exception.FaultName, exception.Code));
        Assert.Equal(Encoding.UTF8.GetString(body), exception.ResponseBody);
    }

    [Fact]
    public void OtherBody_IsQuotedInTheMessage()
    {
        var exception = ApiException.FromResponse(502, "Bad Gateway", "<html>proxy</html>"u8.ToArray(), "text/html", ApiFaultTableTests.Keyed);

        Assert.Equal("The server answered 502 Bad Gateway with a body that is not the documented error: <html>proxy</html>", exception.Message);
        Assert.Equal((null, null, "<html>proxy</html>"), (exception.FaultName, exception.Code, exception.ResponseBody));
    }

    [Fact]
    public void EmptyBody_IsSaidToBeEmpty()
    {
        var exception = ApiException.FromResponse(503, "Service Unavailable", [], null, ApiFaultTableTests.Keyed);

        Assert.Equal("The server answered 503 Service Unavailable with an empty body", exception.Message);
        Assert.Equal(string.Empty, exception.ResponseBody);
    }

    [Fact]
    public void LongBody_IsCutAtTheLimit_WithAnEllipsis()
    {
        var body = Encoding.UTF8.GetBytes(new string('a', ApiException.ResponseBodyLimit + 100));

        var exception = ApiException.FromResponse(500, "Internal Server Error", body, "text/plain", ApiFaultTableTests.Keyed);

        Assert.Equal(new string('a', ApiException.ResponseBodyLimit) + "…", exception.ResponseBody);
        Assert.EndsWith("…", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BodyOfExactlyTheLimit_IsKeptWhole()
    {
        var body = Encoding.UTF8.GetBytes(new string('a', ApiException.ResponseBodyLimit));

        Assert.Equal(new string('a', ApiException.ResponseBodyLimit), ApiException.FromResponse(500, null, body, null, ApiFaultTableTests.Plain).ResponseBody);
    }

    [Fact]
    public void ServerSideConstructor_LeavesTheDetailsToTheFaultTable()
    {
        var exception = new ApiException(409, "conflict");

        Assert.Equal((409, "conflict", null, null, null), (exception.StatusCode, exception.Message, exception.FaultName, exception.Code, exception.ResponseBody));
    }
}
