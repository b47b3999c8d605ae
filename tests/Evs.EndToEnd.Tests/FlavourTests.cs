using System.Net;
using Evs.Backend;
using Evs.Server;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// The emulator's two server flavours: the generated controller by default, the generated minimal-API endpoints with
/// <c>--flavour minimal</c> (the only one of the Native AOT build). The conformance tests run against either through
/// <see cref="EvsTestServer.FlavourVariable"/>; these check the switch itself.
/// </summary>
public sealed class FlavourTests
{
    [Theory]
    [InlineData(null, EvsServerFlavour.Mvc)]
    [InlineData("mvc", EvsServerFlavour.Mvc)]
    [InlineData("MINIMAL", EvsServerFlavour.Minimal)]
    public void Flavour_IsReadFromConfiguration(string? value, EvsServerFlavour expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("flavour", value)]).Build();

        Assert.Equal(expected, EvsHost.ReadFlavour(configuration));
    }

    [Fact]
    public void UnknownFlavour_IsAnArgumentError_NamingTheChoices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("flavour", "grpc")]).Build();

        var error = Assert.Throws<ArgumentException>(() => EvsHost.ReadFlavour(configuration));
        Assert.Contains("use mvc or minimal", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mvc", true)]
    [InlineData("minimal", false)]
    public async Task Host_RegistersMvcOnlyForTheControllerFlavour_AndBothServeTheContract(string flavour, bool mvc)
    {
        var seed = SeedData.Parse(System.Text.Encoding.UTF8.GetBytes(EvsTestServer.SeedJson), "test seed");
        await using var app = EvsHost.Build(["--urls", "http://127.0.0.1:0", "--flavour", flavour, "--Logging:LogLevel:Default=Warning"], seed);
        await app.StartAsync();
        var address = app.Urls.First();
        using var http = new HttpClient { BaseAddress = new Uri(address + "/") };
        using var request = new HttpRequestMessage(HttpMethod.Get, RawHttp.SnapshotPath());
        request.Headers.Add("X-Auth-Token", EvsTestServer.MemberToken);

        using var response = await http.SendAsync(request);

        Assert.Equal(mvc, app.Services.GetService<ApplicationPartManager>() is not null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task Executable_WithAnUnknownFlavour_ExitsWith2AndAMessage()
    {
        await using var server = ServerProcess.Start("--flavour", "grpc");

        Assert.Equal(2, await server.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("evs-server: --flavour: 'grpc' is not a flavour, use mvc or minimal", server.StandardError, StringComparison.Ordinal);
    }
}
