using System;
using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EvsCodegen.Runtime;

/// <summary>Writing helpers shared by the generated converters, clients and controllers.</summary>
public static partial class ApiJsonValue
{
    // API bodies are not HTML: write non-ASCII text and quotes as themselves (control characters stay escaped). The
    // writers are the generated converters and this runtime's, whose structure is right by construction: the writer's
    // per-token structure checks are skipped, as System.Text.Json's serializer skips them (its depth limit still holds).
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>Writes a date-time: ISO 8601, or <paramref name="format"/> in UTC when the document gives one.</summary>
    public static void WriteDateTime(Utf8JsonWriter writer, DateTimeOffset value, string? format)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (format is null)
        {
            writer.WriteStringValue(value);
            return;
        }

        // Formatted straight into UTF-8 on the stack: numeric fields and literals by a plan parsed once per format
        // (ApiDateTimeFormat), anything else by DateTime; a format longer than the buffer is formatted as a string.
        Span<byte> buffer = stackalloc byte[64];
        var utc = value.UtcDateTime;
        if (ApiDateTimeFormat.TryFormat(utc, format, buffer, out var written) || utc.TryFormat(buffer, out written, format, CultureInfo.InvariantCulture))
        {
            writer.WriteStringValue(buffer.Slice(0, written));
        }
        else
        {
            writer.WriteStringValue(utc.ToString(format, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes a date as <c>yyyy-MM-dd</c>.</summary>
    public static void WriteDate(Utf8JsonWriter writer, DateOnly value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> buffer = stackalloc byte[16];
        if (!ApiDateTimeFormat.TryFormat(value.ToDateTime(TimeOnly.MinValue), "yyyy-MM-dd", buffer, out var written))
        {
            value.TryFormat(buffer, out written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        writer.WriteStringValue(buffer.Slice(0, written));
    }

    /// <summary>Serializes one value to UTF-8 JSON.</summary>
    /// <remarks>
    /// <paramref name="write"/> must write one complete value: the writer does not check the structure token by token
    /// (as System.Text.Json's serializer does not), only the nesting depth (1,000, the writer's default), and after the
    /// delegate that something was written and every object and array it opened is closed, as the serializer checks after
    /// a custom converter (<see cref="InvalidOperationException"/> otherwise).
    /// </remarks>
    public static byte[] Serialize<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var cache = Rent();
        try
        {
            write(cache.Writer, value);
            CheckComplete(cache.Writer);
            cache.Writer.Flush();
            return cache.Buffer.WrittenSpan.ToArray();
        }
        finally
        {
            Return(cache);
        }
    }

    /// <summary>
    /// Serializes one value into a reused per-thread buffer and passes the bytes to <paramref name="consume"/>,
    /// which must copy what it keeps before it returns: the buffer is reused by the next call on the thread.
    /// <paramref name="write"/> must write one complete value (checked as <see cref="Serialize{T}(T, Action{Utf8JsonWriter, T})"/> checks it).
    /// </summary>
    public static void Serialize<T, TState>(T value, Action<Utf8JsonWriter, T> write, TState state, ApiJsonBytesAction<TState> consume)
    {
        var cache = Rent();
        try
        {
            write(cache.Writer, value);
            CheckComplete(cache.Writer);
            cache.Writer.Flush();
            consume(cache.Buffer.WrittenSpan, state);
        }
        finally
        {
            Return(cache);
        }
    }

    // The checks the writer skips token by token, made once for the whole value: something written, nothing left open.
    private static void CheckComplete(Utf8JsonWriter writer)
    {
        if (writer.CurrentDepth != 0 || writer.BytesPending + writer.BytesCommitted == 0)
        {
            throw new InvalidOperationException(writer.CurrentDepth != 0
                ? $"The value was not written whole: {writer.CurrentDepth} object(s) or array(s) left open."
                : "No value was written.");
        }
    }

    // One buffer and writer per thread, taken while in use (a nested call gets its own) and kept only while small.
    [ThreadStatic]
    private static SerializationCache? t_cache;

    private static SerializationCache Rent()
    {
        var cache = t_cache;
        if (cache is null)
        {
            return new SerializationCache();
        }

        t_cache = null;
        return cache;
    }

    private static void Return(SerializationCache cache)
    {
        if (cache.Buffer.Capacity <= 16384)
        {
            // The bytes written stay in the buffer until overwritten: nothing reads them, so they are not zeroed.
            cache.Buffer.ResetWrittenCount();
            cache.Writer.Reset(cache.Buffer);
            t_cache = cache;
        }
    }

    private sealed class SerializationCache
    {
        public SerializationCache()
        {
            Writer = new Utf8JsonWriter(Buffer, s_writerOptions);
        }

        public ArrayBufferWriter<byte> Buffer { get; } = new(512);

        public Utf8JsonWriter Writer { get; }
    }
}

/// <summary>Receives serialized UTF-8 JSON that is only valid during the call.</summary>
/// <typeparam name="TState">What the receiver needs besides the bytes.</typeparam>
/// <param name="json">The bytes.</param>
/// <param name="state">The state given to the serializer.</param>
public delegate void ApiJsonBytesAction<TState>(ReadOnlySpan<byte> json, TState state);
