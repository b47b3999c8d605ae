using System.Net;
using System.Text;

namespace EvsCodegen.GeneratedCode.Tests.Infrastructure;

/// <summary>
/// Stands in for the network under a generated client: keeps the request it was given and answers with a fixed
/// response, so a test sees exactly what the client sent.
/// </summary>
internal sealed class RecordingHandler(HttpStatusCode status = HttpStatusCode.OK, string? jsonAnswer = null, string answerMediaType = "application/json") : HttpMessageHandler
{
    public HttpRequestMessage? Request { get; private set; }

    /// <summary>The request's full Content-Type header (with parameters such as a multipart boundary).</summary>
    public string? ContentType { get; private set; }

    public byte[]? Body { get; private set; }

    /// <summary>The parts of a multipart body (name, file name, content), read before the client disposes the request.</summary>
    public IReadOnlyList<(string Name, string? FileName, byte[] Content, string? ContentType)> Parts { get; private set; } = [];

    /// <summary>A client over this handler at <c>http://api.test/</c>.</summary>
    public HttpClient Client() => new(this, disposeHandler: false) { BaseAddress = new Uri("http://api.test/") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Request = request;
        ContentType = request.Content?.Headers.ContentType?.ToString();
        Body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        if (request.Content is MultipartContent)
        {
            // Parsed from the bytes sent: a part streamed from a caller's stream can be read only once.
            var parts = new List<(string, string?, byte[], string?)>();
            var boundary = request.Content.Headers.ContentType!.Parameters.First(p => p.Name == "boundary").Value!.Trim('"');
            var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(boundary, new MemoryStream(Body!));
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                var disposition = System.Net.Http.Headers.ContentDispositionHeaderValue.Parse(section.ContentDisposition!);
                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content, cancellationToken);
                parts.Add((disposition.Name!.Trim('"'), disposition.FileName?.Trim('"'), content.ToArray(), section.ContentType));
            }

            Parts = parts;
        }

        var response = new HttpResponseMessage(status);
        if (jsonAnswer is not null)
        {
            response.Content = new StringContent(jsonAnswer, Encoding.UTF8, answerMediaType);
        }

        return response;
    }
}
