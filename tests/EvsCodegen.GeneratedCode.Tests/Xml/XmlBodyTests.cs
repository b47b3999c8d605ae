using System.Net;
using System.Text;
using EvsCodegen.GeneratedCode.Tests.Infrastructure;
using EvsCodegen.TestSupport;
using GeneratedCode.XmlBodies;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Xml;

/// <summary>
/// XML bodies after OpenAPI's XML Object (docs/decisions.md, "XML bodies"): the client writes and reads XML, the
/// server reads by Content-Type and writes by Accept, an XML body is validated as its JSON would be, and a DTD is
/// refused. Expected texts are the OpenAPI Specification's own XML Object examples.
/// </summary>
public class XmlBodyTests
{
    // The "XML Attribute, Prefix and Namespace" example of the XML Object, written without its indentation.
    private const string SpecPersonXml = """<Person id="123"><sample:name xmlns:sample="http://example.com/schema/sample">example</sample:name></Person>""";

    private const string FullPersonXml =
        """<Person id="1"><sample:name xmlns:sample="http://example.com/schema/sample">Ann</sample:name><status>active</status><weight>61.5</weight>"""
        + """<animal>cat</animal><animal>dog</animal><aliens><animal>rex</animal></aliens>"""
        + """<address zip="12345" xmlns="http://example.com/schema/address"><street>Main</street><verified>true</verified></address>"""
        + """<friends><friend><name>Bo</name><since>2020</since></friend></friends></Person>""";

    /// <summary>The generated server the tests run against.</summary>
    protected virtual ServerFlavour Flavour => ServerFlavour.Mvc;

    private static Person FullPerson() => new()
    {
        Id = 1,
        Name = "Ann",
        Status = PersonStatus.Active,
        Weight = 61.5,
        Animals = ["cat", "dog"],
        Pets = ["rex"],
        Address = new Address { Street = "Main", Zip = "12345", Verified = true },
        Friends = [new Friend { Name = "Bo", Since = 2020 }],
    };

