using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EvsCodegen.Runtime;

/// <summary>
/// The error answers one document declares and how their bodies are written and read: the keyed envelope
/// <c>{"faultName": {"message": …, "code": …}}</c> (<c>x-error-envelope: keyed</c>) or, without it,
/// <c>{"status": …, "message": …}</c>. Each generated document has one, as <c>ApiFaults.Table</c>.
/// </summary>
public sealed class ApiFaultTable
{
    private readonly ApiFault[] _faults;

    /// <summary>Creates the table.</summary>
    /// <param name="keyedEnvelope">Whether error bodies use the keyed envelope.</param>
    /// <param name="faults">The documented faults, one per status.</param>
    public ApiFaultTable(bool keyedEnvelope, params ApiFault[] faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        HasEnvelope = keyedEnvelope;
        _faults = (ApiFault[])faults.Clone();
    }

    /// <summary>Whether error bodies use the keyed envelope <c>{"faultName": {"message": …, "code": …}}</c>.</summary>
    public bool HasEnvelope { get; }

    /// <summary>The fault name for a status: the documented one, else that of 400 for 4xx or 500 for 5xx.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <returns>The fault name, or null when the document gives none.</returns>
    public string? NameOf(int statusCode) => Find(statusCode)?.Name;

    /// <summary>The error code for a status, chosen like <see cref="NameOf"/>.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <returns>The code, or null when the document gives none.</returns>
    public string? CodeOf(int statusCode) => Find(statusCode)?.Code;

    private ApiFault? Find(int statusCode) => Exact(statusCode) ?? Exact(statusCode >= 500 ? 500 : 400);

    private ApiFault? Exact(int statusCode)
    {
        foreach (var fault in _faults)
        {
            if (fault.StatusCode == statusCode)
            {
                return fault;
            }
        }

        return null;
    }

    /// <summary>Writes the documented error body for <paramref name="statusCode"/>.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="message">The message.</param>
    public void WriteError(Utf8JsonWriter writer, int statusCode, string message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (HasEnvelope)
        {
            writer.WritePropertyName(NameOf(statusCode) ?? "error");
            writer.WriteStartObject();
            writer.WriteString("message"u8, message);
            writer.WriteString("code"u8, CodeOf(statusCode) ?? statusCode.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNumber("status"u8, statusCode);
            writer.WriteString("message"u8, message);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads an error body written as <see cref="WriteError"/> writes it; false when the body is something else.</summary>
    /// <param name="body">The body.</param>
    /// <param name="mediaType">Its media type; only JSON is read.</param>
    /// <param name="faultName">The fault name (the envelope's key).</param>
    /// <param name="code">The error code.</param>
    /// <param name="message">The message.</param>
    /// <returns>Whether the body is a documented error with a message.</returns>
    public bool TryReadError(ReadOnlySpan<byte> body, string? mediaType, out string? faultName, out string? code, out string? message)
    {
        faultName = null;
        code = null;
        message = null;
        // Parameters do not count: "application/json; charset=utf-8" is JSON too.
        if (mediaType is null || !MediaTypes.WithoutParameters(mediaType).EndsWith("json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            if (!HasEnvelope)
            {
                ReadFields(ref reader, ref code, ref message);
                return message is not null;
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
            {
                return false;
            }

            faultName = reader.GetString();
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            ReadFields(ref reader, ref code, ref message);
            return message is not null;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void ReadFields(ref Utf8JsonReader reader, ref string? code, ref string? message)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMessage = reader.ValueTextEquals("message"u8);
            var isCode = reader.ValueTextEquals("code"u8);
            reader.Read();
            if (isMessage && reader.TokenType == JsonTokenType.String)
            {
                message = reader.GetString();
            }
            else if (isCode && reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
            {
                code = reader.TokenType == JsonTokenType.String ? reader.GetString() : Encoding.UTF8.GetString(reader.ValueSpan);
            }
            else
            {
                reader.Skip();
            }
        }
    }
}
