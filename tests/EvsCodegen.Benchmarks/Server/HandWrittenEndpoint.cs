using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Evs.Backend;
using Evs.Snapshots;
using EvsCodegen.Runtime.AspNetCore;
using EvsCodegen.Runtime;

namespace EvsCodegen.Benchmarks.Server;

/// <summary>
/// The limit of item 5: <c>PUT /v3/{project_id}/snapshots/{snapshot_id}</c> as a minimal-API endpoint written by
/// hand, with the checks of the generated controller in the contract's order (media type, empty body, UTF-8, JSON
/// syntax, project scope, schema: exactly the declared keys, no duplicates, strings only, at most 255 characters and
/// 255 UTF-8 bytes, no unpaired surrogates, at least one field), but one pass over a pooled body and the answer
/// written straight into the response pipe.
/// </summary>
public static class HandWrittenEndpoint
{
    private const int MaxField = 255;

    private static readonly JsonEncodedText s_snapshot = JsonEncodedText.Encode("snapshot");
    private static readonly JsonEncodedText s_id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText s_status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText s_name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText s_description = JsonEncodedText.Encode("description");
    private static readonly JsonEncodedText s_createdAt = JsonEncodedText.Encode("created_at");
    private static readonly JsonEncodedText s_updatedAt = JsonEncodedText.Encode("updated_at");
    private static readonly JsonEncodedText s_metadata = JsonEncodedText.Encode("metadata");
    private static readonly JsonEncodedText s_volumeId = JsonEncodedText.Encode("volume_id");
    private static readonly JsonEncodedText s_size = JsonEncodedText.Encode("size");
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>Handles one update.</summary>
    public static async Task UpdateSnapshotAsync(HttpContext http, string project_id, string snapshot_id)
    {
        try
        {
            var contentType = http.Request.ContentType.AsSpan();
            var semicolon = contentType.IndexOf(';');
            if (!(semicolon >= 0 ? contentType[..semicolon] : contentType).Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                throw new ApiException(415, "The Content-Type must be application/json.");
            }

            var body = await ReadBodyAsync(http.Request.BodyReader, http.RequestAborted).ConfigureAwait(false);
            UpdateSnapshotRequest request;
            try
            {
                var problem = Parse(body, out var name, out var description);
                var token = http.RequestServices.GetRequiredService<CallerContext>().Token;
                if (token is not null && !string.Equals(project_id, token.ProjectId, StringComparison.Ordinal))
                {
                    throw new ApiException(400, $"The project '{project_id}' in the URL is not the project of the token.");
                }

                if (problem is not null)
                {
                    throw new ApiException(400, problem);
                }

                request = new UpdateSnapshotRequest { Snapshot = new UpdateSnapshotOption { Name = name, Description = description } };
            }
            finally
            {
                http.Request.BodyReader.AdvanceTo(body.End);
            }

            var api = http.RequestServices.GetRequiredService<ISnapshotsApi>();
            var result = await api.UpdateSnapshotAsync(project_id, snapshot_id, request, http.RequestAborted).ConfigureAwait(false);
            http.Response.StatusCode = 200;
            http.Response.ContentType = "application/json";
            Write(http.Response.BodyWriter, result.Snapshot);
            await http.Response.BodyWriter.FlushAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (ApiException exception)
        {
            await ApiServerRuntime.WriteErrorAsync(http, ApiFaults.Table, exception.StatusCode, exception.Message).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Handles the document's other operation on the same route, <c>GET /v3/{project_id}/snapshots/{snapshot_id}</c>
    /// (host <c>minimal-document</c>): the project check, the backend, the answer written straight into the response pipe.
    /// </summary>
    public static async Task ShowSnapshotAsync(HttpContext http, string project_id, string snapshot_id)
    {
        try
        {
            var token = http.RequestServices.GetRequiredService<CallerContext>().Token;
            if (token is not null && !string.Equals(project_id, token.ProjectId, StringComparison.Ordinal))
            {
                throw new ApiException(400, $"The project '{project_id}' in the URL is not the project of the token.");
            }

            var result = await http.RequestServices.GetRequiredService<ISnapshotsApi>().ShowSnapshotAsync(project_id, snapshot_id, http.RequestAborted).ConfigureAwait(false);
            http.Response.StatusCode = 200;
            http.Response.ContentType = "application/json";
            Write(http.Response.BodyWriter, result.Snapshot);
            await http.Response.BodyWriter.FlushAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (ApiException exception)
        {
            await ApiServerRuntime.WriteErrorAsync(http, ApiFaults.Table, exception.StatusCode, exception.Message).ConfigureAwait(false);
        }
    }

    /// <summary>The whole body, left unconsumed in the request pipe (the caller advances past it).</summary>
    internal static async Task<ReadOnlySequence<byte>> ReadBodyAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult result;
            try
            {
                result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (BadHttpRequestException exception)
            {
                throw new ApiException(exception.StatusCode, "The request body cannot be read.");
            }

            if (result.IsCompleted)
            {
                return result.Buffer;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    /// <summary>
    /// Reads the body once: a syntax problem is returned at once; the first schema problem is kept while the rest is
    /// still checked for syntax, because syntax errors come before the project check and schema errors after it.
    /// </summary>
    internal static string? Parse(ReadOnlySequence<byte> body, out string? name, out string? description)
    {
        name = null;
        description = null;
        if (body.IsEmpty)
        {
            return "The request body is empty.";
        }

        if (!IsValidUtf8(body))
        {
            return "The request body is not valid UTF-8.";
        }

        string? schemaProblem = null;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return Finish(ref reader, "Invalid request body: expected an object.");
            }

            var hasSnapshot = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSnapshot = reader.ValueTextEquals("snapshot"u8);
                var key = isSnapshot ? null : reader.GetString();
                reader.Read();
                if (!isSnapshot)
                {
                    schemaProblem ??= $"Invalid request body: the key '{key}' is not allowed (keys are case-sensitive).";
                    reader.Skip();
                }
                else if (hasSnapshot)
                {
                    schemaProblem ??= "Invalid request body: the key 'snapshot' appears more than once.";
                    reader.Skip();
                }
                else
                {
                    hasSnapshot = true;
                    schemaProblem ??= ReadOption(ref reader, ref name, ref description);
                }
            }

            if (!hasSnapshot)
            {
                schemaProblem ??= "Invalid request body: the required key 'snapshot' is missing.";
            }

            return Finish(ref reader, schemaProblem);
        }
        catch (JsonException)
        {
            return "The request body is not valid JSON.";
        }
    }

    private static string? Finish(ref Utf8JsonReader reader, string? problem)
    {
        while (reader.Read())
        {
        }

        return problem;
    }

    private static string? ReadOption(ref Utf8JsonReader reader, ref string? name, ref string? description)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return "Invalid value at 'snapshot': expected an object.";
        }

        string? problem = null;
        var count = 0;
        var seenName = false;
        var seenDescription = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            count++;
            var isName = reader.ValueTextEquals("name"u8);
            var isDescription = !isName && reader.ValueTextEquals("description"u8);
            var key = isName || isDescription ? null : reader.GetString();
            reader.Read();
            if (key is not null)
            {
                problem ??= $"Invalid value at 'snapshot': the key '{key}' is not allowed (keys are case-sensitive).";
                reader.Skip();
                continue;
            }

            var field = isName ? "name" : "description";
            if (isName ? seenName : seenDescription)
            {
                problem ??= $"Invalid value at 'snapshot': the key '{field}' appears more than once.";
            }

            seenName |= isName;
            seenDescription |= isDescription;
            if (reader.TokenType != JsonTokenType.String)
            {
                problem ??= $"Invalid value at 'snapshot.{field}': expected a string.";
                reader.Skip();
                continue;
            }

            var value = reader.GetString()!;
            problem ??= CheckField(value, field);
            if (isName)
            {
                name = value;
            }
            else
            {
                description = value;
            }
        }

        return problem ?? (count == 0 ? "Invalid value at 'snapshot': expected at least 1 properties, got 0." : null);
    }