    [Fact]
    public async Task TheClient_WritesTheSpecificationsExample_Exactly()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);

        await new PeopleApiClient(handler.Client()).ReplacePersonAsync(123, new Person { Id = 123, Name = "example" });

        Assert.Equal(("text/xml", SpecPersonXml), (handler.ContentType, Encoding.UTF8.GetString(handler.Body!)));
    }

    [Fact]
    public async Task TheClient_WritesWrappedAndUnwrappedArrays_NestedNamespaces_AndLeavesNullsOut()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);

        await new PeopleApiClient(handler.Client()).ReplacePersonAsync(1, FullPerson());

        Assert.Equal(FullPersonXml, Encoding.UTF8.GetString(handler.Body!));
    }

    [Fact]
    public async Task XmlOnlyOperations_RoundTrip_ThroughTheServer()
    {
        var api = new PeopleApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();
        var client = new PeopleApiClient(http);

        await client.ReplacePersonAsync(1, FullPerson());
        var read = await client.GetPersonAsync(1);
        var tags = await client.GetTagsAsync();

        Assert.Equal(FullPersonXml, await XmlOf(read));
        Assert.Equal(["a", "b"], tags);
    }

    [Fact]
    public async Task TheServer_WritesTheDeclaredXml_ForARootArrayOfScalars()
    {
        await using var host = await StartAsync(new PeopleApi());
        using var http = host.Client();

        using var response = await http.GetAsync("tags");

        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<tags><tag>a</tag><tag>b</tag></tags>", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("application/xml", "application/xml")]
    [InlineData("application/json", "application/json")]
    [InlineData(null, "application/json")]
    [InlineData("text/html, application/xml;q=0.9, application/json;q=0.5", "application/xml")]
    [InlineData("*/*", "application/json")]
    public async Task ABodyDeclaredBothWays_IsReadByContentType_AndWrittenByAccept(string? accept, string answered)
    {
        await using var host = await StartAsync(new PeopleApi());
        using var http = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "people") { Content = new StringContent(SpecPersonXml, Encoding.UTF8, "application/xml") };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.OK, answered), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Equal(answered == "application/xml" ? SpecPersonXml : """{"id":123,"name":"example"}""", text);
    }

    [Fact]
    public async Task TheClient_SendsJsonByDefault_AndReadsTheAnswer()
    {
        var api = new PeopleApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();

        var recording = new RecordingHandler(HttpStatusCode.OK, """{"id":2,"name":"B"}""");

        var stored = await new PeopleApiClient(http).AddPersonAsync(FullPerson());
        await new PeopleApiClient(recording.Client()).AddPersonAsync(FullPerson());

        Assert.Equal(FullPersonXml, await XmlOf(stored));
        Assert.Equal("application/json", recording.ContentType);
        Assert.Equal("application/json, application/xml", recording.Request!.Headers.Accept.ToString());
    }

    [Fact]
    public async Task TheClient_ReadsAnXmlAnswer_ToAnOperationDeclaredBothWays()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, SpecPersonXml, "application/xml");

        var read = await new PeopleApiClient(handler.Client()).AddPersonAsync(new Person { Id = 123, Name = "example" });

        Assert.Equal((123, "example"), (read.Id, read.Name));
    }

    [Theory]
    [InlineData("<Person id=\"1\"><name>A</Person>")]
    [InlineData("<Person id=\"x\"><name>A</name></Person>")]
    [InlineData("<Person id=\"1\"/>")]
    [InlineData("<Person id=\"1\"><name></name></Person>")]
    [InlineData("<Person id=\"1\"><name>A</name><status>lost</status></Person>")]
    [InlineData("<Person id=\"1\"><name>A</name><name>B</name></Person>")]
    [InlineData("<Person id=\"1\"><name>A</name><address><street>S</street><floor>2</floor></address></Person>")]
    [InlineData("<Person id=\"1\"><name>A</name><address><verified>yes</verified><street>S</street></address></Person>")]
    [InlineData("<People id=\"1\"><name>A</name></People>")]
    [InlineData("")]
    public async Task AnInvalidXmlBody_Is400_AndNeverReachesTheImplementation(string xml)
    {
        var api = new PeopleApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();

        using var response = await http.PutAsync("people/1", new StringContent(xml, Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(api.Stored);
    }

    [Fact]
    public async Task ADocumentTypeDefinition_IsRefused_SoNoEntityIsExpanded()
    {
        var api = new PeopleApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();
        const string Xxe = """<?xml version="1.0"?><!DOCTYPE Person [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Person id="1"><name>&xxe;</name></Person>""";
        const string Bomb = """<?xml version="1.0"?><!DOCTYPE Person [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Person id="1"><name>&b;</name></Person>""";

        using var xxe = await http.PutAsync("people/1", new StringContent(Xxe, Encoding.UTF8, "text/xml"));
        using var bomb = await http.PutAsync("people/1", new StringContent(Bomb, Encoding.UTF8, "text/xml"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (xxe.StatusCode, bomb.StatusCode));
        Assert.Null(api.Stored);
    }

    [Fact]
    public async Task AnotherMediaType_Is415()
    {
        var api = new PeopleApi();
        await using var host = await StartAsync(api);
        using var http = host.Client();

        using var json = await http.PutAsync("people/1", new StringContent("""{"id":1,"name":"A"}""", Encoding.UTF8, "application/json"));
        using var text = await http.PostAsync("people", new StringContent(SpecPersonXml, Encoding.UTF8, "text/plain"));

        Assert.Equal((HttpStatusCode.UnsupportedMediaType, HttpStatusCode.UnsupportedMediaType), (json.StatusCode, text.StatusCode));
        Assert.Null(api.Stored);
    }

    [Fact]
    public async Task TheClient_RefusesAnAnswerThatIsNotTheDeclaredXml()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, "<Person id=\"1\"></Person>", "application/xml");

        var failure = await Assert.ThrowsAnyAsync<ApiException>(() => new PeopleApiClient(handler.Client()).GetPersonAsync(1));

        Assert.Contains("name", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<string> XmlOf(Person person)
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);
        await new PeopleApiClient(handler.Client()).ReplacePersonAsync(person.Id, person);
        return Encoding.UTF8.GetString(handler.Body!);
    }

    private Task<KestrelHost> StartAsync(PeopleApi api) =>
        FlavourHost.StartAsync(Flavour, services => services.AddSingleton<IPeopleApi>(api), s => s.AddPeopleApiControllers(), app => app.MapPeopleApi());

    private sealed class PeopleApi : IPeopleApi
    {
        public Person? Stored { get; private set; }

        public Task<Person> AddPersonAsync(Person body, CancellationToken cancellationToken = default)
        {
            Stored = body;
            return Task.FromResult(body);
        }

        public Task<Person> GetPersonAsync(int id, CancellationToken cancellationToken = default) =>
            Task.FromResult(Stored ?? new Person { Id = id, Name = "none" });

        public Task ReplacePersonAsync(int id, Person body, CancellationToken cancellationToken = default)
        {
            Stored = body;
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<string>> GetTagsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<string>>(["a", "b"]);
    }
}

/// <summary>The same XML behaviour through the minimal-API server.</summary>
public sealed class XmlBodyMinimalTests : XmlBodyTests
{
    protected override ServerFlavour Flavour => ServerFlavour.Minimal;
}
