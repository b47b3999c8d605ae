using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// <c>oneOf</c>/<c>anyOf</c> of object schemas as union types: the discriminator (with and without a <c>mapping</c>)
/// picks the alternative; without one, or with an unknown value, the first alternative that reads wins, leaving no
/// trace of the failed attempts; none reading is an error at the value; writing writes the alternative that is set.
/// </summary>
public sealed class UnionTypeTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: Zoo, version: '1'}
        paths: {}
        components:
          schemas:
            Cat:
              type: object
              additionalProperties: false
              required: [petType, lives]
              properties:
                petType: {type: string}
                lives: {type: integer, format: int32}
            Dog:
              type: object
              additionalProperties: false
              required: [petType, bark]
              properties:
                petType: {type: string}
                bark: {type: string}
            Pet:
              oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
              discriminator:
                propertyName: petType
                mapping: {kitty: '#/components/schemas/Cat'}
            AnyPet:
              anyOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
            Owner:
              type: object
              properties:
                pets: {type: array, items: {$ref: '#/components/schemas/Pet'}}
        """;

    private static readonly Lazy<InMemoryAssembly> s_probe = new(() =>
    {
        var run = GeneratorHarness.Run(OpenApiFile.Create("zoo.yaml", Document));
        Assert.Empty(GeneratorHarness.CompilerProblems(run.OutputCompilation));
        return InMemoryAssembly.LoadWithProbe(run, Probe);
    });

    [Theory]
    [InlineData("Pet", """{"petType":"kitty","lives":9}""", "Cat lives 9")]
    [InlineData("Pet", """{"bark":"woof","petType":"Dog"}""", "Dog bark woof")]
    [InlineData("Pet", """{"petType":"wolf","bark":"howl"}""", "Dog bark howl")]
    [InlineData("Pet", """{"petType":"kitty","bark":"woof"}""", "error at '': the key 'bark' is not allowed (keys are case-sensitive)")]
    [InlineData("AnyPet", """{"petType":"x","bark":"woof"}""", "Dog bark woof")]
    [InlineData("AnyPet", """{"petType":"x"}""", "error at '': the value matches none of Cat, Dog")]
    [InlineData("Owner", """{"pets":[{"petType":"kitty","lives":1},{"petType":"Dog","bark":"b"},{"petType":"wolf"}]}""", "error at 'pets[2]': the value matches none of Cat, Dog")]
    public async Task StrictRead(string type, string json, string expected)
    {
        Assert.Equal(expected, await s_probe.Value.InvokeAsync("Consumer.Probe", "ReadAsync", type, json));
    }

    [Fact]
    public async Task Write_WritesTheAlternativeThatIsSet()
    {
        Assert.Equal("""{"pets":[{"petType":"kitty","lives":3},{"petType":"Dog","bark":"woof"}]}""", await s_probe.Value.InvokeAsync("Consumer.Probe", "WriteAsync"));
    }

    private const string Probe = """
        using System;
        using System.Linq;
        using System.Text;
        using System.Threading.Tasks;
        using Test.Api;

        namespace Consumer;

        internal static class Probe
        {
            public static Task<string> ReadAsync(string type, string json)
            {
                var bytes = Encoding.UTF8.GetBytes(json);
                try
                {
                    return Task.FromResult(type switch
                    {
                        "Pet" => Describe(ApiJsonReader.Deserialize(bytes, PetJsonConverter.ReadValue, strict: true).Value),
                        "AnyPet" => Describe(ApiJsonReader.Deserialize(bytes, AnyPetJsonConverter.ReadValue, strict: true).Value),
                        _ => string.Join("; ", ApiJsonReader.Deserialize(bytes, OwnerJsonConverter.ReadValue, strict: true).Pets!.Select(p => Describe(p.Value))),
                    });
                }
                catch (ApiJsonException exception)
                {
                    return Task.FromResult($"error at '{exception.Location}': {exception.Problem}");
                }
            }

            public static Task<string> WriteAsync()
            {
                Pet cat = new Cat { PetType = "kitty", Lives = 3 };
                var owner = new Owner { Pets = [cat, new Dog { PetType = "Dog", Bark = "woof" }] };
                return Task.FromResult(Encoding.UTF8.GetString(ApiJsonValue.Serialize(owner, OwnerJsonConverter.WriteValue)));
            }

            private static string Describe(object? value) => value switch
            {
                Cat cat => $"Cat lives {cat.Lives}",
                Dog dog => $"Dog bark {dog.Bark}",
                _ => "none",
            };
        }
        """;
}
