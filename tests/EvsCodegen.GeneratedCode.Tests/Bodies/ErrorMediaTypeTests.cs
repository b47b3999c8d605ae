using System.Net;
using EvsCodegen.TestSupport;
using GeneratedCode.ErrorMedia;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Bodies;

/// <summary>
/// Error answers carry the media type the document declares for their status: a JSON type written as JSON under that
/// exact type, <c>text/plain</c> as the message alone; exact statuses first, then <c>4XX</c>, then <c>default</c>.
/// <c>application/problem+json</c> is written as RFC 9457 problem details (docs/decisions.md, declared errors).
/// </summary>
public class ErrorMediaTypeTests
{
    /// <summary>The generated server the tests run against.</summary>
    protected virtual ServerFlavour Flavour => ServerFlavour.Mvc;

    [Theory]
    [InlineData(404, "application/problem+json", """{"title":"Not Found","status":404,"detail":"gone"}""")]
    [InlineData(409, "text/plain", "busy")]
    [InlineData(403, "application/problem+json", """{"title":"Forbidden","status":403,"detail":"busy"}""")]
    [InlineData(503, "application/json", """{"status":503,"message":"busy"}""")]
    public async Task AnErrorOfTheImplementation_IsAnsweredInTheDeclaredMediaType(int status, string mediaType, string body)
    {
        await using var host = await StartAsync(new ReportsApi(status, status == 404 ? "gone" : "busy"));
        using var http = host.Client();

        using var response = await http.GetAsync("reports/1");

        Assert.Equal((status, mediaType), ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnInvalidRequest_IsAnsweredInThe4XXMediaType_AndNeverReachesTheImplementation()
    {
        var api = new ReportsApi(200, "unused");
        await using var host = await StartAsync(api);
        using var http = host.Client();

        using var response = await http.GetAsync("reports/101");

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.False(api.Called);
    }

    [Theory]
    [InlineData(404, "gone")]
    [InlineData(409, "busy")]
    public async Task TheClient_ReadsBothKindsOfError_AsApiException(int status, string message)
    {
        await using var host = await StartAsync(new ReportsApi(status, message));
        using var http = host.Client();

        // A declared error body arrives typed (ApiException<Problem> for the 404), still an ApiException.
        var failure = await Assert.ThrowsAnyAsync<ApiException>(() => new ReportsApiClient(http).GetReportAsync(1));

        Assert.Equal(status, failure.StatusCode);
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    private Task<KestrelHost> StartAsync(ReportsApi api) =>
        FlavourHost.StartAsync(Flavour, services => services.AddSingleton<IReportsApi>(api), s => s.AddReportsApiControllers(), app => app.MapReportsApi());

    private sealed class ReportsApi(int status, string message) : IReportsApi
    {
        public bool Called { get; private set; }

        public Task<string> GetReportAsync(int id, CancellationToken cancellationToken = default)
        {
            Called = true;
            return status == 200 ? Task.FromResult("report") : throw new ApiException(status, message);
        }
    }
}

/// <summary>The same error media type tests against the generated minimal-API endpoints.</summary>
public sealed class ErrorMediaTypeMinimalTests : ErrorMediaTypeTests
{
    protected override ServerFlavour Flavour => ServerFlavour.Minimal;
}
