using System.Net;
using System.Text;
using EvsCodegen.TestSupport;
using GeneratedCode.ErrorMarkup;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Bodies;

/// <summary>
/// Errors declared only in a text type are answered as the message in that type (HTML-escaped for <c>text/html</c>);
/// errors declared only as XML (<c>application/problem+xml</c>) are answered as XML after the XML Object, the typed body
/// or the fault table's error, and the client decodes them into <c>ApiException&lt;TError&gt;</c>
/// (docs/decisions.md, "Errors declared only as HTML, other text or XML").
/// </summary>
public class ErrorMarkupTests
{
    private const string Markup = "<script>alert('x')</script> & \"more\"";

    /// <summary>The generated server the tests run against.</summary>
    protected virtual ServerFlavour Flavour => ServerFlavour.Mvc;

    [Fact]
    public async Task AnHtmlError_IsTheEscapedMessage_AndTheClientReadsTheMessage()
    {
        await using var host = await StartAsync(new SquaresApi(new ApiException(400, Markup)));
        using var http = host.Client();

        using var response = await http.GetAsync("squares/1");

        Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Equal("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;", await response.Content.ReadAsStringAsync());

        var failure = await Assert.ThrowsAsync<ApiException>(() => new SquaresApiClient(http).GetSquareAsync(1));
        Assert.Equal(400, failure.StatusCode);
        Assert.Contains(Markup, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheServersOwn400_IsWrittenAsEscapedHtml_WhenThe400DeclaresOnlyHtml()
    {
        var api = new SquaresApi(null);
        await using var host = await StartAsync(api);
        using var http = host.Client();

        using var response = await http.GetAsync("squares/%3Cb%3E");

        // The server's own message goes through the same escaping (its quotes show it).
        Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Equal("The parameter &#39;row&#39; must be a 32-bit integer.", await response.Content.ReadAsStringAsync());
        Assert.False(api.Called);
        var failure = await Assert.ThrowsAsync<ApiException>(() => new SquaresApiClient(http).GetSquareAsync(4));
        Assert.Contains("'row'", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("&#39;", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherTextType_IsTheMessageAsIs()
    {
        await using var host = await StartAsync(new SquaresApi(new ApiException(409, "taken by *O*")));
        using var http = host.Client();

        using var response = await http.GetAsync("squares/2");

        Assert.Equal((HttpStatusCode.Conflict, "text/markdown"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Equal("taken by *O*", await response.Content.ReadAsStringAsync());
        var failure = await Assert.ThrowsAsync<ApiException>(() => new SquaresApiClient(http).GetSquareAsync(2));
        Assert.Contains("taken by *O*", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeclaredXmlError_IsWrittenAsXml_AndDecodedTyped()
    {
        var problem = new Problem { Title = "No <mark>", Status = 406, Message = "a & b", Hints = ["X", "O"] };
        await using var host = await StartAsync(new SquaresApi(new ApiException<Problem>(406, problem)));
        using var http = host.Client();

        using var response = await http.GetAsync("squares/1");

        Assert.Equal((HttpStatusCode.NotAcceptable, "application/problem+xml"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Equal(
            """<problem xmlns="urn:ietf:rfc:7807"><title>No &lt;mark&gt;</title><status>406</status><message>a &amp; b</message><hint>X</hint><hint>O</hint></problem>""",
            await response.Content.ReadAsStringAsync());

        var failure = await Assert.ThrowsAsync<ApiException<Problem>>(() => new SquaresApiClient(http).GetSquareAsync(1));
        Assert.Equal(406, failure.StatusCode);
        Assert.Equal(("No <mark>", 406, "a & b"), (failure.Error.Title, failure.Error.Status, failure.Error.Message));
        Assert.Equal(["X", "O"], failure.Error.Hints);
    }

    [Fact]
    public async Task APlainErrorOnAnXmlStatus_IsTheFaultInTheDeclaredXml_AndDecodedTyped()
    {
        await using var host = await StartAsync(new SquaresApi(new ApiException(406, "no such mark")));
        using var http = host.Client();

        using var response = await http.GetAsync("squares/1");

        Assert.Equal((HttpStatusCode.NotAcceptable, "application/problem+xml"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("""<problem xmlns="urn:ietf:rfc:7807">""", body, StringComparison.Ordinal);
        Assert.Contains("<message>no such mark</message>", body, StringComparison.Ordinal);

        var failure = await Assert.ThrowsAsync<ApiException<Problem>>(() => new SquaresApiClient(http).GetSquareAsync(1));
        Assert.Equal(("no such mark", "no such mark"), (failure.Error.Message, failure.Message));
    }

    [Fact]
    public async Task TheServersOwn400_IsWrittenAsXml_WhenThe400DeclaresOnlyXml()
    {
        var api = new SquaresApi(null);
        await using var host = await StartAsync(api);
        using var http = host.Client();

        using var response = await http.PutAsync("squares/1", new StringContent("\"Z\"", Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+xml"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("""<problem xmlns="urn:ietf:rfc:7807">""", body, StringComparison.Ordinal);
        Assert.Contains("<message>", body, StringComparison.Ordinal);
        Assert.False(api.Called);

        // The client sends only valid marks; a row out of range is refused by the server in the same shape.
        var failure = await Assert.ThrowsAsync<ApiException<Problem>>(() => new SquaresApiClient(http).PutSquareAsync(9, PutSquareRequest.X));
        Assert.Equal(400, failure.StatusCode);
        Assert.False(string.IsNullOrEmpty(failure.Error.Message));
        Assert.False(api.Called);
    }

    private Task<KestrelHost> StartAsync(SquaresApi api) =>
        FlavourHost.StartAsync(Flavour, services => services.AddSingleton<ISquaresApi>(api), s => s.AddSquaresApiControllers(), app => app.MapSquaresApi());

    private sealed class SquaresApi(ApiException? failure) : ISquaresApi
    {
        public bool Called { get; private set; }

        public Task<string> GetSquareAsync(int row, CancellationToken cancellationToken = default)
        {
            Called = true;
            return failure is null ? Task.FromResult("X") : throw failure;
        }

        public Task PutSquareAsync(int row, PutSquareRequest body, CancellationToken cancellationToken = default)
        {
            Called = true;
            return failure is null ? Task.CompletedTask : throw failure;
        }
    }
}

/// <summary>The same tests against the generated minimal-API endpoints.</summary>
public sealed class ErrorMarkupMinimalTests : ErrorMarkupTests
{
    protected override ServerFlavour Flavour => ServerFlavour.Minimal;
}
