using System.Net;
using System.Text;
using EvsCodegen.GeneratedCode.Tests.Infrastructure;
using EvsCodegen.TestSupport;
using GeneratedCode.MergedUnions;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Json;

/// <summary>
/// <c>oneOf</c>/<c>anyOf</c> beside <c>properties</c> (Documents/merged-unions.yaml): by JSON Schema
/// <c>allOf(P, oneOf(A, B))</c>, generated as a union of records that hold P's properties and each alternative's
/// (<c>FruitApple</c>, <c>FruitBanana</c>). The discriminator (an enum with a mapping, a string by schema names, or none)
/// picks the alternative and is fixed on it; a value that fits no alternative, or two of a <c>oneOf</c>, is refused,
/// with a 400 on the server.
/// </summary>
public sealed class MergedUnionTests
{
    [Fact]
    public void TheAlternatives_AreRecordsOfTheSharedPropertiesAndTheirOwn()
    {
        Assert.NotNull(typeof(FruitApple).GetProperty(nameof(FruitApple.Color)));
        Assert.NotNull(typeof(FruitApple).GetProperty(nameof(FruitApple.Seeds)));
        Assert.Equal(typeof(FruitKind), typeof(FruitBanana).GetProperty(nameof(FruitBanana.FruitKind))!.PropertyType);
        Assert.Equal(typeof(object), typeof(FruitApple).BaseType);
        Assert.Equal(typeof(string), typeof(ContactOption2).GetProperty(nameof(ContactOption2.Name))!.PropertyType);
        Assert.NotNull(typeof(Snack).GetProperty(nameof(Snack.SnackBanana)));
    }

    [Theory]
    [InlineData("Fruit", """{"fruitKind":"APPLE","color":"red","seeds":3}""", "FruitApple red seeds=3")]
    [InlineData("Fruit", """{"length":2.5,"fruitKind":"BANANA"}""", "FruitBanana  length=2.5")]
    [InlineData("Fruit", """{"fruitKind":"APPLE","length":2}""", "error: the required key 'seeds' is missing")]
    [InlineData("Fruit", """{"fruitKind":"APPLE","seeds":-1}""", "error: expected a number >= 0")]
    [InlineData("Fruit", """{"fruitKind":"CHERRY","seeds":1}""", "error: the discriminator 'fruitKind' is 'CHERRY', which names none of 'APPLE', 'BANANA'")]
    [InlineData("Shape", """{"shapeType":"Circle","label":"c","radius":1}""", "ShapeCircle c radius=1")]
    [InlineData("Shape", """{"shapeType":"Square","side":2}""", "ShapeSquare  side=2")]
    [InlineData("Shape", """{"shapeType":"Circle","side":2}""", "error: the required key 'radius' is missing")]
    [InlineData("Basket", """{"shape":null}""", "null")]
    [InlineData("Contact", """{"name":"Ann","email":"a@example.com"}""", "ContactOption1 Ann a@example.com")]
    [InlineData("Contact", """{"name":"Bob","phone":"123"}""", "ContactOption2 Bob 123")]
    [InlineData("Contact", """{"name":"Cy","email":"c@example.com","phone":"1"}""", "error: the value matches none of ContactOption1 (the key 'phone' is not allowed (keys are case-sensitive)); ContactOption2 (the key 'email' is not allowed (keys are case-sensitive))")]
    [InlineData("Contact", """{"email":"c@example.com"}""", "error: the value matches none of ContactOption1 (the required key 'name' is missing); ContactOption2 (the key 'email' is not allowed (keys are case-sensitive))")]
    [InlineData("Snack", """{"calories":90,"seeds":4}""", "SnackApple 90 seeds=4")]
    [InlineData("Snack", """{"calories":90,"length":4}""", "SnackBanana 90 length=4")]
    public void StrictRead_TakesTheAlternativeTheValueFits(string type, string json, string expected)
    {
        Assert.Equal(expected, Read(type, json));
    }

    [Fact]
    public void Writing_WritesTheSharedAndOwnProperties_AndTheDiscriminatorThatNamesTheAlternative()
    {
        Fruit apple = new FruitApple { FruitKind = FruitKind.BANANA, Color = "green", Seeds = 5 };
        Shape square = new ShapeSquare { Side = 3 };

        Assert.Equal("""{"fruitKind":"APPLE","color":"green","seeds":5}""", Encoding.UTF8.GetString(ApiJsonValue.Serialize(apple, FruitJsonConverter.WriteValue)));
        Assert.Equal("""{"shapeType":"Square","side":3}""", Encoding.UTF8.GetString(ApiJsonValue.Serialize(square, ShapeJsonConverter.WriteValue)));
    }

