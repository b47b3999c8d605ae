using System.Net;
using System.Text;
using EvsCodegen.GeneratedCode.Tests.Infrastructure;
using GeneratedCode.Files;

namespace EvsCodegen.GeneratedCode.Tests.Bodies;

/// <summary>
/// <c>multipart/form-data</c> bodies (Documents/files.yaml): the generated client sends scalars as text parts and
/// <c>format: binary</c> properties (<c>ApiFile</c> in the operation's form record) as file parts named after the field;
/// the generated controller reads the parts back, files as streams, and validates them through the schema's converter as
/// it does JSON. Streaming over Kestrel is <see cref="MultipartStreamTests"/>'s.
/// </summary>
public sealed class MultipartBodyTests
{
    private static UploadForm Sample() =>
        new() { File = ApiFile.FromBytes([1, 2, 3]), Attachments = [ApiFile.FromBytes([9]), ApiFile.FromBytes([8, 7])], Title = "Report", Pages = 12 };

    [Fact]
    public async Task Client_SendsTextPartsAndFileParts()
    {
        using var handler = new RecordingHandler(HttpStatusCode.NoContent);
        using var http = handler.Client();

        await new FilesApiClient(http).UploadAsync(Sample());

        var parts = handler.Parts.Select(p => p.FileName is null ? $"{p.Name} '{Encoding.UTF8.GetString(p.Content)}'" : $"{p.Name} ({p.FileName}) {p.Content.Length} B");
        Assert.Equal(
            "multipart/form-data | file (file) 3 B | attachments (attachments) 1 B | attachments (attachments) 2 B | title 'Report' | pages '12'",
            handler.ContentType!.Split(';')[0] + " | " + string.Join(" | ", parts));
    }

    [Fact]
    public async Task Client_SendsObjectsAsJsonParts_WithTheEncodingsMediaTypes()
    {
        using var handler = new RecordingHandler(HttpStatusCode.OK);
        using var http = handler.Client();

        await new FilesApiClient(http).UploadDescribedAsync(new() { Meta = new() { Name = "ann" }, Related = [new() { Name = "bob", Size = 2 }], Doc = ApiFile.FromBytes([1]), Checksum = [0xff, 0x00] });

        var parts = handler.Parts.Select(p => $"{p.Name} {p.ContentType} {(p.FileName is null ? Encoding.UTF8.GetString(p.Content) : p.Content.Length + " B")}");
        Assert.Equal(
            "meta application/vnd.meta+json {\"name\":\"ann\"} | related application/json {\"name\":\"bob\",\"size\":2} | doc application/pdf 1 B | checksum  /wA=",
            string.Join(" | ", parts));
    }

    [Fact]
    public async Task ClientToController_RoundTripsEveryPart()
    {
        using var handler = new RecordingHandler(HttpStatusCode.NoContent);
        using var http = handler.Client();
        await new FilesApiClient(http).UploadAsync(Sample());

        var received = await ServeAsync(handler.ContentType!, handler.Body!);

        Assert.Equal("204 file [1,2,3], attachments [[9],[8,7]], title Report, pages 12", received);
    }

    [Theory]
    [InlineData("title", "Report", "400 {\"status\":400,\"message\":\"Invalid request body: the required key 'file' is missing.\"}")]
    [InlineData("pages", "many", "400 {\"status\":400,\"message\":\"The field 'pages' must be a 32-bit integer.\"}")]
    [InlineData("title", "A long title", "400 {\"status\":400,\"message\":\"Invalid value at 'title': expected at most 10 characters, got 12.\"}")]
    [InlineData("extra", "x", "400 {\"status\":400,\"message\":\"Invalid request body: the key 'extra' is not allowed (keys are case-sensitive).\"}")]
    public async Task Controller_ValidatesThePartsAsTheSchemaSays(string field, string value, string expected)
    {
        using var content = new MultipartFormDataContent();
        if (field != "title")
        {
            content.Add(new ByteArrayContent([1]), "file", "file");
        }

        content.Add(new StringContent(value), field);

        Assert.Equal(expected, await ServeAsync(content.Headers.ContentType!.ToString(), await content.ReadAsByteArrayAsync()));
    }

    private static async Task<string> ServeAsync(string contentType, byte[] body)
    {
        var api = new RecordingApi();
        var (status, answer) = await ControllerCall.InvokeAsync(new FilesApiController(api), "POST", contentType, body, c => c.UploadAsync());
        return status + " " + (api.Received ?? answer);
    }

    private sealed class RecordingApi : IFilesApi
    {
        public string? Received { get; private set; }

        public async Task UploadAsync(UploadForm body, CancellationToken cancellationToken = default)
        {
            // Asynchronously (the parts are read from the request, where synchronous reads are disallowed), and the last
            // part first: the parts are views over one buffered request body here, each kept at its own position.
            static async Task<string> Bytes(ApiFile file)
            {
                using var copy = new MemoryStream();
                await file.Content.CopyToAsync(copy);
                return "[" + string.Join(",", copy.ToArray()) + "]";
            }

            var attachments = new List<string>();
            foreach (var attachment in (body.Attachments ?? []).Reverse())
            {
                attachments.Insert(0, await Bytes(attachment));
            }

            Received = $"file {await Bytes(body.File)}, attachments [{string.Join(",", attachments)}], title {body.Title}, pages {body.Pages}";
        }

        public Task AttachNoteAsync(AttachNoteForm? body = null, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<string> UploadDescribedAsync(UploadDescribedForm body, CancellationToken cancellationToken = default) => Task.FromResult(string.Empty);
    }
}
