using System.Net;
using System.Text;
using EvsCodegen.GeneratedCode.Tests.Infrastructure;
using EvsCodegen.TestSupport;
using GeneratedCode.Styles;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Styles;

/// <summary>
/// Object-valued, styled and content-typed parameters and a nested form body (Documents/styles.yaml, issue 16): what
/// the generated client writes (OpenAPI's style tables), and the same values read back by the generated controller over
/// real HTTP; an invalid value is a 400 in the document's error shape that never reaches the implementation.
/// </summary>
public sealed class StyleRoundTripTests
{
    private static readonly Filter s_filter = new()
    {
        Name = "a&b é",
        Since = new DateOnly(2026, 11, 29),
        Color = new Color { R = 1, G = 2 },
        Tags = ["x,y", "z"],
    };

    [Fact]
    public async Task Client_WritesEachStyleAsTheSpecificationSays()
    {
        using var handler = new RecordingHandler(jsonAnswer: """{"text":"ok"}""");
        using var http = handler.Client();

        await new StylesApiClient(http).PaintAsync(
            ["blue", "bl.ack"], new Color { R = 100, G = 200, B = 150 }, s_filter, color: new Color { R = 100, G = 200 }, spread: new PaintSpread { X = 1, Y = "a b" },
            words: ["a", "b c"], ids: [3, 4], @where: new Filter { Name = "w" }, xColor: new Color { R = 1, G = 2 }, crumbs: [5, 6], pref: new Color { R = 7 });

        var request = handler.Request!;
        Assert.Equal(
            "http://api.test/paint/.blue.bl.ack/;R=100;G=200;B=150"
            + "?filter[name]=a%26b%20%C3%A9&filter[since]=2026-11-29&filter[color][R]=1&filter[color][G]=2&filter[tags][0]=x%2Cy&filter[tags][1]=z"
            + "&color=R,100,G,200&x=1&y=a%20b&words=a%20b%20c&ids=3|4&where=%7B%22name%22%3A%22w%22%7D",
            request.RequestUri!.OriginalString);
        Assert.Equal("R=1,G=2", request.Headers.GetValues("X-Color").Single());
        Assert.Equal("crumbs=5%2C6; pref=R%2C7", request.Headers.GetValues("Cookie").Single());
    }

    [Fact]
    public async Task Parameters_ClientToServer_ReadBackTyped()
    {
        var api = new StylesApi();
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<IStylesApi>(api).AddStylesApiControllers());
        using var http = host.Client();

        var answer = await new StylesApiClient(http).PaintAsync(
            ["blue", "bl,ack é"], new Color { R = 100, G = 200, B = 150 }, s_filter, color: new Color { R = 100, G = 200 }, spread: new PaintSpread { X = 1, Y = "a b&c" },
            words: ["a", "b"], ids: [3, 4], @where: s_filter, xColor: new Color { R = 1, G = 2 }, crumbs: [5, 6], pref: new Color { R = 7 });

