using System.Net;
using System.Text;
using EvsCodegen.GeneratedCode.Tests.Infrastructure;
using EvsCodegen.TestSupport;
using GeneratedCode.Subtypes;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Json;

/// <summary>
/// Subtypes of a discriminated base beyond <c>allOf: [$ref, {properties}]</c> (Documents/subtypes.yaml): a base with a
/// discriminator and no properties (Vehicle), a component that only refers to a discriminated base (Suv, Mammal), and a
/// derived schema that narrows the inherited discriminator to an enum (Hound: <c>enum: [hound]</c>). Each is a derived
/// record read by the value that names it and refusing another, over the generated client and a real server.
/// </summary>
public sealed class SubtypeTests
{
    [Fact]
    public void Subtypes_DeriveFromTheirBase()
    {
        Assert.Equal(typeof(Vehicle), typeof(Truck).BaseType);
        Assert.Equal(typeof(Truck), typeof(Suv).BaseType);
        Assert.Equal(typeof(Vehicle), typeof(Sedan).BaseType);
        Assert.Equal(typeof(Animal), typeof(Mammal).BaseType);
        Assert.Equal(typeof(Mammal), typeof(Hound).BaseType);
        Assert.Equal(typeof(string), typeof(Hound).GetProperty(nameof(Hound.AnimalType))!.PropertyType);
    }

    [Theory]
    [InlineData("""{"kind":"Truck","load":7}""", "Truck load=7")]
    [InlineData("""{"kind":"Suv","load":2}""", "Suv load=2")]
    [InlineData("""{"kind":"Sedan","doors":4}""", "Sedan doors=4")]
    [InlineData("""{"kind":"Boat"}""", "Vehicle")]
    [InlineData("""{"kind":"Sedan","doors":"four"}""", "error: expected a 64-bit integer, got a string")]
    public void ReadingAVehicle_PicksTheRecordItsDiscriminatorNames(string json, string expected)
    {
        Assert.Equal(expected, Describe(() => Show(ApiJsonReader.Deserialize(Encoding.UTF8.GetBytes(json), VehicleJsonConverter.ReadValue, strict: true))));
    }

    [Theory]
    [InlineData("""{"animalType":"hound","name":"Rex","speed":40}""", "Hound Rex speed=40")]
    [InlineData("""{"animalType":"Mammal","name":"Moe"}""", "Mammal Moe")]
    [InlineData("""{"animalType":"bird","name":"Tweety"}""", "Animal Tweety")]
    [InlineData("""{"animalType":"hound","speed":40}""", "error: the required key 'name' is missing")]
    public void ReadingAnAnimal_PicksTheRecordItsDiscriminatorNames(string json, string expected)
    {
        Assert.Equal(expected, Describe(() => Show(ApiJsonReader.Deserialize(Encoding.UTF8.GetBytes(json), AnimalJsonConverter.ReadValue, strict: true))));
    }

    [Theory]
    [InlineData("""{"animalType":"Mammal","name":"Rex"}""", "error: the discriminator 'animalType' is 'Mammal', which does not name Hound (expected 'hound')")]
    [InlineData("""{"animalType":"hound","name":"Rex"}""", "Hound Rex speed=")]
    public void ReadingAHound_RefusesAValueItsEnumDoesNotAllow(string json, string expected)
    {
        Assert.Equal(expected, Describe(() => Show(ApiJsonReader.Deserialize(Encoding.UTF8.GetBytes(json), HoundJsonConverter.ReadValue, strict: true))));
    }

    [Fact]
    public void Writing_WritesTheValueThatNamesTheRecord()
    {
        Animal hound = new Hound { AnimalType = "cat", Name = "Rex", Speed = 3 };
        Vehicle suv = new Suv { Kind = VehicleKind.Truck, Load = 1 };

        Assert.Equal("""{"animalType":"hound","name":"Rex","speed":3}""", Encoding.UTF8.GetString(ApiJsonValue.Serialize(hound, AnimalJsonConverter.WriteValue)));
        Assert.Equal("""{"kind":"Suv","load":1}""", Encoding.UTF8.GetString(ApiJsonValue.Serialize(suv, VehicleJsonConverter.WriteValue)));
    }

    [Fact]
    public async Task Subtypes_RoundTripThroughTheClientAndServer_AlsoInArrays()
    {
        var api = new GarageApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();
        var client = new GarageApiClient(http);

        var vehicle = await client.AddVehicleAsync(new Suv { Kind = VehicleKind.Suv, Load = 9 });
        var animals = await client.AddAnimalsAsync([new Hound { AnimalType = "hound", Name = "Rex" }, new Mammal { AnimalType = "Mammal", Name = "Moe" }]);

        Assert.Equal("Suv load=9", Show(vehicle));
        Assert.Equal("Hound Rex speed=; Mammal Moe", string.Join("; ", animals.Select(Show)));
    }

    [Theory]
    [InlineData("subtypes/vehicles", """{"kind":"Truck","load":"heavy"}""", "expected a 64-bit integer")]
    [InlineData("subtypes/animals", """[{"animalType":"hound"}]""", "the required key 'name' is missing")]
    public async Task Server_RefusesAnInvalidSubtype_With400(string path, string json, string message)
    {
        var api = new GarageApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();

        using var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(api.Called);
    }

    private static string Describe(Func<string> read)
    {
        try
        {
            return read();
        }
        catch (ApiJsonException exception)
        {
            return "error: " + exception.Problem;
        }
    }

    private static string Show(Vehicle vehicle) => vehicle switch
    {
        Suv s => $"Suv load={s.Load}",
        Truck t => $"Truck load={t.Load}",
        Sedan s => $"Sedan doors={s.Doors}",
        _ => "Vehicle",
    };

    private static string Show(Animal animal) => animal switch
    {
        Hound h => $"Hound {h.Name} speed={h.Speed}",
        Mammal m => $"Mammal {m.Name}",
        _ => $"Animal {animal.Name}",
    };

    private static Task<KestrelHost> StartAsync(GarageApi api) =>
        KestrelHost.StartAsync(services => services.AddSingleton<IGarageApi>(api).AddGarageApiControllers());

    private sealed class GarageApi : IGarageApi
    {
        public bool Called { get; private set; }

        public Task<Vehicle> AddVehicleAsync(Vehicle body, CancellationToken cancellationToken = default)
        {
            Called = true;
            return Task.FromResult(body);
        }

        public Task<IReadOnlyList<Animal>> AddAnimalsAsync(IReadOnlyList<Animal> body, CancellationToken cancellationToken = default)
        {
            Called = true;
            return Task.FromResult(body);
        }
    }
}
