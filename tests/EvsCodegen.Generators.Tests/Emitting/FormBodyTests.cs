using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// <c>application/x-www-form-urlencoded</c> bodies: the generated client sends the object's properties as fields
/// (arrays as repeated fields, nulls left out), and the generated controller turns the fields into the JSON the
/// schema's converter reads, so a form is validated exactly as a JSON body is (required, lengths, enums, unknown
/// keys, types). Run in memory over a capturing handler and a <c>DefaultHttpContext</c>.
/// </summary>
public sealed class FormBodyTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: Pets, version: '1'}
        paths:
          /pets:
            post:
              tags: [Pets]
              operationId: addPet
              requestBody:
                required: true
                content:
                  application/x-www-form-urlencoded:
                    schema: {$ref: '#/components/schemas/NewPet'}
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/NewPet'}}}}
        components:
          schemas:
            NewPet:
              type: object
              additionalProperties: false
              required: [name]
              properties:
                name: {type: string, maxLength: 5}
                age: {type: integer, format: int32}
                tags: {type: array, items: {type: string}}
                vaccinated: {type: boolean}
                kind: {type: string, enum: [dog, cat]}
        """;

    private static readonly Lazy<InMemoryAssembly> s_probe = new(() =>
        InMemoryAssembly.LoadWithProbe(GeneratorHarness.Run(OpenApiFile.Create("pets.yaml", Document)), Probe));

    [Fact]
    public async Task Client_SendsThePropertiesAsFormFields()
    {
        var sent = await s_probe.Value.InvokeAsync("Consumer.Probe", "ClientSendsAsync");

        Assert.Equal("application/x-www-form-urlencoded | name=Rex+%26+Co&age=3&tags=a&tags=b%2Fc&vaccinated=true&kind=dog", sent);
    }

    [Fact]
    public async Task Client_LeavesOutNullProperties()
    {
        var sent = await s_probe.Value.InvokeAsync("Consumer.Probe", "ClientSendsMinimalAsync");

        Assert.Equal("application/x-www-form-urlencoded | name=Rex", sent);
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
        var received = await s_probe.Value.InvokeAsync("Consumer.Probe", "ServerReceivesAsync", form);

        Assert.Equal(expected, received);
    }

    private const string Probe = """
        using System;
        using System.IO;
        using System.Linq;
        using System.Net;
        using System.Net.Http;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Test.Api;

        namespace Consumer;

        internal static class Probe
        {
            public static Task<string> ClientSendsAsync() =>
                SendAsync(new NewPet { Name = "Rex & Co", Age = 3, Tags = ["a", "b/c"], Vaccinated = true, Kind = NewPetKind.Dog });

            public static Task<string> ClientSendsMinimalAsync() => SendAsync(new NewPet { Name = "Rex" });

            private static async Task<string> SendAsync(NewPet pet)
            {
                var handler = new CapturingHandler();
                await new PetsApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://api.test/") }).AddPetAsync(pet);
                return handler.Sent!;
            }

            public static async Task<string> ServerReceivesAsync(string form)
            {
                var api = new RecordingApi();
                var http = new DefaultHttpContext { RequestServices = new NoServices() };
                http.Request.Method = "POST";
                http.Request.ContentType = "application/x-www-form-urlencoded";
                http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(form));
                var response = new MemoryStream();
                http.Response.Body = response;
                await new PetsApiController(api) { ControllerContext = new ControllerContext { HttpContext = http } }.AddPetAsync();
                return http.Response.StatusCode + " " + (api.Received ?? Encoding.UTF8.GetString(response.ToArray()));
            }
        }

        internal sealed class CapturingHandler : HttpMessageHandler
        {
            public string? Sent { get; private set; }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Sent = request.Content!.Headers.ContentType!.MediaType + " | " + await request.Content.ReadAsStringAsync(cancellationToken);
                var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"name\":\"Rex\"}"));
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
            }
        }

        internal sealed class RecordingApi : IPetsApi
        {
            public string? Received { get; private set; }

            public Task<NewPet> AddPetAsync(NewPet body, CancellationToken cancellationToken = default)
            {
                Received = $"received {body.Name}, {body.Age?.ToString() ?? "-"}, [{string.Join(",", body.Tags ?? [])}], {body.Vaccinated?.ToString() ?? "-"}, {body.Kind?.ToString() ?? "-"}";
                return Task.FromResult(body);
            }
        }

        internal sealed class NoServices : IServiceProvider
        {
            public object? GetService(Type serviceType) => null;
        }
        """;
}
