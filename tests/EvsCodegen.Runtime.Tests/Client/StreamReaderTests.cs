using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EvsCodegen.Runtime.Tests.Client;

/// <summary>The client's stream readers (server-sent events, JSON Lines), binary answers and multipart parts.</summary>
public sealed class StreamReaderTests
{
    // As a generated converter does, a value of another type is a JsonException.
    private static readonly ApiJsonReadFunc<int> s_number = static (ref Utf8JsonReader reader, ApiJsonReader context) =>
        reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : throw new JsonException("expected a number");

    [Fact]
    public async Task EventStream_ReadsEachEventsData_SkipsCommentsAndEmptyEvents_AndStopsAtDone()
    {
        using var response = Answer("text/event-stream", "data: 1\n\n: keep-alive\n\nevent: tick\ndata: \ndata: 2\n\nretry: 10\n\ndata: 3\r\n\r\ndata: [DONE]\n\ndata: 4\n\n");

        var items = await ApiClientRuntime.ReadEventStreamAsync(response, s_number).ToListAsync();

        Assert.Equal([1, 2, 3], items);
    }

    [Fact]
    public async Task EventStream_OfText_YieldsTheDataLinesJoined()
    {
        using var response = Answer("text/event-stream", "data: a\ndata: b\n\ndata: [DONE]\n\n");

        var items = await ApiClientRuntime.ReadEventStreamTextAsync(response).ToListAsync();

        Assert.Equal(["a\nb", "[DONE]"], items);
    }

    [Fact]
    public async Task EventStream_InAnotherMediaType_IsAnApiException()
    {
        using var response = Answer("application/json", "[1]");

        var error = await Assert.ThrowsAsync<ApiException>(async () => await ApiClientRuntime.ReadEventStreamAsync(response, s_number).ToListAsync());

        Assert.Contains("where the document declares text/event-stream", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventStream_DataThatDoesNotMatch_IsAnApiExceptionWithTheStatus()
    {
        using var response = Answer("text/event-stream", "data: 1\n\ndata: \"x\"\n\n");
        var seen = new List<int>();

        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var item in ApiClientRuntime.ReadEventStreamAsync(response, s_number))
            {
                seen.Add(item);
            }
        });

        Assert.Equal([1], seen);
        Assert.Equal(200, error.StatusCode);
        Assert.Contains("does not match the document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonLines_AcrossReadBoundaries_WithBlankLinesCrLfAndRecordSeparators()
    {
        var text = "1\r\n\n  22 \n\u001e333\n\u001e4444";
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new TrickleStream(Encoding.UTF8.GetBytes(text))) };

        var items = await ApiClientRuntime.ReadJsonLinesAsync(response, s_number).ToListAsync();

        Assert.Equal([1, 22, 333, 4444], items);
    }

    [Fact]
    public async Task JsonLines_ALineLongerThanTheBuffer_IsRead()
    {
        var long1 = "[" + string.Join(",", Enumerable.Repeat("1", 40_000)) + "]";
        using var response = Answer("application/x-ndjson", long1 + "\n" + long1 + "\n");
        ApiJsonReadFunc<int> count = static (ref Utf8JsonReader reader, ApiJsonReader context) =>
        {
            var n = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                n++;
            }

            return n;
        };

        var items = await ApiClientRuntime.ReadJsonLinesAsync(response, count).ToListAsync();

        Assert.Equal([40_000, 40_000], items);
    }

    [Fact]
    public async Task ReadFile_ExposesTheStreamTypeLengthAndName_AndDisposesTheResponse()
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        response.Content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = "café.png", FileName = "\"cafe.png\"" };

        await using (var file = await ApiClientRuntime.ReadFileAsync(response, default))
        {
            Assert.Equal(("image/png", 3L, "café.png"), (file.ContentType, file.Length, file.FileName));
            Assert.Equal(1, file.Content.ReadByte());
        }

        Assert.Throws<ObjectDisposedException>(() => response.Content.ReadAsStream().ReadByte());
    }

    [Fact]
    public async Task StreamBody_SendsTheCallersStream_AndLeavesItOpen()
    {
        var body = new MemoryStream([5, 6, 7]);
        body.Position = 1;

        using (var content = ApiClientRuntime.StreamBody(body, "application/octet-stream"))
        {
            Assert.Equal(2, content.Headers.ContentLength);
            Assert.Equal([6, 7], await content.ReadAsByteArrayAsync());
        }

        Assert.True(body.CanRead);
    }

    [Fact]
    public async Task MultipartParts_HaveQuotedNames_WithQuotesAndLineBreaksPercentEncoded()
    {
        using var form = new MultipartFormDataContent("b");
        ApiClientRuntime.AddFormText(form, "title", "x");
        ApiClientRuntime.AddFormText(form, "a\"b\r\n", "y");
        ApiClientRuntime.AddFormFile(form, "file", [1]);
        ApiClientRuntime.AddFormFile(form, "doc", ApiFile.FromBytes([2], "text/csv", "d.csv"));

        var text = await form.ReadAsStringAsync();

        Assert.Contains("Content-Disposition: form-data; name=\"title\"\r\n\r\nx", text, StringComparison.Ordinal);
        Assert.Contains("Content-Disposition: form-data; name=\"a%22b%0D%0A\"\r\n\r\ny", text, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/octet-stream\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"", text, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/csv\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"d.csv\"", text, StringComparison.Ordinal);
    }

    private static HttpResponseMessage Answer(string mediaType, string body)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return response;
    }

    /// <summary>Hands out its bytes one or two at a time, so every line crosses a read boundary.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        private int _turn;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1 + (_turn++ % 2))], cancellationToken);
    }
}
