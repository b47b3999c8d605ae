using System.Net;
using EvsCodegen.TestSupport;
using GeneratedCode.FormUnion;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Bodies;

/// <summary>
/// A url-encoded body that is a union of objects (Documents/form-union.yaml), over Kestrel: the client writes whichever
/// alternative it holds as fields; the server types the form's text as each alternative types it and lets the union's
/// converter choose, as it does for JSON (radius=5 is a Circle, radius=abc a Label, radius=ABC neither: 400). The
/// derived class runs the same bodies against the generated minimal-API endpoints.
/// </summary>
public class FormUnionTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EachAlternative_RoundTrips_AsItsOwnFields()
    {
        await using var host = await StartAsync();
        using var http = host.Client();
        var client = new ShapesApiClient(http);

        Assert.Equal("Circle 5 True", await client.SubmitShapeAsync(new Circle { Radius = 5, Filled = true }).WaitAsync(s_bound));
        Assert.Equal("Label abc note", await client.SubmitShapeAsync(new Label { Radius = "abc", Note = "note" }).WaitAsync(s_bound));
    }

    [Theory]
    [InlineData("radius=7", HttpStatusCode.OK, "Circle 7 ")]
    [InlineData("radius=seven&note=n", HttpStatusCode.OK, "Label seven n")]
    [InlineData("radius=SEVEN", HttpStatusCode.BadRequest, "{\"status\":400,\"message\":\"The field 'radius' must be a 32-bit integer.\"}")]
    [InlineData("radius=7&other=x", HttpStatusCode.BadRequest, null)]
    public async Task TheServer_PicksTheAlternative_ThatReadsTheForm(string form, HttpStatusCode status, string? answer)
    {
        await using var host = await StartAsync();
        using var http = host.Client();
        using var content = new StringContent(form, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");

        using var response = await http.PostAsync(new Uri("form-union", UriKind.Relative), content).WaitAsync(s_bound);

        Assert.Equal(status, response.StatusCode);
        if (answer is not null)
        {
            Assert.Equal(answer, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>The generated server these tests run against.</summary>
    protected virtual ServerFlavour Flavour => ServerFlavour.Mvc;

    private Task<KestrelHost> StartAsync() => FlavourHost.StartAsync(
        Flavour,
        services => services.AddSingleton<IShapesApi, ShapesApi>(),
        services => services.AddShapesApiControllers(),
        app => app.MapShapesApi());

    private sealed class ShapesApi : IShapesApi
    {
        public Task<string> SubmitShapeAsync(SubmitShapeRequest body, CancellationToken cancellationToken = default) =>
            Task.FromResult(body.Circle is { } circle ? $"Circle {circle.Radius} {circle.Filled}" : $"Label {body.Label!.Radius} {body.Label.Note}");
    }
}

/// <summary>The same form unions against the generated minimal-API endpoints.</summary>
public sealed class FormUnionMinimalTests : FormUnionTests
{
    protected override ServerFlavour Flavour => ServerFlavour.Minimal;
}
