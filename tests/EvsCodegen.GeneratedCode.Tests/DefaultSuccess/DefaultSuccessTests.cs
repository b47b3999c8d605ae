using System.Net;
using EvsCodegen.TestSupport;
using GeneratedCode.DefaultSuccess;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.DefaultSuccess;

/// <summary>
/// Operations that declare no 2xx answer, over real HTTP (docs/decisions.md, "The success answer when the document
/// declares none"): <c>default</c> is then the success answer too, so a completed call answers 200 with the default's
/// content (and its headers through the whole-response method), which the client reads as the result; an error status
/// under the same default is still thrown as <see cref="ApiException{TError}"/> of its schema; a default without content
/// answers 200 with no body; and a default beside a declared redirect stays the error only.
/// </summary>
public class DefaultSuccessTests
{
    /// <summary>The generated server the tests run against.</summary>
    protected virtual ServerFlavour Flavour => ServerFlavour.Mvc;

    [Fact]
    public async Task DefaultWithContent_CompletedCall_Answers200WithTheBody_ReadAsTheResult()
    {
        var api = new ReportsBackend { Get = id => new Report { Id = id, Title = "Quarterly" } };
        await using var host = await Start(api);
        using var http = host.Client();

        var report = await new ReportsApiClient(http).GetReportAsync(7);
        using var raw = await http.GetAsync("default-success/reports/7");

        Assert.Equal(new Report { Id = 7, Title = "Quarterly" }, report);
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal("application/json", raw.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"id":7,"title":"Quarterly"}""", await raw.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DefaultWithContent_ErrorStatus_IsStillTheTypedApiException()
    {
        var failed = new Report { Id = -1, Title = "locked" };
        var api = new ReportsBackend { Get = _ => throw new ApiException<Report>(423, failed) };
        await using var host = await Start(api);
        using var http = host.Client();

        var error = await Assert.ThrowsAsync<ApiException<Report>>(() => new ReportsApiClient(http).GetReportAsync(7));
        using var raw = await http.GetAsync("default-success/reports/7");

        Assert.Equal(423, error.StatusCode);
        Assert.Equal(failed, error.Error);
        Assert.Equal((HttpStatusCode)423, raw.StatusCode);
        Assert.Equal("""{"id":-1,"title":"locked"}""", await raw.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DefaultWithoutContent_CompletedCall_Answers200WithNoBody()
    {
        var api = new ReportsBackend();
        await using var host = await Start(api);
        using var http = host.Client();

        await new ReportsApiClient(http).TouchReportAsync(3);
        using var raw = await http.PutAsync("default-success/reports/4", null);

        Assert.Equal([3L, 4L], api.Touched);
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal(string.Empty, await raw.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DefaultHeaders_AreTheResultsHeaders_WithTheStatusTheBackendChose()
    {
        var api = new ReportsBackend { Stamp = id => GetStampedReportResult.StatusDefault(203, new Report { Id = id, Title = "copy" }, 4) };
        await using var host = await Start(api);
        using var http = host.Client();
        var client = new ReportsApiClient(http);

        var whole = await client.GetStampedReportWithResponseAsync(9);
        var body = await client.GetStampedReportAsync(9);
        using var raw = await http.GetAsync("default-success/reports/9/stamp");

        Assert.Equal(203, whole.StatusCode);
        Assert.Equal(new Report { Id = 9, Title = "copy" }, whole.Body);
        Assert.Equal(4, whole.XReportVersion);
        Assert.Equal(new Report { Id = 9, Title = "copy" }, body);
        Assert.Equal(HttpStatusCode.NonAuthoritativeInformation, raw.StatusCode);
        Assert.Equal(["4"], raw.Headers.GetValues("X-Report-Version"));
        Assert.Throws<ArgumentOutOfRangeException>(() => GetStampedReportResult.StatusDefault(404, new Report { Id = 1, Title = "x" }, 1));
    }

    [Fact]
    public async Task DefaultBesideAnExactError_TheExactStatusKeepsItsOwnType()
    {
        var api = new ReportsBackend { Stamp = _ => throw new ApiException<Failure>(404, new Failure { Code = "missing" }) };
        await using var host = await Start(api);
        using var http = host.Client();

        var error = await Assert.ThrowsAsync<ApiException<Failure>>(() => new ReportsApiClient(http).GetStampedReportWithResponseAsync(9));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("missing", error.Error.Code);
    }

    [Fact]
    public async Task DefaultBesideARedirect_StaysTheError_AndACompletedCallAnswers200WithNoBody()
    {
        var api = new ReportsBackend();
        await using var host = await Start(api);
        using var http = host.Client();

        await new ReportsApiClient(http).FindReportAsync(5);
        using var raw = await http.GetAsync("default-success/reports/5/moved");
        api.Find = _ => throw new ApiException<Failure>(410, new Failure { Code = "gone" });
        var error = await Assert.ThrowsAsync<ApiException<Failure>>(() => new ReportsApiClient(http).FindReportAsync(5));

        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal(string.Empty, await raw.Content.ReadAsStringAsync());
        Assert.Equal(410, error.StatusCode);
        Assert.Equal("gone", error.Error.Code);
    }

    private Task<KestrelHost> Start(IReportsApi api) =>
        FlavourHost.StartAsync(Flavour, services => services.AddSingleton(api), s => s.AddReportsApiControllers(), app => app.MapReportsApi());
}

/// <summary>The same tests against the generated minimal-API endpoints.</summary>
public sealed class DefaultSuccessMinimalTests : DefaultSuccessTests
{
    protected override ServerFlavour Flavour => ServerFlavour.Minimal;
}

/// <summary>A backend of <c>default-success.yaml</c> that answers what each test sets.</summary>
internal sealed class ReportsBackend : IReportsApi
{
    public Func<long, Report> Get { get; set; } = id => new Report { Id = id, Title = "r" };

    public Func<long, GetStampedReportResult> Stamp { get; set; } = id => GetStampedReportResult.StatusDefault(200, new Report { Id = id, Title = "r" }, 1);

    public Action<long> Find { get; set; } = _ => { };

    public List<long> Touched { get; } = [];

    public Task<Report> GetReportAsync(long id, CancellationToken cancellationToken = default) => Task.FromResult(Get(id));

    public Task TouchReportAsync(long id, CancellationToken cancellationToken = default)
    {
        Touched.Add(id);
        return Task.CompletedTask;
    }

    public async Task<Report> GetStampedReportAsync(long id, CancellationToken cancellationToken = default) => (await GetStampedReportWithResponseAsync(id, cancellationToken)).Body!;

    public Task<GetStampedReportResult> GetStampedReportWithResponseAsync(long id, CancellationToken cancellationToken = default) => Task.FromResult(Stamp(id));

    public Task FindReportAsync(long id, CancellationToken cancellationToken = default)
    {
        Find(id);
        return Task.CompletedTask;
    }
}
