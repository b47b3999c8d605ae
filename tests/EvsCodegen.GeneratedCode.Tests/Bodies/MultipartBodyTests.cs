using System.Net;
using System.Text;
using EvsCodegen.GeneratedCode.Tests.Infrastructure;
using GeneratedCode.Files;

namespace EvsCodegen.GeneratedCode.Tests.Bodies;

/// <summary>
/// <c>multipart/form-data</c> bodies (Documents/files.yaml): the generated client sends scalars as text parts and
/// <c>format: binary</c> properties (<c>byte[]</c>) as file parts named after the field; the generated controller reads
/// the parts back, files as bytes, and validates them through the schema's converter as it does JSON.
/// </summary>
public sealed class MultipartBodyTests
{
    private static UploadRequest Sample() =>
        new() { File = [1, 2, 3], Attachments = [[9], [8, 7]], Title = "Report", Pages = 12 };

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

        public Task UploadAsync(UploadRequest body, CancellationToken cancellationToken = default)
        {
            static string Bytes(byte[] b) => "[" + string.Join(",", b) + "]";
            Received = $"file {Bytes(body.File)}, attachments [{string.Join(",", (body.Attachments ?? []).Select(Bytes))}], title {body.Title}, pages {body.Pages}";
            return Task.CompletedTask;
        }
    }
}
