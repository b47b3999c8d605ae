using System.Net;
using EvsCodegen.GeneratedCode.Tests.Infrastructure;
using EvsCodegen.TestSupport;
using GeneratedCode.Servers;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Parameters;

/// <summary>
/// The first server URL (<c>https://{region}.example.com/api/{version}</c>, variables at their defaults): its path
/// prefixes the server's routes, and the client without a <c>BaseAddress</c> calls that URL.
/// </summary>
public sealed class ServerBasePathTests
{
    [Fact]
    public async Task Routes_StartWithTheBasePath_AndTheClientReachesThemThroughTheServerUrl()
    {
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<IItemsApi>(new ItemsApi()).AddItemsApiControllers());
        using var http = host.Client();
        using var versioned = new HttpClient { BaseAddress = new Uri(host.Address, "api/v2/") };

        var answer = await new ItemsApiClient(versioned).GetItemAsync("é 1");
        using var bare = await http.GetAsync("catalogue/1");

        Assert.Equal("item é 1", answer);
        Assert.Equal(HttpStatusCode.NotFound, bare.StatusCode);
    }

    [Fact]
    public async Task WithoutABaseAddress_TheClientCallsTheDocumentsServerUrl()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, "\"x\"");
        using var client = new HttpClient(handler);

        await new ItemsApiClient(client).GetItemAsync("1");

        Assert.Equal("https://eu.example.com/api/v2/catalogue/1", handler.Request!.RequestUri!.AbsoluteUri);
    }

    private sealed class ItemsApi : IItemsApi
    {
        public Task<string> GetItemAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult("item " + id);
    }
}
