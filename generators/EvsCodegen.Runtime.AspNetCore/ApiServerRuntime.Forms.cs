using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace EvsCodegen.Runtime.AspNetCore;

public static partial class ApiServerRuntime
{
    /// <summary>
    /// Reads an <c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c> body and writes its fields as a
    /// JSON object for the schema's converter, so a form is validated exactly as JSON is: <paramref name="fieldOf"/>
    /// gives each declared field's kind; an undeclared field (null) is written as a string, or strings, so the schema
    /// decides whether it is allowed. An empty form is an empty body.
    /// </summary>
    /// <param name="http">The request.</param>
    /// <param name="fieldOf">The declared field of a name, or null.</param>
    /// <returns>The form as UTF-8 JSON.</returns>
    public static async Task<byte[]> ReadFormAsJsonAsync(HttpContext http, Func<string, ApiFormField?> fieldOf)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(fieldOf);
        var form = await ReadFormCollectionAsync(http).ConfigureAwait(false);

        if (form.Count == 0 && form.Files.Count == 0)
        {
            return [];
        }

        // Files (multipart parts with a file name) are read first, outside the synchronous JSON writing.
        var files = new Dictionary<string, List<byte[]>>(StringComparer.Ordinal);
        foreach (var file in form.Files)
        {
            if (form.ContainsKey(file.Name))
            {
                throw new ApiException(400, $"The field '{file.Name}' is given both as text and as a file.");
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
            if (!files.TryGetValue(file.Name, out var list))
            {
                files[file.Name] = list = [];
            }

            list.Add(buffer.ToArray());
        }

        // A url-encoded body has no parts, so bytes travel as text: base64 (format: byte, and what the client writes for
        // binary too); a multipart text part for a binary field is its UTF-8 bytes.
        var base64Text = !(http.Request.ContentType ?? string.Empty).TrimStart().StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
        return ApiJsonValue.Serialize((Form: form, Files: files, FieldOf: fieldOf, Base64Text: base64Text), static (writer, state) =>
        {
            writer.WriteStartObject();
            foreach (var (name, contents) in state.Files)
            {
                // A file is bytes: base64 for a declared binary field or an undeclared one, else its UTF-8 text.
                var field = state.FieldOf(name);
                WriteFormField(writer, name, field, contents.Count, (index, kind) =>
                {
                    if (field is null || kind == ApiFormValueKind.Binary)
                    {
                        writer.WriteBase64StringValue(contents[index]);
                    }
                    else
                    {
                        WriteFormValue(writer, kind, Encoding.UTF8.GetString(contents[index]), name, base64Text: false);
                    }
                });
            }

            foreach (var (name, values) in state.Form)
            {
                WriteFormField(writer, name, state.FieldOf(name), values.Count, (index, kind) => WriteFormValue(writer, kind, values[index] ?? string.Empty, name, state.Base64Text));
            }

            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// Reads a <c>multipart/form-data</c> body whose binary fields (<see cref="ApiFormValueKind.Binary"/>) are handed to
    /// the implementation as streams: ASP.NET Core's form reader keeps each file part in memory up to
    /// <c>FormOptions.MemoryBufferThreshold</c> and in a temporary file past it, so a large part is never held whole in
    /// memory, and every part is read before the implementation is called, so the form is validated whatever the order of
    /// its parts. The other fields become JSON exactly as <see cref="ReadFormAsJsonAsync(HttpContext, Func{string, ApiFormField?})"/>
    /// writes them; a binary field's part stands there as an empty base64 string, so the schema still checks that a
    /// required part is present. A body past Kestrel's or the form options' limits is a 413.
    /// </summary>
    /// <param name="http">The request.</param>
    /// <param name="fieldOf">The declared field of a name, or null.</param>
    /// <returns>The form's fields as JSON and its file parts.</returns>
    public static async Task<ApiMultipartForm> ReadMultipartFormAsync(HttpContext http, Func<string, ApiFormField?> fieldOf)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(fieldOf);
        var form = await ReadFormCollectionAsync(http).ConfigureAwait(false);
        if (form.Count == 0 && form.Files.Count == 0)
        {
            return ApiMultipartForm.Empty;
        }

        var streams = new Dictionary<string, List<ApiFile>>(StringComparer.Ordinal);
        var texts = new Dictionary<string, List<byte[]>>(StringComparer.Ordinal);
        var placeholders = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in form.Files)
        {
            if (form.ContainsKey(file.Name))
            {
                throw new ApiException(400, $"The field '{file.Name}' is given both as text and as a file.");
            }

            var field = fieldOf(file.Name);
            if (field is null || field.Value.Kind == ApiFormValueKind.Binary)
            {
                // The part stays where the form reader put it (memory or a temporary file, disposed with the request).
                // An undeclared part is only a name for the schema to refuse or ignore: its content is never read.
                if (field is not null)
                {
                    Add(streams, file.Name, new ApiFile(new ApiFormPartStream(file), file.ContentType, file.Length, file.FileName));
                }

                placeholders[file.Name] = placeholders.GetValueOrDefault(file.Name) + 1;
                continue;
            }

            // A file part for a text field is its UTF-8 text, as in ReadFormAsJsonAsync.
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
            Add(texts, file.Name, buffer.ToArray());
        }

        foreach (var (name, values) in form)
        {
            if (fieldOf(name) is { Kind: ApiFormValueKind.Binary })
            {
                // A text part for a binary field: its UTF-8 bytes (RFC 7578 text parts default to text/plain).
                foreach (var value in values)
                {
                    Add(streams, name, ApiFile.FromBytes(Encoding.UTF8.GetBytes(value ?? string.Empty), "text/plain"));
                }

                placeholders[name] = values.Count;
            }
        }

        var json = ApiJsonValue.Serialize((Form: form, Texts: texts, Placeholders: placeholders, FieldOf: fieldOf), static (writer, state) =>
        {
            writer.WriteStartObject();
            foreach (var (name, count) in state.Placeholders)
            {
                WriteFormField(writer, name, state.FieldOf(name), count, (_, _) => writer.WriteStringValue(string.Empty));
            }

            foreach (var (name, contents) in state.Texts)
            {
                WriteFormField(writer, name, state.FieldOf(name), contents.Count, (index, kind) => WriteFormValue(writer, kind, Encoding.UTF8.GetString(contents[index]), name, base64Text: false));
            }

            foreach (var (name, values) in state.Form)
            {
                if (!state.Placeholders.ContainsKey(name))
                {
                    WriteFormField(writer, name, state.FieldOf(name), values.Count, (index, kind) => WriteFormValue(writer, kind, values[index] ?? string.Empty, name, base64Text: false));
                }
            }

            writer.WriteEndObject();
        });
        return new ApiMultipartForm(json, streams);

        static void Add<T>(Dictionary<string, List<T>> map, string name, T value)
        {
            if (!map.TryGetValue(name, out var list))
            {
                map[name] = list = [];
            }

            list.Add(value);
        }
    }

    /// <summary>
    /// Reads an <c>application/x-www-form-urlencoded</c> body whose schema is a union of objects: the form's text is
    /// typed once per alternative (<paramref name="shapes"/>, in the union's order), and the union's converter reads each
    /// JSON in turn, choosing its alternative exactly as it does for a JSON body; the first that reads is the value.
    /// When none does, the failure for the first alternative's typing is the answer (400).
    /// </summary>
    /// <typeparam name="T">The union type.</typeparam>
    /// <param name="http">The request, whose form the runtime has read (ASP.NET Core keeps it).</param>
    /// <param name="shapes">Each alternative's shape descriptor.</param>
    /// <param name="read">The union's converter.</param>
    /// <returns>The value.</returns>
    public static async Task<T> ReadFormUnionAsync<T>(HttpContext http, string[] shapes, ApiJsonReadFunc<T> read)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(shapes);
        ApiException? first = null;
        foreach (var shape in shapes)
        {
            try
            {
                return ReadJson(await ReadFormAsJsonAsync(http, shape).ConfigureAwait(false), read);
            }
            catch (ApiException exception) when (exception.StatusCode == 400)
            {
                first ??= exception;
            }
        }

        throw first ?? new ApiException(400, "The request body is not valid.");
    }

