using System.Net;
using EvsCodegen.TestSupport;
using GeneratedCode.Files;
using GeneratedCode.FormPets;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.GeneratedCode.Tests.Bodies;

/// <summary>
/// Form and multipart bodies over real HTTP: the generated client against the generated controller served by Kestrel
/// on 127.0.0.1, and back (the answer read by the client); an invalid body sent by hand is refused with 400 and never
/// reaches the implementation.
/// </summary>
public sealed class BodyRoundTripTests
{
    [Fact]
    public async Task Form_ClientToServerToClient()
    {
        var api = new FormPetsApi();
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<IPetsApi>(api).AddPetsApiControllers());
        using var http = host.Client();
        var sent = new NewPet { Name = "Rex&", Age = 3, Tags = ["a", "b c", "é"], Vaccinated = false, Kind = NewPetKind.Cat };

        var answer = await new PetsApiClient(http).AddPetAsync(sent);

        Assert.Equal("Rex&, 3, [a,b c,é], False, cat", Describe(api.Received!));
        Assert.Equal(Describe(sent), Describe(answer));
    }

    [Fact]
    public async Task Form_InvalidBody_Is400_AndNeverReachesTheImplementation()
    {
        var api = new FormPetsApi();
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<IPetsApi>(api).AddPetsApiControllers());
        using var http = host.Client();

        using var response = await http.PostAsync("pets", new FormUrlEncodedContent([new("name", "Rexxxx")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"status":400,"message":"Invalid value at 'name': expected at most 5 characters, got 6."}""", await response.Content.ReadAsStringAsync());
        Assert.Null(api.Received);
    }

    [Fact]
    public async Task Multipart_ClientToServer_KeepsEveryByte()
    {
        var api = new FilesApi();
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<IFilesApi>(api).AddFilesApiControllers());
        using var http = host.Client();
        var file = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        await new FilesApiClient(http).UploadAsync(new() { File = ApiFile.FromBytes(file), Attachments = [ApiFile.FromBytes([]), ApiFile.FromBytes([13, 10, 45, 45])], Title = "Ünïcode", Pages = -1 });

        var received = api.Received!.Value;
        Assert.Equal(file, received.File);
        Assert.Equal([[], [13, 10, 45, 45]], received.Attachments);
        Assert.Equal(("Ünïcode", -1), (received.Title, received.Pages));
    }

    [Fact]
    public async Task Multipart_WithoutTheRequiredFile_Is400_AndNeverReachesTheImplementation()
    {
        var api = new FilesApi();
        await using var host = await KestrelHost.StartAsync(services => services.AddSingleton<IFilesApi>(api).AddFilesApiControllers());
        using var http = host.Client();
        using var content = new MultipartFormDataContent { { new StringContent("t"), "title" } };

        using var response = await http.PostAsync("files", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the required key 'file' is missing", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(api.Received);
    }

    private static string Describe(NewPet pet) =>
        $"{pet.Name}, {pet.Age}, [{string.Join(",", pet.Tags ?? [])}], {pet.Vaccinated}, {pet.Kind}";

    private sealed class FormPetsApi : IPetsApi
    {
        public NewPet? Received { get; private set; }

        public Task<NewPet> AddPetAsync(NewPet body, CancellationToken cancellationToken = default)
        {
            Received = body;
            return Task.FromResult(body);
        }
    }

    private sealed class FilesApi : IFilesApi
    {
        public (byte[] File, List<byte[]> Attachments, string? Title, int? Pages)? Received { get; private set; }

        public async Task UploadAsync(UploadForm body, CancellationToken cancellationToken = default)
        {
            var attachments = new List<byte[]>();
            foreach (var attachment in body.Attachments ?? [])
            {
                attachments.Add(await BytesAsync(attachment));
            }

            Received = (await BytesAsync(body.File), attachments, body.Title, body.Pages);
        }

        public Task AttachNoteAsync(AttachNoteForm? body = null, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<string> UploadDescribedAsync(UploadDescribedForm body, CancellationToken cancellationToken = default) => Task.FromResult(string.Empty);

        private static async Task<byte[]> BytesAsync(ApiFile file)
        {
            using var copy = new MemoryStream();
            await file.Content.CopyToAsync(copy);
            return copy.ToArray();
        }
    }
}
