using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Evs.Snapshots;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Evs.Server;

/// <summary>
/// Gives the EVS envelope to the error answers Kestrel writes itself when it refuses a request head (bad or repeated
/// Content-Length, a NUL in a header, 414, 431, 408) before any middleware runs. Kestrel offers no hook for those
/// answers (its <c>BadRequest</c> diagnostic event only observes), so a connection middleware watches the bytes Kestrel
/// writes: anything written while no request is inside the application is Kestrel's own answer, and an HTTP/1.x error
/// answer with an empty body is rewritten with the same status line and headers plus the envelope.
/// </summary>
public static class KestrelErrorEnvelope
{
    /// <summary>Adds the connection middleware to an endpoint (use through <c>ConfigureEndpointDefaults</c>).</summary>
    public static void Attach(ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Use(next => async connection =>
        {
            var state = new ConnectionState();
            connection.Features.Set(state);
            var transport = connection.Transport;
            connection.Transport = new RewritingPipe(transport.Input, new RewritingWriter(transport.Output, state));
            await next(connection);
        });
    }

    /// <summary>
    /// Marks the request as inside the application until its response is complete, so what the application writes is
    /// never taken for Kestrel's own answer. Must run first in the pipeline.
    /// </summary>
    public static Task MarkApplicationAsync(HttpContext http, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        // Kestrel falls back to the connection's features for what the request does not have.
        if (http.Features.Get<ConnectionState>() is { } state)
        {
            state.InApplication = true;
            // OnCompleted runs after Kestrel has written the whole response and before it reads the next request head.
            http.Response.OnCompleted(() =>
            {
                state.InApplication = false;
                return Task.CompletedTask;
            });
        }

        return next(http);
    }

    /// <summary>The envelope's message for a status Kestrel chose.</summary>
    internal static string MessageFor(int status) => status switch
    {
        408 => "The request head was not received in time.",
        414 => "The request line is too long.",
        431 => "The request headers are too large.",
        _ => "The request is not valid HTTP and cannot be read.",
    };

    /// <summary>
    /// The rewritten answer, or null to pass <paramref name="head"/> through unchanged: only an HTTP/1.x error answer
    /// whose body is empty (Kestrel's own) is rewritten.
    /// </summary>
    internal static byte[]? Rewrite(ReadOnlySpan<byte> head)
    {
        var text = Encoding.Latin1.GetString(head);
        var lines = text[..^4].Split("\r\n");
        var statusLine = lines[0].Split(' ', 3);
        if (!lines[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || statusLine.Length < 2
            || !int.TryParse(statusLine[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status < 400)
        {
            return null;
        }

        var headers = lines.Skip(1).ToList();
        if (headers.Any(h => h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase) || h.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase))
            || !headers.Any(h => h.Equals("Content-Length: 0", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var body = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(body))
        {
            ApiFaults.Table.WriteError(writer, status, MessageFor(status));
        }

        var rewritten = new StringBuilder(lines[0]).Append("\r\nContent-Type: application/json\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.WrittenCount}\r\n");
        foreach (var header in headers.Where(h => !h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)))
        {
            rewritten.Append(header).Append("\r\n");
        }

        return [.. Encoding.Latin1.GetBytes(rewritten.Append("\r\n").ToString()), .. body.WrittenSpan];
    }

    /// <summary>Whether a request of this connection is inside the application (its answer is the application's).</summary>
    internal sealed class ConnectionState
    {
        private volatile bool _inApplication;

        public bool InApplication
        {
            get => _inApplication;
            set => _inApplication = value;
        }
    }

    private sealed class RewritingPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }

    /// <summary>
    /// Passes the application's bytes straight through; holds what Kestrel writes on its own until the answer's head is
    /// complete, then writes it rewritten (or unchanged when it is not an error answer with an empty body).
    /// </summary>
    private sealed class RewritingWriter(PipeWriter inner, ConnectionState state) : PipeWriter
    {
        // Kestrel's own answers are a status line and a few headers; anything longer is not one and goes out as it is.
        private const int MaxHeldBytes = 4096;

        private readonly ArrayBufferWriter<byte> _held = new();
        private bool _holding;

        public override Memory<byte> GetMemory(int sizeHint = 0)
        {
            _holding = !state.InApplication || _held.WrittenCount > 0;
            return _holding ? _held.GetMemory(sizeHint) : inner.GetMemory(sizeHint);
        }

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override void Advance(int bytes)
        {
            if (_holding)
            {
                _held.Advance(bytes);
            }
            else
            {
                inner.Advance(bytes);
            }
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            Release(final: false);
            return inner.FlushAsync(cancellationToken);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null)
        {
            Release(final: true);
            inner.Complete(exception);
        }

        public override async ValueTask CompleteAsync(Exception? exception = null)
        {
            Release(final: true);
            await inner.CompleteAsync(exception);
        }

        private void Release(bool final)
        {
            if (_held.WrittenCount == 0)
            {
                return;
            }

            var held = _held.WrittenSpan;
            var end = held.IndexOf("\r\n\r\n"u8);
            if (end < 0 && !final && held.Length < MaxHeldBytes)
            {
                return;
            }

            var rewritten = end >= 0 ? Rewrite(held[..(end + 4)]) : null;
            if (rewritten is null)
            {
                inner.Write(held);
            }
            else
            {
                inner.Write(rewritten);
                inner.Write(held[(end + 4)..]);
            }

            _held.ResetWrittenCount();
        }
    }
}
