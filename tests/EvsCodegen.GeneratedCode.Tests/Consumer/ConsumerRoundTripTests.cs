using System.Collections.Concurrent;
using System.Net;
using EvsCodegen.GeneratedCode.Tests.Security;
using EvsCodegen.TestSupport;
using GeneratedCode.Consumer;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Consumer;

/// <summary>
/// Issue 12's consumer, <c>Documents/consumer.yaml</c>: one document with bearer, basic and OAuth2 client credentials
/// security, a 201 with <c>Location</c>, a paging header and problem+json errors, built (like every project here) with
/// TreatWarningsAsErrors, and each exercised through the generated client (registered with the options pattern) and the
/// generated server on Kestrel, with one authentication handler per scheme name and a fake token endpoint.
/// </summary>
public sealed class ConsumerRoundTripTests : IAsyncLifetime
{
    private const string Token = "bearer-token";
    private readonly TokenIssuer _issuer = new();
    private readonly ReportsBackend _backend = new();
    private KestrelHost _host = null!;

    public async Task InitializeAsync() => _host = await KestrelHost.StartAsync(services =>
    {
        services.AddSingleton(_issuer);
        services.AddReportsApiControllers();
        services.AddSingleton<IReportsApi>(_backend);
        services.AddAuthentication()
            .AddScheme<TestSchemeOptions, TestSchemeHandler>("bearerAuth", o => o.Check = http => Check(Credential(http, "Bearer"), Token))
            .AddScheme<TestSchemeOptions, TestSchemeHandler>("basicAuth", o => o.Check = http => Check(Credential(http, "Basic"), Convert.ToBase64String("alice:secret"u8)))
            .AddScheme<TestSchemeOptions, TestSchemeHandler>("oauth", o => o.Check = http => Credential(http, "Bearer") is not { } token ? null
                : http.RequestServices.GetRequiredService<TokenIssuer>().Scopes(token) is { } scopes ? [.. scopes] : []);
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Bearer_ReadsAPage_WithItsPagingHeaders()
    {
        _backend.Seed("a", "b", "c");
        var client = Client(o => o.BearerAuthToken = Token);

        var first = await client.ListReportsWithResponseAsync(page: 1);
        var last = await client.ListReportsWithResponseAsync(page: 2);
        var body = await client.ListReportsAsync();

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(3L, first.XTotalCount);
        Assert.Equal(2, first.XNextPage);
        Assert.Equal(["a", "b"], first.Body!.Select(r => r.Title));
        Assert.Null(last.XNextPage);
        Assert.Equal(["c"], last.Body!.Select(r => r.Title));
        Assert.Equal(2, body.Count);
    }

    [Fact]
    public async Task OAuth2ClientCredentials_Creates_201WithLocation_AndBasicReadsItThere()
    {
        var writer = Client(o => { o.OauthClientId = "reporter"; o.OauthClientSecret = "s3cret"; });

        var created = await writer.CreateReportWithResponseAsync(new ReportDraft { Title = "q3" });
        await writer.CreateReportAsync(new ReportDraft { Title = "q4" });
        var id = long.Parse(created.Location!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var read = await Client(o => { o.BasicAuthUserName = "alice"; o.BasicAuthPassword = "secret"; }).GetReportAsync(id);

        Assert.Equal(201, created.StatusCode);
        Assert.Equal($"/quarterly-reports/{created.Body!.Id}", created.Location);
        Assert.Equal(new Report { Id = created.Body.Id, Title = "q3" }, read);
        Assert.Equal(1, _issuer.Requests);
        Assert.Equal("reports.read reports.write", _issuer.LastScope);
    }

    [Fact]
    public async Task ProblemJson_FromTheBackendAndFromAPlainException_IsCaughtAsTheDeclaredProblem()
    {
        var writer = Client(o => { o.OauthClientId = "reporter"; o.OauthClientSecret = "s3cret"; });
        await writer.CreateReportAsync(new ReportDraft { Title = "dup" });

        var duplicate = await Assert.ThrowsAsync<ApiException<Problem>>(() => writer.CreateReportAsync(new ReportDraft { Title = "dup" }));
        var missing = await Assert.ThrowsAsync<ApiException<Problem>>(() => Client(o => { o.BasicAuthUserName = "alice"; o.BasicAuthPassword = "secret"; }).GetReportAsync(999));
        using var http = _host.Client();
        http.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("alice:secret"u8));
        using var raw = await http.GetAsync(new Uri("quarterly-reports/999", UriKind.Relative));

        Assert.Equal(422, duplicate.StatusCode);
        Assert.Equal("Duplicate title", duplicate.Error.Title);
        Assert.Equal("A report named 'dup' exists.", duplicate.Error.Detail);
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal(404, missing.Error.Status);
        Assert.Equal("No report 999.", missing.Error.Detail);
        Assert.Equal(HttpStatusCode.NotFound, raw.StatusCode);
        Assert.Equal("application/problem+json", raw.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task MissingOrInsufficientCredentials_Are401And403()
    {
        var anonymous = await Assert.ThrowsAnyAsync<ApiException>(() => Client(_ => { }).ListReportsAsync());
        var wrongBasic = await Assert.ThrowsAnyAsync<ApiException>(() => Client(o => { o.BasicAuthUserName = "alice"; o.BasicAuthPassword = "nope"; }).GetReportAsync(1));
        var reader = await Assert.ThrowsAnyAsync<ApiException>(() => Client(o => { o.OauthClientId = "reader"; o.OauthClientSecret = "s3cret"; }).CreateReportAsync(new ReportDraft { Title = "x" }));

        Assert.Equal(401, anonymous.StatusCode);
        Assert.Equal(401, wrongBasic.StatusCode);
        Assert.Equal(403, reader.StatusCode);
        Assert.Empty(_backend.Titles);
    }

    /// <summary>The client as a consumer registers it: DI, the options pattern, IHttpClientFactory.</summary>
    private IReportsApi Client(Action<ApiClientOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddReportsApiClient(_host.Address, configure);
        return services.BuildServiceProvider().GetRequiredService<IReportsApi>();
    }

    private static string[]? Check(string? sent, string expected) => string.IsNullOrEmpty(sent) ? null : sent == expected ? ["any"] : [];

    private static string? Credential(Microsoft.AspNetCore.Http.HttpContext http, string scheme) =>
        System.Net.Http.Headers.AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization, out var value)
        && string.Equals(value.Scheme, scheme, StringComparison.OrdinalIgnoreCase) ? value.Parameter : null;
}

/// <summary>The backend: reports in memory, two per page; a duplicate title is a typed 422 problem, an unknown id a plain 404.</summary>
internal sealed class ReportsBackend : IReportsApi
{
    private const int PageSize = 2;
    private readonly ConcurrentDictionary<long, Report> _reports = new();
    private long _next;

    public IEnumerable<string> Titles => _reports.Values.Select(r => r.Title);

    public void Seed(params string[] titles)
    {
        foreach (var title in titles)
        {
            Add(title);
        }
    }

    public Task<ListReportsResult> ListReportsWithResponseAsync(int? page = null, CancellationToken cancellationToken = default)
    {
        var all = _reports.Values.OrderBy(r => r.Id).ToList();
        var number = page ?? 1;
        var items = all.Skip((number - 1) * PageSize).Take(PageSize).ToList();
        int? next = number * PageSize < all.Count ? number + 1 : null;
        return Task.FromResult(ListReportsResult.Ok(items, all.Count, next));
    }

    public async Task<IReadOnlyList<Report>> ListReportsAsync(int? page = null, CancellationToken cancellationToken = default) =>
        (await ListReportsWithResponseAsync(page, cancellationToken)).Body!;

    public Task<CreateReportResult> CreateReportWithResponseAsync(ReportDraft body, CancellationToken cancellationToken = default)
    {
        if (_reports.Values.Any(r => r.Title == body.Title))
        {
            throw new ApiException<Problem>(422, new Problem { Title = "Duplicate title", Status = 422, Detail = $"A report named '{body.Title}' exists." });
        }

        var report = Add(body.Title);
        return Task.FromResult(CreateReportResult.Created(report, $"/quarterly-reports/{report.Id}"));
    }

    public async Task<Report> CreateReportAsync(ReportDraft body, CancellationToken cancellationToken = default) =>
        (await CreateReportWithResponseAsync(body, cancellationToken)).Body!;

    public Task<Report> GetReportAsync(long id, CancellationToken cancellationToken = default) =>
        _reports.TryGetValue(id, out var report) ? Task.FromResult(report) : throw new ApiException(404, $"No report {id}.");

    private Report Add(string title)
    {
        var report = new Report { Id = Interlocked.Increment(ref _next), Title = title };
        _reports[report.Id] = report;
        return report;
    }
}