        var filter = """{"name":"a&b é","since":"2026-11-29","color":{"R":1,"G":2},"tags":["x,y","z"]}""";
        Assert.Equal(
            "shades [blue|bl,ack é] rgb {\"R\":100,\"G\":200,\"B\":150} filter " + filter + " color {\"R\":100,\"G\":200} spread {\"x\":1,\"y\":\"a b&c\"}"
            + " words [a|b] ids [3|4] where " + filter + " header {\"R\":1,\"G\":2} crumbs [5|6] pref {\"R\":7}",
            api.Received);
        Assert.Equal("ok", answer.Text);
    }

    [Fact]
    public async Task Parameters_OptionalOnesAbsent_AreNull()
    {
        var api = new StylesApi();
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<IStylesApi>(api).AddStylesApiControllers());
        using var http = host.Client();

        await new StylesApiClient(http).PaintAsync(["a"], new Color { R = 0 }, new Filter());

        Assert.Equal("shades [a] rgb {\"R\":0} filter {} color - spread - words - ids - where - header - crumbs - pref -", api.Received);
    }

    [Theory]
    [InlineData("paint/.a/;R=1?filter[color][R]=300", "The parameter 'filter' is invalid: Invalid value at 'color.R': expected a number <= 255.")]
    [InlineData("paint/.a/;R=1?filter[color][G]=1", "The parameter 'filter' is invalid: Invalid value at 'color': the required key 'R' is missing.")]
    [InlineData("paint/.a/;R=1?filter[color][R]=x", "The parameter 'filter' is invalid: 'filter[color][R]' must be a 32-bit integer.")]
    [InlineData("paint/.a/;R=1?filter[size]=1", "The parameter 'filter' is invalid: Invalid request body: the key 'size' is not allowed (keys are case-sensitive).")]
    [InlineData("paint/.a/;R=1?filter[name]=a&filter[name]=b", "The parameter 'filter' is invalid: 'filter[name]' is given more than once.")]
    [InlineData("paint/.a/;R=1?filter[tags][x]=a", "The parameter 'filter' is invalid: 'filter[tags]' must be an array (keys such as 'name[0]' or 'name[]').")]
    [InlineData("paint/a/;R=1?filter[name]=a", "The parameter 'shades' must start with '.' (label style).")]
    [InlineData("paint/.a/R=1?filter[name]=a", "The parameter 'rgb' must be written ';rgb=…' (matrix style).")]
    [InlineData("paint/.a/;R=1?filter[name]=a&color=R,1,G", "The parameter 'color' must be name and value pairs.")]
    [InlineData("paint/.a/;R=1?filter[name]=a&ids=1|x", "The parameter 'ids' must be a 32-bit integer.")]
    [InlineData("paint/.a/;R=1?filter[name]=a&where=%7Bnope", "The parameter 'where' is not valid JSON.")]
    [InlineData("paint/.a/;R=1?filter[name]=a&x=one", "The parameter 'spread' is invalid: 'x' must be a 32-bit integer.")]
    public async Task Parameters_Invalid_Are400_AndNeverReachTheImplementation(string url, string message)
    {
        var api = new StylesApi();
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<IStylesApi>(api).AddStylesApiControllers());
        using var http = host.Client();

        using var response = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, error.RootElement.GetProperty("message").GetString());
        Assert.Null(api.Received);
    }

    [Fact]
    public async Task FormBody_Nested_IsWrittenWithBracketKeys()
    {
        using var handler = new RecordingHandler(jsonAnswer: """{"amount":1}""");
        using var http = handler.Client();

        await new StylesApiClient(http).ChargeAsync(Charge());

        Assert.Equal(
            "amount=2000&card[number]=4242%204242&card[exp][month]=12&card[exp][year]=2030&metadata[order%20id]=%C3%A9%26%3D&lines[0][price]=p_1&lines[0][quantity]=2&lines[1][price]=p_2"
            + "&expand[0]=customer&expand[1]=lines.data&flags=a|b%20c&options=%7B%22dry%22%3Atrue%7D&capture=false",
            Encoding.ASCII.GetString(handler.Body!));
    }

    [Fact]
    public async Task FormBody_Nested_ClientToServerToClient()
    {
        var api = new StylesApi();
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<IStylesApi>(api).AddStylesApiControllers());
        using var http = host.Client();
        var sent = Charge();

        var answer = await new StylesApiClient(http).ChargeAsync(sent);

        var json = Encoding.UTF8.GetString(ApiJsonValue.Serialize(sent, ChargeJsonConverter.WriteValue));
        Assert.Equal(json, api.Received);
        Assert.Equal(json, Encoding.UTF8.GetString(ApiJsonValue.Serialize(answer, ChargeJsonConverter.WriteValue)));
    }

    [Theory]
    [InlineData("amount=1&expand[]=a&expand[]=b&lines[][price]=p", """{"amount":1,"lines":[{"price":"p"}],"expand":["a","b"]}""")]
    [InlineData("amount=1&expand=a&expand=b&lines[1][price]=q&lines[0][price]=p", """{"amount":1,"lines":[{"price":"p"},{"price":"q"}],"expand":["a","b"]}""")]
    [InlineData("amount=1&metadata[k]=v&flags=x", """{"amount":1,"metadata":{"k":"v"},"flags":["x"]}""")]
    public async Task FormBody_AcceptsTheCommonArraySpellings(string form, string expected)
    {
        var api = new StylesApi();
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<IStylesApi>(api).AddStylesApiControllers());
        using var http = host.Client();

        using var response = await http.PostAsync("charges", new StringContent(form, Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, api.Received);
    }

    [Theory]
    [InlineData("amount=1&card[exp][month]=13&card[exp][year]=1", "Invalid value at 'card.exp.month': expected a number <= 12.")]
    [InlineData("amount=1&card[exp][month]=1", "Invalid value at 'card.exp': the required key 'year' is missing.")]
    [InlineData("amount=1&lines[0][quantity]=x", "The field 'lines[0][quantity]' must be a 64-bit integer.")]
    [InlineData("amount=1&card=x", "The field 'card' must be an object (bracket keys such as 'name[key]').")]
    [InlineData("amount=1&options=%7B", "The field 'options' must be JSON text.")]
    [InlineData("amount=1&lines[x][price]=p", "The field 'lines' must be an array (keys such as 'name[0]' or 'name[]').")]
    [InlineData("amount=1&extra[a]=1", "Invalid request body: the key 'extra' is not allowed (keys are case-sensitive).")]
    public async Task FormBody_Invalid_Is400_AndNeverReachesTheImplementation(string form, string message)
    {
        var api = new StylesApi();
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<IStylesApi>(api).AddStylesApiControllers());
        using var http = host.Client();

        using var response = await http.PostAsync("charges", new StringContent(form, Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, error.RootElement.GetProperty("message").GetString());
        Assert.Null(api.Received);
    }

    private static Charge Charge() => new()
    {
        Amount = 2000,
        Card = new ChargeCard { Number = "4242 4242", Exp = new Exp { Month = 12, Year = 2030 } },
        Metadata = new Dictionary<string, string> { ["order id"] = "é&=" },
        Lines = [new Line { Price = "p_1", Quantity = 2 }, new Line { Price = "p_2" }],
        Expand = ["customer", "lines.data"],
        Flags = ["a", "b c"],
        Options = new ChargeOptions { Dry = true },
        Capture = false,
    };

    private sealed class StylesApi : IStylesApi
    {
        public string? Received { get; private set; }

        public Task<Echo> PaintAsync(IReadOnlyList<string> shades, Color rgb, Filter filter, Color? color = null, PaintSpread? spread = null, IReadOnlyList<string>? words = null, IReadOnlyList<int>? ids = null,
            Filter? @where = null, Color? xColor = null, IReadOnlyList<int>? crumbs = null, Color? pref = null, CancellationToken cancellationToken = default)
        {
            Received = $"shades [{string.Join("|", shades)}] rgb {Json(rgb)} filter {Json(filter)} color {Json(color)} spread {(spread is null ? "-" : Encoding.UTF8.GetString(ApiJsonValue.Serialize(spread, PaintSpreadJsonConverter.WriteValue)))}"
                + $" words {List(words)} ids {List(ids)} where {Json(@where)} header {Json(xColor)} crumbs {List(crumbs)} pref {Json(pref)}";
            return Task.FromResult(new Echo { Text = "ok" });
        }

        public Task<Charge> ChargeAsync(Charge body, CancellationToken cancellationToken = default)
        {
            Received = Encoding.UTF8.GetString(ApiJsonValue.Serialize(body, ChargeJsonConverter.WriteValue));
            return Task.FromResult(body);
        }

        private static string Json(Color? value) => value is null ? "-" : Encoding.UTF8.GetString(ApiJsonValue.Serialize(value, ColorJsonConverter.WriteValue));

        private static string Json(Filter? value) => value is null ? "-" : Encoding.UTF8.GetString(ApiJsonValue.Serialize(value, FilterJsonConverter.WriteValue));

        private static string List<T>(IReadOnlyList<T>? values) => values is null ? "-" : "[" + string.Join("|", values) + "]";
    }
}
