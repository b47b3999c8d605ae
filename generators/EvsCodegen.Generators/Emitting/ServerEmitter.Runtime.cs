using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

internal static partial class ServerEmitter
{
    public static string EmitRuntime(ApiContextModel context)
    {
        var w = new SourceWriter();
        w.Line(CSharp.Header);
        w.Line($"namespace {context.Namespace};");
        w.Line();
        w.Line(ServerRuntimeSource.Replace("ACCESS", CSharp.Access(context)));
        return w.ToString();
    }

    private const string ServerRuntimeSource = """
        /// <summary>
        /// Runs for every request of the generated controllers after the body is read and found to be well-formed JSON
        /// and before it is checked against the schema (for operations without a body: before parameters are read).
        /// Throw <see cref="ApiException"/> to answer with an error, e.g. an authorization decision on route values.
        /// </summary>
        ACCESS interface IApiRequestInterceptor
        {
            /// <summary>Inspects the request.</summary>
            /// <param name="context">The operation and its HTTP context.</param>
            /// <returns>A task that completes when the request may go on.</returns>
            global::System.Threading.Tasks.ValueTask OnRequestAsync(ApiRequestContext context);
        }

        /// <summary>Reads a value of <typeparamref name="T"/> from its text.</summary>
        /// <typeparam name="T">The value's type.</typeparam>
        /// <param name="text">The text.</param>
        /// <param name="value">The value read.</param>
        /// <returns>Whether the text holds a value.</returns>
        ACCESS delegate bool ApiTryParse<T>(string text, out T value);

        /// <summary>What an <see cref="IApiRequestInterceptor"/> sees.</summary>
        /// <param name="OperationId">The document's operationId.</param>
        /// <param name="HttpContext">The request.</param>
        [global::System.CodeDom.Compiler.GeneratedCode("EvsCodegen", "0.1.0")]
        ACCESS sealed record ApiRequestContext(string OperationId, global::Microsoft.AspNetCore.Http.HttpContext HttpContext);

        /// <summary>Request checks and answers shared by the generated controllers; hosts use it for their own error answers.</summary>
        [global::System.CodeDom.Compiler.GeneratedCode("EvsCodegen", "0.1.0")]
        ACCESS static partial class ApiServerRuntime
        {
            /// <summary>The message of a 500 answer: never the exception's text.</summary>
            public const string InternalErrorMessage = "The server could not complete the request.";

            /// <summary>Answers 415 unless the request's media type is the documented one (parameters such as charset are allowed).</summary>
            public static void CheckContentType(global::Microsoft.AspNetCore.Http.HttpContext http, string documented)
            {
                var actual = http.Request.ContentType;
                if (actual is null || !global::System.MemoryExtensions.Equals(MediaType(actual), MediaType(documented), global::System.StringComparison.OrdinalIgnoreCase))
                {
                    throw new ApiException(415, $"The Content-Type must be {MediaType(documented).ToString()}, not '{actual ?? "(none)"}'.");
                }
            }

            /// <summary>The media type of a Content-Type value: before any parameters, without surrounding spaces.</summary>
            private static global::System.ReadOnlySpan<char> MediaType(string contentType)
            {
                var semicolon = contentType.IndexOf(';');
                return global::System.MemoryExtensions.Trim(semicolon >= 0 ? global::System.MemoryExtensions.AsSpan(contentType, 0, semicolon) : global::System.MemoryExtensions.AsSpan(contentType));
            }

            /// <summary>Reads the whole body; a body over the server's limit is a 413 answer.</summary>
            public static async global::System.Threading.Tasks.Task<byte[]> ReadBodyAsync(global::Microsoft.AspNetCore.Http.HttpContext http)
            {
                try
                {
                    // A declared length (which the server has already held to its limit) is read into one exact array.
                    if (http.Request.ContentLength is long length && length <= 1048576)
                    {
                        var exact = length == 0 ? global::System.Array.Empty<byte>() : new byte[length];
                        await http.Request.Body.ReadExactlyAsync(exact, http.RequestAborted).ConfigureAwait(false);
                        return exact;
                    }

                    using var buffer = new global::System.IO.MemoryStream();
                    await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
                    return buffer.ToArray();
                }
                catch (global::Microsoft.AspNetCore.Http.BadHttpRequestException exception)
                {
                    throw new ApiException(exception.StatusCode, exception.StatusCode == 413 ? "The request body is too large." : "The request body cannot be read.");
                }
                catch (global::System.IO.EndOfStreamException)
                {
                    throw new ApiException(400, "The request body is shorter than its Content-Length.");
                }
            }

            /// <summary>
            /// Reads an <c>application/x-www-form-urlencoded</c> body and writes its fields as a JSON object for the schema's
            /// converter: <paramref name="kindOf"/> gives each declared field's JSON kind (<c>s</c>, <c>b</c>, <c>i</c>,
            /// <c>l</c>, <c>d</c>, <c>m</c>, with <c>[</c> first for a repeated field); an undeclared field is written as a
            /// string (or strings) so the schema decides whether it is allowed. An empty form is an empty array.
            /// </summary>
            public static async global::System.Threading.Tasks.Task<byte[]> ReadFormAsJsonAsync(global::Microsoft.AspNetCore.Http.HttpContext http, global::System.Func<string, string?> kindOf)
            {
                global::Microsoft.AspNetCore.Http.IFormCollection form;
                try
                {
                    form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
                }
                catch (global::Microsoft.AspNetCore.Http.BadHttpRequestException exception)
                {
                    throw new ApiException(exception.StatusCode, exception.StatusCode == 413 ? "The request body is too large." : "The request body cannot be read.");
                }
                catch (global::System.IO.InvalidDataException)
                {
                    throw new ApiException(400, "The request body is not a valid form.");
                }

                if (form.Count == 0 && form.Files.Count == 0)
                {
                    return global::System.Array.Empty<byte>();
                }

                // Files (multipart parts with a file name) are read first, outside the synchronous JSON writing.
                var files = new global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.List<byte[]>>(global::System.StringComparer.Ordinal);
                foreach (var file in form.Files)
                {
                    if (form.ContainsKey(file.Name))
                    {
                        throw new ApiException(400, $"The field '{file.Name}' is given both as text and as a file.");
                    }

                    using var buffer = new global::System.IO.MemoryStream();
                    await file.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
                    if (!files.TryGetValue(file.Name, out var list))
                    {
                        files[file.Name] = list = [];
                    }

                    list.Add(buffer.ToArray());
                }

                return ApiJsonValue.Serialize(form, (writer, fields) =>
                {
                    writer.WriteStartObject();
                    foreach (var file in files)
                    {
                        // A file is bytes: base64 for a declared binary field (or an undeclared one), else its UTF-8 text.
                        WriteFormField(writer, file.Key, kindOf(file.Key), file.Value.Count, (index, kind) =>
                        {
                            if (kind is '\0' or 'f')
                            {
                                writer.WriteBase64StringValue(file.Value[index]);
                            }
                            else
                            {
                                WriteFormValue(writer, kind, global::System.Text.Encoding.UTF8.GetString(file.Value[index]), file.Key);
                            }
                        });
                    }

                    foreach (var field in fields)
                    {
                        WriteFormField(writer, field.Key, kindOf(field.Key), field.Value.Count, (index, kind) =>
                            WriteFormValue(writer, kind == '\0' ? 's' : kind, field.Value[index] ?? string.Empty, field.Key));
                    }

                    writer.WriteEndObject();
                });
            }

            /// <summary>Writes one form field: a value, or an array when the field repeats; an undeclared field has kind <c>\0</c>.</summary>
            private static void WriteFormField(global::System.Text.Json.Utf8JsonWriter writer, string name, string? kind, int count, global::System.Action<int, char> writeValue)
            {
                writer.WritePropertyName(name);
                var repeated = kind is null ? count > 1 : kind[0] == '[';
                if (!repeated && count > 1)
                {
                    throw new ApiException(400, $"The field '{name}' is given more than once.");
                }

                if (repeated)
                {
                    writer.WriteStartArray();
                }

                var scalar = kind is null ? '\0' : kind[kind.Length - 1];
                for (var i = 0; i < count; i++)
                {
                    writeValue(i, scalar);
                }

                if (repeated)
                {
                    writer.WriteEndArray();
                }
            }

            private static void WriteFormValue(global::System.Text.Json.Utf8JsonWriter writer, char kind, string text, string name)
            {
                var invariant = global::System.Globalization.CultureInfo.InvariantCulture;
                var integer = global::System.Globalization.NumberStyles.AllowLeadingSign;
                var number = global::System.Globalization.NumberStyles.Float;
                switch (kind)
                {
                    case 'b':
                        writer.WriteBooleanValue(text switch { "true" => true, "false" => false, _ => throw InvalidField(name, "true or false") });
                        break;
                    case 'i':
                        writer.WriteNumberValue(int.TryParse(text, integer, invariant, out var int32) ? int32 : throw InvalidField(name, "a 32-bit integer"));
                        break;
                    case 'l':
                        writer.WriteNumberValue(long.TryParse(text, integer, invariant, out var int64) ? int64 : throw InvalidField(name, "a 64-bit integer"));
                        break;
                    case 'd':
                        writer.WriteNumberValue(double.TryParse(text, number, invariant, out var real) && double.IsFinite(real) ? real : throw InvalidField(name, "a number"));
                        break;
                    case 'm':
                        writer.WriteNumberValue(decimal.TryParse(text, number, invariant, out var exact) ? exact : throw InvalidField(name, "a decimal number"));
                        break;
                    case 'f':
                        // A binary field sent as a text part: its UTF-8 bytes.
                        writer.WriteBase64StringValue(global::System.Text.Encoding.UTF8.GetBytes(text));
                        break;
                    default:
                        writer.WriteStringValue(text);
                        break;
                }
            }

            private static ApiException InvalidField(string name, string expected) => new(400, $"The field '{name}' must be {expected}.");

            /// <summary>Answers 400 for an empty (when required) or malformed body, invalid UTF-8 included.</summary>
            public static void CheckJsonSyntax(byte[] body, bool required)
            {
                if (body.Length == 0)
                {
                    if (required)
                    {
                        throw new ApiException(400, "The request body is empty.");
                    }

                    return;
                }

                if (!global::System.Text.Unicode.Utf8.IsValid(body))
                {
                    throw new ApiException(400, "The request body is not valid UTF-8.");
                }

                try
                {
                    var reader = new global::System.Text.Json.Utf8JsonReader(body, new global::System.Text.Json.JsonReaderOptions { MaxDepth = 64 });
                    while (reader.Read())
                    {
                    }
                }
                catch (global::System.Text.Json.JsonException)
                {
                    throw new ApiException(400, "The request body is not valid JSON.");
                }
            }

            /// <summary>Runs the registered <see cref="IApiRequestInterceptor"/>s in registration order.</summary>
            public static async global::System.Threading.Tasks.ValueTask InterceptAsync(global::Microsoft.AspNetCore.Http.HttpContext http, string operationId)
            {
                var interceptors = http.RequestServices.GetService(typeof(global::System.Collections.Generic.IEnumerable<IApiRequestInterceptor>)) as global::System.Collections.Generic.IEnumerable<IApiRequestInterceptor>;
                if (interceptors is null)
                {
                    return;
                }

                var context = new ApiRequestContext(operationId, http);
                foreach (var interceptor in interceptors)
                {
                    await interceptor.OnRequestAsync(context).ConfigureAwait(false);
                }
            }

            /// <summary>Reads a JSON body strictly: every keyword of the schema is enforced, failures are 400 answers.</summary>
            public static T ReadJson<T>(byte[] body, ApiJsonReadFunc<T> read)
            {
                try
                {
                    return ApiJsonReader.Deserialize(body, read, strict: true);
                }
                catch (global::System.Text.Json.JsonException exception)
                {
                    throw new ApiException(400, exception is ApiJsonException ? exception.Message : "The request body is not valid JSON.");
                }
            }

            /// <summary>Reads a text body.</summary>
            public static string ReadText(byte[] body) =>
                global::System.Text.Unicode.Utf8.IsValid(body) ? global::System.Text.Encoding.UTF8.GetString(body) : throw new ApiException(400, "The request body is not valid UTF-8.");

            /// <summary>A route value.</summary>
            public static global::Microsoft.Extensions.Primitives.StringValues Route(global::Microsoft.AspNetCore.Http.HttpContext http, string name) =>
                http.Request.RouteValues.TryGetValue(name, out var value) && value is string text ? new global::Microsoft.Extensions.Primitives.StringValues(text) : default;

            /// <summary>A cookie.</summary>
            public static global::Microsoft.Extensions.Primitives.StringValues Cookie(global::Microsoft.AspNetCore.Http.HttpContext http, string name) =>
                http.Request.Cookies.TryGetValue(name, out var value) ? new global::Microsoft.Extensions.Primitives.StringValues(value) : default;

            /// <summary>The first value of a parameter; a missing required one is a 400 answer.</summary>
            public static string? Value(global::Microsoft.Extensions.Primitives.StringValues values, string name, bool required)
            {
                if (values.Count == 0)
                {
                    return required ? throw new ApiException(400, $"The parameter '{name}' is required.") : null;
                }

                return values[0] ?? string.Empty;
            }

            /// <summary>The values of a parameter; a missing required one is a 400 answer.</summary>
            public static string[]? Values(global::Microsoft.Extensions.Primitives.StringValues values, string name, bool required)
            {
                if (values.Count == 0)
                {
                    return required ? throw new ApiException(400, $"The parameter '{name}' is required.") : null;
                }

                var result = new string[values.Count];
                for (var i = 0; i < values.Count; i++)
                {
                    result[i] = values[i] ?? string.Empty;
                }

                return result;
            }

            /// <summary>Splits comma-joined array values.</summary>
            public static global::System.Collections.Generic.IEnumerable<string> Split(string[] values)
            {
                foreach (var value in values)
                {
                    foreach (var part in value.Split(','))
                    {
                        yield return part;
                    }
                }
            }

            /// <summary>Parses a boolean parameter.</summary>
            public static bool ParseBoolean(string text, string name) => text switch { "true" => true, "false" => false, _ => throw Invalid(name, "true or false") };

            /// <summary>Parses a 32-bit integer parameter.</summary>
            public static int ParseInt32(string text, string name) => int.TryParse(text, global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(name, "a 32-bit integer");

            /// <summary>Parses a 64-bit integer parameter.</summary>
            public static long ParseInt64(string text, string name) => long.TryParse(text, global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(name, "a 64-bit integer");

            /// <summary>Parses a number parameter.</summary>
            public static double ParseDouble(string text, string name) => double.TryParse(text, global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : throw Invalid(name, "a number");

            /// <summary>Parses a decimal parameter.</summary>
            public static decimal ParseDecimal(string text, string name) => decimal.TryParse(text, global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(name, "a decimal number");

            /// <summary>Parses a date-time parameter.</summary>
            public static global::System.DateTimeOffset ParseDateTime(string text, string name, string? format)
            {
                var styles = global::System.Globalization.DateTimeStyles.AssumeUniversal | global::System.Globalization.DateTimeStyles.AdjustToUniversal;
                var parsed = format is null
                    ? global::System.DateTimeOffset.TryParse(text, global::System.Globalization.CultureInfo.InvariantCulture, styles, out var value)
                    : global::System.DateTimeOffset.TryParseExact(text, format, global::System.Globalization.CultureInfo.InvariantCulture, styles, out value);
                return parsed ? value : throw Invalid(name, "a date-time");
            }

            /// <summary>Parses a date parameter.</summary>
            public static global::System.DateOnly ParseDate(string text, string name) => global::System.DateOnly.TryParseExact(text, "yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.None, out var value) ? value : throw Invalid(name, "a date (yyyy-MM-dd)");

            /// <summary>Parses a UUID parameter.</summary>
            public static global::System.Guid ParseGuid(string text, string name) => global::System.Guid.TryParse(text, out var value) ? value : throw Invalid(name, "a UUID");

            /// <summary>Parses an enum parameter and rejects a value the document does not list.</summary>
            public static T ParseEnum<T>(string text, ApiTryParse<T> tryParse, global::System.Func<T, bool> isKnown, string name) =>
                tryParse(text, out var value) && isKnown(value) ? value : throw Invalid(name, "one of the documented values");

            /// <summary>Writes a JSON success answer, serialized straight into the response.</summary>
            public static async global::System.Threading.Tasks.Task WriteJsonAsync<T>(global::Microsoft.AspNetCore.Http.HttpContext http, int statusCode, T value, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write)
            {
                // Serialized before anything is sent, so a value that cannot be written is still a clean 500.
                ApiJsonValue.Serialize(value, write, (http.Response, statusCode), static (json, state) =>
                {
                    state.Response.StatusCode = state.statusCode;
                    state.Response.ContentType = "application/json";
                    state.Response.ContentLength = json.Length;
                    global::System.Buffers.BuffersExtensions.Write(state.Response.BodyWriter, json);
                });
                await http.Response.BodyWriter.FlushAsync(http.RequestAborted).ConfigureAwait(false);
            }

            /// <summary>Writes a success answer.</summary>
            public static async global::System.Threading.Tasks.Task WriteAsync(global::Microsoft.AspNetCore.Http.HttpContext http, int statusCode, byte[] body, string contentType)
            {
                http.Response.StatusCode = statusCode;
                http.Response.ContentType = contentType;
                http.Response.ContentLength = body.Length;
                await http.Response.Body.WriteAsync(body, http.RequestAborted).ConfigureAwait(false);
            }

            /// <summary>Writes the documented error answer for a status, with <c>Content-Type: application/json</c>.</summary>
            public static async global::System.Threading.Tasks.Task WriteErrorAsync(global::Microsoft.AspNetCore.Http.HttpContext http, int statusCode, string message)
            {
                if (http.Response.HasStarted)
                {
                    http.Abort();
                    return;
                }

                var body = ApiJsonValue.Serialize(message, (writer, text) => ApiFaults.WriteError(writer, statusCode, text));
                global::Microsoft.AspNetCore.Http.ResponseExtensions.Clear(http.Response);
                await WriteAsync(http, statusCode, body, "application/json").ConfigureAwait(false);
            }

            /// <summary>Answers a failure: an <see cref="ApiException"/> with its status and message, anything else with a 500 that hides the details (logged).</summary>
            public static global::System.Threading.Tasks.Task WriteFailureAsync(global::Microsoft.AspNetCore.Http.HttpContext http, global::System.Exception exception)
            {
                if (exception is ApiException api)
                {
                    return WriteErrorAsync(http, api.StatusCode, api.Message);
                }

                if (exception is global::System.OperationCanceledException && http.RequestAborted.IsCancellationRequested)
                {
                    return global::System.Threading.Tasks.Task.CompletedTask;
                }

                var loggers = http.RequestServices.GetService(typeof(global::Microsoft.Extensions.Logging.ILoggerFactory)) as global::Microsoft.Extensions.Logging.ILoggerFactory;
                global::Microsoft.Extensions.Logging.LoggerExtensions.LogError(loggers?.CreateLogger("EvsCodegen.Server") ?? global::Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, exception, "Unhandled exception in {Path}", http.Request.Path.Value);
                return WriteErrorAsync(http, 500, InternalErrorMessage);
            }

            private static ApiException Invalid(string name, string expected) => new(400, $"The parameter '{name}' must be {expected}.");
        }
        """;
}
