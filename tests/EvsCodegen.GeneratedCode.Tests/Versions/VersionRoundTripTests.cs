using System.Net;
using System.Text;
using EvsCodegen.TestSupport;
using GeneratedCode.Search32;
using GeneratedCode.Swagger2;
using Microsoft.Extensions.DependencyInjection;
using Search = GeneratedCode.Search32;
using Swagger2 = GeneratedCode.Swagger2;

namespace EvsCodegen.GeneratedCode.Tests.Versions;

/// <summary>
/// Documents of the versions read through the 3.x model, over real HTTP: a Swagger 2.0 document (Documents/pets-swagger2.yaml:
/// body and formData parameters, csv and multi arrays, x-nullable) and an OpenAPI 3.2 one (Documents/search-3.2.yaml: the
/// QUERY method with a body, an additional PURGE operation). The generated client drives the generated controller on
/// Kestrel; an invalid request sent by hand is refused with 400 and never reaches the implementation.
/// </summary>
public sealed class VersionRoundTripTests
{
    [Fact]
    public async Task Swagger2_CsvAndMultiArrays_ClientToServerToClient()
    {
        var api = new PetsApi();
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<Swagger2.IPets2Api>(api).AddPets2ApiControllers());
        using var http = host.Client();

        var found = await new Swagger2.Pets2ApiClient(http).FindPetsAsync(["a b", "c/d"], [1, 2], 3);

        Assert.Equal("[a b|c/d] [1|2] 3", api.Received);
        Assert.Equal(["a b", "c/d"], found.Select(p => p.Name));
    }

    [Fact]
    public async Task Swagger2_CollectionFormats_AreOnTheWireAs20SaysThem()
    {
        var api = new PetsApi();
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<Swagger2.IPets2Api>(api).AddPets2ApiControllers());
        using var http = host.Client();

        // csv: one field, comma-separated; multi: the field repeated (as a 2.0 server expects them).
        using var response = await http.GetAsync("pets2?tags=x,y&ids=4&ids=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[x|y] [4|5] -", api.Received);
    }

    [Fact]
    public async Task Swagger2_BodyParameter_WithXNullable_RoundTrips()
    {
        var api = new PetsApi();
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<Swagger2.IPets2Api>(api).AddPets2ApiControllers());
        using var http = host.Client();

        var answer = await new Swagger2.Pets2ApiClient(http).AddPetAsync(new Swagger2.Pet { Id = 7, Name = "Rex", Nickname = null });

        Assert.Equal("7 Rex -", api.Received);
        Assert.Equal((7L, "Rex", (string?)null), (answer.Id, answer.Name, answer.Nickname));
    }

    [Fact]
    public async Task Swagger2_FormDataParameter_RoundTrips_AndItsConstraintIsEnforced()
    {
        var api = new PetsApi();
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<Swagger2.IPets2Api>(api).AddPets2ApiControllers());
        using var http = host.Client();

        var renamed = await new Swagger2.Pets2ApiClient(http).RenamePetAsync(9, new Swagger2.RenamePetRequest { Name = "Max&" });
        Assert.Equal(("9 Max&", "Max&"), (api.Received, renamed.Name));

        api.Received = null;
        using var response = await http.PostAsync("pets2/9/name", new FormUrlEncodedContent([new("name", "Maximus")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(api.Received);
    }

    [Fact]
    public async Task OpenApi32_QueryMethodWithBody_ClientToServerToClient()
    {
        var api = new SearchApi();
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<Search.ISearchApi>(api).AddSearchApiControllers());
        using var http = host.Client();

        var found = await new Search.SearchApiClient(http).SearchItemsAsync(new Search.SearchItemsRequest { Text = "ünï" });

        Assert.Equal("QUERY ünï", api.Received);
        Assert.Equal(["ünï-1", "ünï-2"], found);
    }

    [Fact]
    public async Task OpenApi32_InvalidQueryBody_Is400_AndNeverReachesTheImplementation()
    {
        var api = new SearchApi();
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<Search.ISearchApi>(api).AddSearchApiControllers());
        using var http = host.Client();
        using var request = new HttpRequestMessage(new HttpMethod("QUERY"), "items") { Content = new StringContent("""{"text":"far too long text"}""", Encoding.UTF8, "application/json") };

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(api.Received);
    }

    [Fact]
    public async Task OpenApi32_AdditionalOperation_IsSentAndRoutedWithItsMethod()
    {
        var api = new SearchApi();
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<Search.ISearchApi>(api).AddSearchApiControllers());
        using var http = host.Client();

        await new Search.SearchApiClient(http).PurgeItemsAsync();
        Assert.Equal("PURGE", api.Received);

        // GET is not an operation of /items: the route answers only the declared methods.
        api.Received = null;
        using var response = await http.GetAsync("items");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Null(api.Received);
    }

    private sealed class PetsApi : Swagger2.IPets2Api
    {
        public string? Received { get; set; }

        public Task<IReadOnlyList<Swagger2.Pet>> FindPetsAsync(IReadOnlyList<string>? tags = null, IReadOnlyList<int>? ids = null, int? limit = null, CancellationToken cancellationToken = default)
        {
            Received = $"[{string.Join("|", tags ?? [])}] [{string.Join("|", ids ?? [])}] {(limit is null ? "-" : limit.ToString())}";
            return Task.FromResult<IReadOnlyList<Swagger2.Pet>>((tags ?? []).Select(t => new Swagger2.Pet { Name = t }).ToList());
        }

        public Task<Swagger2.Pet> AddPetAsync(Swagger2.Pet body, CancellationToken cancellationToken = default)
        {
            Received = $"{body.Id} {body.Name} {body.Nickname ?? "-"}";
            return Task.FromResult(body);
        }

        public Task<Swagger2.Pet> RenamePetAsync(long id, Swagger2.RenamePetRequest body, CancellationToken cancellationToken = default)
        {
            Received = $"{id} {body.Name}";
            return Task.FromResult(new Swagger2.Pet { Id = id, Name = body.Name });
        }
    }

    private sealed class SearchApi : Search.ISearchApi
    {
        public string? Received { get; set; }

        public Task<IReadOnlyList<string>> SearchItemsAsync(Search.SearchItemsRequest body, CancellationToken cancellationToken = default)
        {
            Received = "QUERY " + body.Text;
            return Task.FromResult<IReadOnlyList<string>>([body.Text + "-1", body.Text + "-2"]);
        }

        public Task PurgeItemsAsync(CancellationToken cancellationToken = default)
        {
            Received = "PURGE";
            return Task.CompletedTask;
        }
    }
}