    [Fact]
    public async Task EachShape_RoundTripsThroughTheClientAndServer_NestedInArrays()
    {
        var api = new FruitsApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();
        var client = new FruitsApiClient(http);

        var basket = new Basket
        {
            Fruits = [new FruitApple { FruitKind = FruitKind.APPLE, Seeds = 2 }, new FruitBanana { FruitKind = FruitKind.BANANA, Color = "yellow", Length = 1.5 }],
            Shape = new ShapeCircle { Radius = 4 },
            Contacts = [new ContactOption2 { Name = "Bob", Phone = "1" }],
            Snack = new SnackBanana { Calories = 100, Length = 3 },
        };

        var answer = await client.AddBasketAsync(basket);

        Assert.Equal(basket.Fruits[0], answer.Fruits![0]);
        Assert.Equal("yellow", answer.Fruits[1].FruitBanana!.Color);
        Assert.Equal(4, answer.Shape!.ShapeCircle!.Radius);
        Assert.Equal("1", answer.Contacts![0].ContactOption2!.Phone);
        Assert.Equal(100, answer.Snack!.SnackBanana!.Calories);
        Assert.Equal(basket.Shape, api.Received!.Shape);
    }

    [Theory]
    [InlineData("merged/fruits", """{"fruitKind":"BANANA","seeds":1}""", "the required key 'length' is missing")]
    [InlineData("merged/fruits", """{"fruitKind":"PEAR","seeds":1}""", "names none of 'APPLE', 'BANANA'")]
    [InlineData("merged/baskets", """{"contacts":[{"name":"Cy","email":"e","phone":"1"}]}""", "the value matches none of ContactOption1")]
    [InlineData("merged/baskets", """{"shape":{"shapeType":"Triangle"}}""", "the discriminator 'shapeType' is 'Triangle', which names none of 'Circle', 'Square'")]
    public async Task Server_RefusesAValueThatFitsNoAlternative_With400(string path, string json, string message)
    {
        var api = new FruitsApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();

        using var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(api.Received);
    }

    private static string Read(string type, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        try
        {
            return type switch
            {
                "Fruit" => Describe(ApiJsonReader.Deserialize(bytes, FruitJsonConverter.ReadValue, strict: true).Value),
                "Shape" => Describe(ApiJsonReader.Deserialize(bytes, ShapeJsonConverter.ReadValue, strict: true).Value),
                "Basket" => Describe(ApiJsonReader.Deserialize(bytes, BasketJsonConverter.ReadValue, strict: true).Shape?.Value),
                "Contact" => Describe(ApiJsonReader.Deserialize(bytes, ContactJsonConverter.ReadValue, strict: true).Value),
                _ => Describe(ApiJsonReader.Deserialize(bytes, SnackJsonConverter.ReadValue, strict: true).Value),
            };
        }
        catch (ApiJsonException exception)
        {
            return "error: " + exception.Problem;
        }
    }

    private static string Describe(object? value) => value switch
    {
        FruitApple a => $"FruitApple {a.Color} seeds={a.Seeds}",
        FruitBanana b => $"FruitBanana {b.Color} length={b.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        ShapeCircle c => $"ShapeCircle {c.Label} radius={c.Radius.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        ShapeSquare s => $"ShapeSquare {s.Label} side={s.Side.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        ContactOption1 e => $"ContactOption1 {e.Name} {e.Email}",
        ContactOption2 p => $"ContactOption2 {p.Name} {p.Phone}",
        SnackApple a => $"SnackApple {a.Calories} seeds={a.Seeds}",
        SnackBanana b => $"SnackBanana {b.Calories} length={b.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        null => "null",
        _ => "unknown",
    };

    private static Task<KestrelHost> StartAsync(FruitsApi api) =>
        KestrelHost.StartAsync(services => services.AddSingleton<IFruitsApi>(api).AddFruitsApiControllers());

    private sealed class FruitsApi : IFruitsApi
    {
        public Basket? Received { get; private set; }

        public Task<Fruit> AddFruitAsync(Fruit body, CancellationToken cancellationToken = default) => Task.FromResult(body);

        public Task<Basket> AddBasketAsync(Basket body, CancellationToken cancellationToken = default)
        {
            Received = body;
            return Task.FromResult(body);
        }
    }
}
