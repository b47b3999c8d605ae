using System.Text;
using EvsCodegen.GeneratedCode.Tests.Infrastructure;
using GeneratedCode.FormPets;

namespace EvsCodegen.GeneratedCode.Tests.Bodies;

/// <summary>
/// <c>application/x-www-form-urlencoded</c> bodies (Documents/pets-form.yaml): the generated client sends the object's
/// properties as fields (arrays as repeated fields, nulls left out), and the generated controller turns the fields into
/// the JSON the schema's converter reads, so a form is validated exactly as a JSON body is (required, lengths, enums,
/// unknown keys, types).
/// </summary>
public sealed class FormBodyTests
{
    [Fact]
    public async Task Client_SendsThePropertiesAsFormFields()
    {
        var sent = await SendAsync(new NewPet { Name = "Rex & Co", Age = 3, Tags = ["a", "b/c"], Vaccinated = true, Kind = NewPetKind.Dog });

        Assert.Equal("application/x-www-form-urlencoded | name=Rex%20%26%20Co&age=3&tags=a&tags=b%2Fc&vaccinated=true&kind=dog", sent);
    }

    [Fact]
    public async Task Client_LeavesOutNullProperties()
    {
        Assert.Equal("application/x-www-form-urlencoded | name=Rex", await SendAsync(new NewPet { Name = "Rex" }));
    }

    [Theory]
    [InlineData("name=R+%26+C&age=3&tags=a&tags=b%2Fc&vaccinated=true&kind=dog", "200 received R & C, 3, [a,b/c], True, dog")]
    [InlineData("name=Rex", "200 received Rex, -, [], -, -")]
    [InlineData("age=3", "400 {\"status\":400,\"message\":\"Invalid request body: the required key 'name' is missing.\"}")]
    [InlineData("name=Rexxxx", "400 {\"status\":400,\"message\":\"Invalid value at 'name': expected at most 5 characters, got 6.\"}")]
    [InlineData("name=Rex&age=three", "400 {\"status\":400,\"message\":\"The field 'age' must be a 32-bit integer.\"}")]
    [InlineData("name=Rex&vaccinated=yes", "400 {\"status\":400,\"message\":\"The field 'vaccinated' must be true or false.\"}")]
    [InlineData("name=Rex&kind=cow", "400 {\"status\":400,\"message\":\"Invalid value at 'kind': 'cow' is not one of dog, cat.\"}")]
    [InlineData("name=Rex&name=Max", "400 {\"status\":400,\"message\":\"The field 'name' is given more than once.\"}")]
    [InlineData("name=Rex&color=brown", "400 {\"status\":400,\"message\":\"Invalid request body: the key 'color' is not allowed (keys are case-sensitive).\"}")]
    [InlineData("", "400 {\"status\":400,\"message\":\"The request body is empty.\"}")]
    public async Task Controller_ValidatesTheFieldsAsTheSchemaSays(string form, string expected)
    {
        var api = new RecordingApi();

        var (status, body) = await ControllerCall.InvokeAsync(new PetsApiController(api), "POST", "application/x-www-form-urlencoded", Encoding.UTF8.GetBytes(form), c => c.AddPetAsync());

        Assert.Equal(expected, status + " " + (api.Received ?? body));
    }

    private static async Task<string> SendAsync(NewPet pet)
    {
        using var handler = new RecordingHandler(jsonAnswer: """{"name":"Rex"}""");
        using var http = handler.Client();

        await new PetsApiClient(http).AddPetAsync(pet);

        return handler.Request!.Content!.Headers.ContentType!.MediaType + " | " + Encoding.UTF8.GetString(handler.Body!);
    }

    private sealed class RecordingApi : IPetsApi
    {
        public string? Received { get; private set; }

        public Task<NewPet> AddPetAsync(NewPet body, CancellationToken cancellationToken = default)
        {
            Received = $"received {body.Name}, {body.Age?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, [{string.Join(",", body.Tags ?? [])}], {body.Vaccinated?.ToString() ?? "-"}, {body.Kind?.ToString() ?? "-"}";
            return Task.FromResult(body);
        }
    }
}