    private static string? CheckField(string value, string field)
    {
        var codePoints = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return $"Invalid value at 'snapshot.{field}': the string holds an unpaired surrogate.";
            }

            codePoints++;
        }

        if (codePoints > MaxField)
        {
            return $"Invalid value at 'snapshot.{field}': expected at most {MaxField} characters, got {codePoints}.";
        }

        var bytes = value.Length <= MaxField / 3 ? value.Length : Encoding.UTF8.GetByteCount(value);
        return bytes > MaxField ? $"Invalid value at 'snapshot.{field}': expected at most {MaxField} bytes of UTF-8, got {bytes}." : null;
    }

    private static bool IsValidUtf8(ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment)
        {
            return Utf8.IsValid(body.FirstSpan);
        }

        // A multi-segment body is rare (it spans Kestrel's buffers); validate a flat copy.
        return Utf8.IsValid(body.ToArray());
    }

    internal static void Write(PipeWriter output, SnapshotDetail snapshot)
    {
        using var writer = new Utf8JsonWriter(output, s_writerOptions);
        WriteTo(writer, snapshot);
    }

    /// <summary>The answer's JSON, written by <paramref name="writer"/> (a diagnostic variant passes the runtime's writer).</summary>
    internal static void WriteTo(Utf8JsonWriter writer, SnapshotDetail snapshot)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(s_snapshot);
        writer.WriteStartObject();
        writer.WriteString(s_id, snapshot.Id);
        writer.WriteString(s_status, snapshot.Status.Value);
        writer.WriteString(s_name, snapshot.Name);
        writer.WriteString(s_description, snapshot.Description);
        WriteTimestamp(writer, s_createdAt, snapshot.CreatedAt);
        if (snapshot.UpdatedAt is { } updatedAt)
        {
            WriteTimestamp(writer, s_updatedAt, updatedAt);
        }
        else
        {
            writer.WriteNull(s_updatedAt);
        }

        writer.WritePropertyName(s_metadata);
        writer.WriteStartObject();
        foreach (var pair in snapshot.Metadata)
        {
            writer.WriteString(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
        writer.WriteString(s_volumeId, snapshot.VolumeId);
        writer.WriteNumber(s_size, snapshot.Size);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteTimestamp(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value)
    {
        Span<byte> buffer = stackalloc byte[32];
        value.UtcDateTime.TryFormat(buffer, out var written, "yyyy-MM-ddTHH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteString(name, buffer[..written]);
    }
}
