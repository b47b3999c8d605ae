using System.Text;
using GeneratedCode.Zoo;

namespace EvsCodegen.GeneratedCode.Tests.Json;

/// <summary>
/// <c>oneOf</c>/<c>anyOf</c> of object schemas as union types (Documents/zoo.yaml): the discriminator (with and without
/// a <c>mapping</c>) picks the alternative and a value that names none is an error; without one the first alternative
/// that reads wins, leaving no trace of the failed attempts; none reading is an error at the value naming each alternative's problem; writing writes the
/// alternative that is set, its discriminator the value that names it (Cat and Dog carry theirs in AnyPet too).
/// </summary>
public sealed class UnionTypeTests
{
    [Theory]
    [InlineData("Pet", """{"petType":"kitty","lives":9}""", "Cat lives 9")]
    [InlineData("Pet", """{"bark":"woof","petType":"Dog"}""", "Dog bark woof")]
    [InlineData("Pet", """{"petType":"wolf","bark":"howl"}""", "error at '': the discriminator 'petType' is 'wolf', which names none of 'kitty', 'Dog'")]
    [InlineData("Pet", """{"petType":"Dog","lives":1}""", "error at '': the key 'lives' is not allowed (keys are case-sensitive)")]
    [InlineData("Pet", """{"petType":"kitty","bark":"woof"}""", "error at '': the key 'bark' is not allowed (keys are case-sensitive)")]
    [InlineData("AnyPet", """{"petType":"Dog","bark":"woof"}""", "Dog bark woof")]
    [InlineData("AnyPet", """{"petType":"x","bark":"woof"}""", "error at '': the value matches none of Cat (the key 'bark' is not allowed (keys are case-sensitive)); Dog (the discriminator 'petType' is 'x', which does not name Dog (expected 'Dog'))")]
    [InlineData("AnyPet", """{"petType":"x"}""", "error at '': the value matches none of Cat (the discriminator 'petType' is 'x', which does not name Cat (expected 'kitty')); Dog (the discriminator 'petType' is 'x', which does not name Dog (expected 'Dog'))")]
    [InlineData("Owner", """{"pets":[{"petType":"kitty","lives":1},{"petType":"Dog","bark":"b"},{"petType":"wolf"}]}""", "error at 'pets[2]': the discriminator 'petType' is 'wolf', which names none of 'kitty', 'Dog'")]
    public void StrictRead(string type, string json, string expected)
    {
        Assert.Equal(expected, Read(type, json));
    }

    [Fact]
    public void StrictRead_OfAnOwner_ReadsEveryAlternativeInOrder()
    {
        Assert.Equal("Cat lives 1; Dog bark b", Read("Owner", """{"pets":[{"petType":"kitty","lives":1},{"petType":"Dog","bark":"b"}]}"""));
    }

    [Fact]
    public void Write_WritesTheAlternativeThatIsSet()
    {
        Pet cat = new Cat { Lives = 3 };
        var owner = new Owner { Pets = [cat, new Dog { Bark = "woof" }] };

        var json = Encoding.UTF8.GetString(ApiJsonValue.Serialize(owner, OwnerJsonConverter.WriteValue));

        Assert.Equal("""{"pets":[{"petType":"kitty","lives":3},{"petType":"Dog","bark":"woof"}]}""", json);
    }

    [Fact]
    public void ImplicitConversion_SetsOnlyThatAlternative()
    {
        Pet dog = new Dog { Bark = "woof" };

        Assert.Equal((null, "woof"), (dog.Cat, dog.Dog?.Bark));
        Assert.Same(dog.Dog, dog.Value);
    }

    private static string Read(string type, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        try
        {
            return type switch
            {
                "Pet" => Describe(ApiJsonReader.Deserialize(bytes, PetJsonConverter.ReadValue, strict: true).Value),
                "AnyPet" => Describe(ApiJsonReader.Deserialize(bytes, AnyPetJsonConverter.ReadValue, strict: true).Value),
                _ => string.Join("; ", ApiJsonReader.Deserialize(bytes, OwnerJsonConverter.ReadValue, strict: true).Pets!.Select(p => Describe(p.Value))),
            };
        }
        catch (ApiJsonException exception)
        {
            return $"error at '{exception.Location}': {exception.Problem}";
        }
    }

    private static string Describe(object? value) => value switch
    {
        Cat cat => $"Cat lives {cat.Lives}",
        Dog dog => $"Dog bark {dog.Bark}",
        _ => "none",
    };
}
