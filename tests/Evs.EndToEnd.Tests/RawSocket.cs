using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Evs.EndToEnd.Tests;

/// <summary>An HTTP/1.1 answer read off a socket.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>Turns the answer into an <see cref="HttpResponseMessage"/> so the envelope checks of <see cref="RawHttp"/> apply.</summary>
    public HttpResponseMessage ToMessage()
    {
        var message = new HttpResponseMessage((System.Net.HttpStatusCode)Status) { Content = new ByteArrayContent(Body) };
        if (Headers.TryGetValue("content-type", out var type))
        {
            message.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        }

        return message;
    }
}

/// <summary>
/// Hand-written HTTP/1.1 over a TcpClient, for what HttpClient will not send: a chunked body with exactly the framing
/// we choose, and no Content-Length header at all. Writes and reads run side by side, because the server may answer
/// (413) and close before the body is fully sent.
/// </summary>
public static class RawSocket
{
    public static async Task<RawResponse> SendAsync(Uri baseAddress, string method, string path, IEnumerable<string> headers, Func<Stream, CancellationToken, Task> writeBody)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port, timeout.Token);
        var stream = tcp.GetStream();
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{method} /{path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nConnection: close\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), timeout.Token);
        var writing = Task.Run(async () =>
        {
            try
            {
                await writeBody(stream, timeout.Token);
                await stream.FlushAsync(timeout.Token);
            }
            catch (IOException)
            {
                // The server answered and closed early; the answer is what the test checks.
            }
        });

        using var received = new MemoryStream();
        var buffer = new byte[16384];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (received.Length > 0)
        {
            // A reset after the answer arrived (the server discards the rest of an oversized body).
        }

        await writing.WaitAsync(timeout.Token);
        return Parse(received.ToArray());
    }

    /// <summary>Writes <paramref name="body"/> as chunks of <paramref name="chunk"/> bytes and the terminating zero chunk.</summary>
    public static Func<Stream, CancellationToken, Task> Chunked(byte[] body, int chunk = 4096) => async (stream, cancellationToken) =>
    {
        for (var offset = 0; offset < body.Length; offset += chunk)
        {
            var size = Math.Min(chunk, body.Length - offset);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(size.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), cancellationToken);
            await stream.WriteAsync(body.AsMemory(offset, size), cancellationToken);
            await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
        }

        await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
    };

    private static RawResponse Parse(byte[] data)
    {
        var end = data.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(end > 0, "no complete HTTP answer was received: " + Encoding.ASCII.GetString(data));
        var lines = Encoding.ASCII.GetString(data, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var body = data.AsSpan(end + 4);
        if (headers.TryGetValue("content-length", out var length))
        {
            body = body[..int.Parse(length, CultureInfo.InvariantCulture)];
        }

        return new RawResponse(status, headers, body.ToArray());
    }
}
