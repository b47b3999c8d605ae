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
    public IReadOnlyList<(string Name, string? FileName, byte[] Content)> Parts { get; private set; } = [];

    /// <summary>A client over this handler at <c>http://api.test/</c>.</summary>
    public HttpClient Client() => new(this, disposeHandler: false) { BaseAddress = new Uri("http://api.test/") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Request = request;
        ContentType = request.Content?.Headers.ContentType?.ToString();
        Body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        if (request.Content is MultipartContent multipart)
        {
            var parts = new List<(string, string?, byte[])>();
            foreach (var part in multipart)
            {
                var disposition = part.Headers.ContentDisposition!;
                parts.Add((disposition.Name!.Trim('"'), disposition.FileName?.Trim('"'), await part.ReadAsByteArrayAsync(cancellationToken)));
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