    /// <summary>Writes one form field: a value, or an array when the field repeats (an undeclared field repeats when given more than once).</summary>
    private static void WriteFormField(Utf8JsonWriter writer, string name, ApiFormField? field, int count, Action<int, ApiFormValueKind> writeValue)
    {
        writer.WritePropertyName(name);
        var repeated = field?.Repeated ?? count > 1;
        if (!repeated && count > 1)
        {
            throw new ApiException(400, $"The field '{name}' is given more than once.");
        }

        if (repeated)
        {
            writer.WriteStartArray();
        }

        var kind = field?.Kind ?? ApiFormValueKind.String;
        for (var i = 0; i < count; i++)
        {
            writeValue(i, kind);
        }

        if (repeated)
        {
            writer.WriteEndArray();
        }
    }

    private static void WriteFormValue(Utf8JsonWriter writer, ApiFormValueKind kind, string text, string name, bool base64Text)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (kind)
        {
            case ApiFormValueKind.Boolean:
                writer.WriteBooleanValue(text switch { "true" => true, "false" => false, _ => throw InvalidField(name, "true or false") });
                break;
            case ApiFormValueKind.Int32:
                writer.WriteNumberValue(int.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var int32) ? int32 : throw InvalidField(name, "a 32-bit integer"));
                break;
            case ApiFormValueKind.Int64:
                writer.WriteNumberValue(long.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var int64) ? int64 : throw InvalidField(name, "a 64-bit integer"));
                break;
            case ApiFormValueKind.Double:
                writer.WriteNumberValue(double.TryParse(text, NumberStyles.Float, invariant, out var real) && double.IsFinite(real) ? real : throw InvalidField(name, "a number"));
                break;
            case ApiFormValueKind.Decimal:
                writer.WriteNumberValue(decimal.TryParse(text, NumberStyles.Float, invariant, out var exact) ? exact : throw InvalidField(name, "a decimal number"));
                break;
            case ApiFormValueKind.Binary when base64Text:
                writer.WriteBase64StringValue(TryFromBase64(text) ?? throw InvalidField(name, "base64 text"));
                break;
            case ApiFormValueKind.Binary:
                // A binary field sent as a multipart text part: its UTF-8 bytes.
                writer.WriteBase64StringValue(Encoding.UTF8.GetBytes(text));
                break;
            case ApiFormValueKind.Json:
                WriteJsonPart(writer, text, name);
                break;
            default:
                writer.WriteStringValue(text);
                break;
        }
    }

    /// <summary>A JSON part's text as the value itself; the schema's converter then checks it as any nested value.</summary>
    private static void WriteJsonPart(Utf8JsonWriter writer, string text, string name)
    {
        try
        {
            writer.WriteRawValue(text, skipInputValidation: false);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            throw InvalidField(name, "a JSON value");
        }
    }

    private static byte[]? TryFromBase64(string text)
    {
        var bytes = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, bytes, out var written) ? bytes[..written] : null;
    }

    private static ApiException InvalidField(string name, string expected) => new(400, $"The field '{name}' must be {expected}.");

    /// <summary>Reads the request's form; a body too large or unreadable, or not a form, is an <see cref="ApiException"/> (413/400).</summary>
    private static async Task<IFormCollection> ReadFormCollectionAsync(HttpContext http)
    {
        try
        {
            return await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception)
        {
            throw new ApiException(exception.StatusCode, exception.StatusCode == 413 ? "The request body is too large." : "The request body cannot be read.");
        }
        catch (InvalidDataException exception) when (IsFormLimit(exception))
        {
            throw new ApiException(413, "The request body is too large.");
        }
        catch (InvalidDataException)
        {
            throw new ApiException(400, "The request body is not a valid form.");
        }
        catch (IOException exception) when (IsFormLimit(exception))
        {
            throw new ApiException(413, "The request body is too large.");
        }
    }

    /// <summary>
    /// Whether the form reader refused a body for passing one of <c>FormOptions</c>' size limits
    /// (<c>MultipartBodyLengthLimit</c>, <c>ValueLengthLimit</c>, …; a file part's buffer limit): ASP.NET Core says so only
    /// in the message of an <see cref="InvalidDataException"/> or <see cref="IOException"/>, so the message is matched.
    /// </summary>
    private static bool IsFormLimit(Exception exception) =>
        exception.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
        && (exception.Message.Contains("length", StringComparison.OrdinalIgnoreCase) || exception.Message.Contains("buffer", StringComparison.OrdinalIgnoreCase));
}
