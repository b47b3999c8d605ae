using System.Net;
using System.Text;
using EvsCodegen.GeneratedCode.Tests.Infrastructure;
using EvsCodegen.TestSupport;
using GeneratedCode.Inheritance;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Json;

/// <summary>
/// <c>allOf</c> with one <c>$ref</c> base (Documents/inheritance.yaml): Dog and Cat derive from Pet, Puppy from Dog;
/// reading a Pet picks the derived record its discriminator names (by the mapping, else the schema name), writing a
/// derived value through the base writes its own properties and the value that names it, both levels are validated,
/// and TaggedDog, with two <c>$ref</c> bases, merges them. Exercised over the generated client and a real server.
/// </summary>
public sealed class InheritanceTests
{
    [Fact]
    public void DerivedRecords_DeriveFromTheirBase_AndTwoBasesMerge()
    {
        Assert.Equal(typeof(Pet), typeof(Dog).BaseType);
        Assert.Equal(typeof(Pet), typeof(Cat).BaseType);
        Assert.Equal(typeof(Dog), typeof(Puppy).BaseType);
        Assert.False(typeof(Pet).IsSealed);
        Assert.True(typeof(Cat).IsSealed);
        Assert.Equal(typeof(object), typeof(TaggedDog).BaseType);
        Assert.NotNull(typeof(TaggedDog).GetProperty(nameof(TaggedDog.Tag)));
        Assert.NotNull(typeof(TaggedDog).GetProperty(nameof(TaggedDog.Barks)));
    }

    [Theory]
    [InlineData("""{"petType":"dog","name":"Rex","barks":true}""", "Dog Rex barks=True")]
    [InlineData("""{"petType":"Cat","name":"Tom","lives":7}""", "Cat Tom lives=7")]
    [InlineData("""{"petType":"Puppy","name":"Bit","barks":false,"ageInWeeks":9}""", "Puppy Bit age=9")]
    [InlineData("""{"name":"Nemo","petType":"fish"}""", "Pet Nemo")]
    [InlineData("""{"petType":"dog","name":"Rex"}""", "error: the required key 'barks' is missing")]
    [InlineData("""{"petType":"dog","barks":true}""", "error: the required key 'name' is missing")]
    [InlineData("""{"petType":"Cat","name":"Tom","lives":10}""", "error: expected a number <= 9")]
    [InlineData("""{"petType":"Cat","name":"","lives":1}""", "error: expected at least 1 characters, got 0")]
    public void ReadingAPet_PicksTheDerivedRecordItsDiscriminatorNames_AndValidatesBothLevels(string json, string expected)
    {
        Assert.Equal(expected, Describe(json, PetJsonConverter.ReadValue, Show));
    }

    [Theory]
    [InlineData("""{"petType":"Puppy","name":"Bit","barks":true}""", "Puppy Bit age=")]
    [InlineData("""{"petType":"Cat","name":"Tom","barks":true}""", "error: the discriminator 'petType' is 'Cat', which does not name Dog (expected 'dog')")]
    public void ReadingADog_ReadsItsOwnDerivedRecords_AndRefusesAValueNamingAnotherRecord(string json, string expected)
    {
        Assert.Equal(expected, Describe(json, DogJsonConverter.ReadValue, d => Show(d)));
    }

    [Fact]
    public void WritingThroughTheBase_WritesTheDerivedPropertiesAndTheValueThatNamesIt()
    {
        Pet dog = new Dog { PetType = "whatever", Name = "Rex", Barks = true };
        Pet puppy = new Puppy { PetType = "dog", Name = "Bit", Barks = false, AgeInWeeks = 9 };
        Pet pet = new Pet { PetType = "fish", Name = "Nemo" };

        Assert.Equal("""{"petType":"dog","name":"Rex","barks":true}""", Write(dog, PetJsonConverter.WriteValue));
        Assert.Equal("""{"petType":"Puppy","name":"Bit","barks":false,"ageInWeeks":9}""", Write(puppy, PetJsonConverter.WriteValue));
        Assert.Equal("""{"petType":"fish","name":"Nemo"}""", Write(pet, PetJsonConverter.WriteValue));
        Assert.Equal("""{"petType":"dog","name":"Rex","barks":true}""", System.Text.Json.JsonSerializer.Serialize(dog));
    }

    [Fact]
    public async Task PolymorphicRequestAndResponse_RoundTripThroughTheClientAndServer()
    {
        var api = new PetsApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();
        var client = new PetsApiClient(http);

        var answer = await client.AddPetAsync(new Puppy { PetType = "Puppy", Name = "Bit", Barks = true, AgeInWeeks = 3 });
        var dog = await client.AddDogAsync(new Dog { PetType = "dog", Name = "Rex", Barks = false });

        Assert.Equal("Puppy Bit age=3", Show(api.Received!));
        Assert.Equal("Puppy Bit age=3", Show(answer));
        Assert.Equal("Dog Rex barks=False", Show(dog));
    }

    [Theory]
    [InlineData("inheritance/pets", """{"petType":"dog","name":"Rex"}""", "the required key 'barks' is missing")]
    [InlineData("inheritance/dogs", """{"petType":"Cat","name":"Tom","barks":true}""", "the discriminator 'petType' is 'Cat', which does not name Dog (expected 'dog')")]
    public async Task Server_RefusesAnInvalidDerivedValue_With400_AndNeverCallsTheImplementation(string path, string json, string message)
    {
        var api = new PetsApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();

        using var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(api.Received);
    }

    [Fact]
    public async Task Client_ReadsTheDerivedRecordOfAnAnswer()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, """{"petType":"Cat","name":"Tom","lives":3}""");
        var client = new PetsApiClient(handler.Client());

        var answer = await client.AddPetAsync(new Cat { PetType = "Cat", Name = "Tom", Lives = 3 });

        Assert.Equal("Cat Tom lives=3", Show(answer));
        Assert.Equal("""{"petType":"Cat","name":"Tom","lives":3}""", Encoding.UTF8.GetString(handler.Body!));
    }

    private static string Show(Pet pet) => pet switch
    {
        Puppy p => $"Puppy {p.Name} age={p.AgeInWeeks}",
        Dog d => $"Dog {d.Name} barks={d.Barks}",
        Cat c => $"Cat {c.Name} lives={c.Lives}",
        _ => $"Pet {pet.Name}",
    };

    private static Task<KestrelHost> StartAsync(PetsApi api) =>
        KestrelHost.StartAsync(services => services.AddSingleton<IPetsApi>(api).AddPetsApiControllers());

    private static string Describe<T>(string json, ApiJsonReadFunc<T> read, Func<T, string> describe)
    {
        try
        {
            return describe(ApiJsonReader.Deserialize(Encoding.UTF8.GetBytes(json), read, strict: true));
        }
        catch (ApiJsonException exception)
        {
            return "error: " + exception.Problem;
        }
    }

    private static string Write<T>(T value, Action<System.Text.Json.Utf8JsonWriter, T> write) => Encoding.UTF8.GetString(ApiJsonValue.Serialize(value, write));

    private sealed class PetsApi : IPetsApi
    {
        public Pet? Received { get; private set; }

        public Task<Pet> AddPetAsync(Pet body, CancellationToken cancellationToken = default)
        {
            Received = body;
            return Task.FromResult(body);
        }

        public Task<Dog> AddDogAsync(Dog body, CancellationToken cancellationToken = default) => Task.FromResult(body);

        public Task AddTaggedAsync(TaggedDog body, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
