namespace EvsCodegen.Generators.Emitting;

internal static partial class RuntimeEmitter
{
    private const string ExceptionSource = """
        /// <summary>
        /// An error answer of the API: raised by the client for every non-success response, and thrown by server-side
        /// implementations of the contract to answer with a documented error. Carries the status, fault name, code and message.
        /// </summary>
        [global::System.CodeDom.Compiler.GeneratedCode("EvsCodegen", "0.1.0")]
        ACCESS partial class ApiException : global::System.Exception
        {
            /// <summary>An error with the fault name and code the document gives <paramref name="statusCode"/>.</summary>
            public ApiException(int statusCode, string message)
                : this(statusCode, message, ApiFaults.NameOf(statusCode), ApiFaults.CodeOf(statusCode), null, null)
            {
            }

            /// <summary>An error with every detail given.</summary>
            public ApiException(int statusCode, string message, string? faultName, string? code, string? responseBody, global::System.Exception? innerException)
                : base(message, innerException)
            {
                StatusCode = statusCode;
                FaultName = faultName;
                Code = code;
                ResponseBody = responseBody;
            }

            /// <summary>The HTTP status.</summary>
            public int StatusCode { get; }

            /// <summary>The fault name (the envelope's key), when known.</summary>
            public string? FaultName { get; }

            /// <summary>The error code, when known.</summary>
            public string? Code { get; }

            /// <summary>The start of the response body (at most 4 KiB), for diagnosis; null for server-side errors.</summary>
            public string? ResponseBody { get; }

            /// <summary>Builds the exception for a response; a body that is not the documented error still gives a clear message.</summary>
            public static ApiException FromResponse(int statusCode, string? reasonPhrase, byte[] body, string? mediaType)
            {
                var excerpt = Excerpt(body);
                if (ApiFaults.TryReadError(body, mediaType, out var faultName, out var code, out var message))
                {
                    return new ApiException(statusCode, message!, faultName, code, excerpt, null);
                }

                var described = excerpt.Length == 0 ? "an empty body" : "a body that is not the documented error: " + excerpt;
                return new ApiException(statusCode, $"The server answered {statusCode} {reasonPhrase} with {described}", null, null, excerpt, null);
            }

            private static string Excerpt(byte[] body)
            {
                const int Limit = 4096;
                var text = global::System.Text.Encoding.UTF8.GetString(body, 0, global::System.Math.Min(body.Length, Limit));
                return body.Length > Limit ? text + "…" : text;
            }
        }
        """;

    private const string FaultsSource = """
        /// <summary>Writes the documented error body for <paramref name="statusCode"/>.</summary>
        public static void WriteError(global::System.Text.Json.Utf8JsonWriter writer, int statusCode, string message)
        {
            writer.WriteStartObject();
            if (HasEnvelope)
            {
                writer.WritePropertyName(NameOf(statusCode) ?? "error");
                writer.WriteStartObject();
                writer.WriteString("message"u8, message);
                writer.WriteString("code"u8, CodeOf(statusCode) ?? statusCode.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
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
        public static bool TryReadError(byte[] body, string? mediaType, out string? faultName, out string? code, out string? message)
        {
            faultName = null;
            code = null;
            message = null;
            if (mediaType is null || !(mediaType.EndsWith("json", global::System.StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            try
            {
                var reader = new global::System.Text.Json.Utf8JsonReader(body);
                if (!reader.Read() || reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
                {
                    return false;
                }

                if (!HasEnvelope)
                {
                    ReadFields(ref reader, ref code, ref message);
                    return message is not null;
                }

                if (!reader.Read() || reader.TokenType != global::System.Text.Json.JsonTokenType.PropertyName)
                {
                    return false;
                }

                faultName = reader.GetString();
                if (!reader.Read() || reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
                {
                    return false;
                }

                ReadFields(ref reader, ref code, ref message);
                return message is not null;
            }
            catch (global::System.Text.Json.JsonException)
            {
                return false;
            }
            catch (global::System.InvalidOperationException)
            {
                return false;
            }
        }

        private static void ReadFields(ref global::System.Text.Json.Utf8JsonReader reader, ref string? code, ref string? message)
        {
            while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
            {
                var isMessage = reader.ValueTextEquals("message"u8);
                var isCode = reader.ValueTextEquals("code"u8);
                reader.Read();
                if (isMessage && reader.TokenType == global::System.Text.Json.JsonTokenType.String)
                {
                    message = reader.GetString();
                }
                else if (isCode && reader.TokenType is global::System.Text.Json.JsonTokenType.String or global::System.Text.Json.JsonTokenType.Number)
                {
                    code = reader.TokenType == global::System.Text.Json.JsonTokenType.String ? reader.GetString() : global::System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        """;

    private const string ReaderSource = """
        /// <summary>Reads one JSON value from a span (the reader is on its first token).</summary>
        /// <typeparam name="T">The value's type.</typeparam>
        [global::System.CodeDom.Compiler.GeneratedCode("EvsCodegen", "0.1.0")]
        ACCESS delegate T ApiJsonReadFunc<T>(ref global::System.Text.Json.Utf8JsonReader reader, ApiJsonReader context);

        /// <summary>A JSON value that breaks the document's schema, with where it is.</summary>
        [global::System.CodeDom.Compiler.GeneratedCode("EvsCodegen", "0.1.0")]
        ACCESS sealed class ApiJsonException : global::System.Text.Json.JsonException
        {
            /// <summary>Creates the exception.</summary>
            public ApiJsonException(string location, string problem)
                : base(location.Length == 0 ? $"Invalid request body: {problem}." : $"Invalid value at '{location}': {problem}.")
            {
                Location = location;
                Problem = problem;
            }

            /// <summary>Where the value is, as <c>snapshot.name</c> or <c>items[2]</c>; empty for the top level.</summary>
            public string Location { get; }

            /// <summary>What is wrong with it.</summary>
            public string Problem { get; }
        }

        /// <summary>
        /// The state of one read: strictness and the current location. Strict reads (a server reading a request) enforce
        /// every keyword of the schema; lenient reads (a client reading a response) accept what they can type.
        /// </summary>
        [global::System.CodeDom.Compiler.GeneratedCode("EvsCodegen", "0.1.0")]
        ACCESS sealed partial class ApiJsonReader
        {
            // The location as keys (non-null) and array indexes; only read when a problem is reported.
            private (string? Key, int Index)[] _path = new (string? Key, int Index)[8];
            private int _depth;

            // One lenient and one strict state per thread for Deserialize, taken while in use (a nested call gets its own).
            [global::System.ThreadStatic]
            private static ApiJsonReader? t_lenient;

            [global::System.ThreadStatic]
            private static ApiJsonReader? t_strict;

            /// <summary>Creates a read state.</summary>
            public ApiJsonReader(bool strict) => Strict = strict;

            /// <summary>Whether every constraint is enforced.</summary>
            public bool Strict { get; }

            /// <summary>Reads a whole document holding one value: the value, nothing before or after it.</summary>
            public static T Deserialize<T>(global::System.ReadOnlySpan<byte> json, ApiJsonReadFunc<T> read, bool strict)
            {
                var context = (strict ? t_strict : t_lenient) ?? new ApiJsonReader(strict);
                if (strict)
                {
                    t_strict = null;
                }
                else
                {
                    t_lenient = null;
                }

                try
                {
                    var reader = new global::System.Text.Json.Utf8JsonReader(json, new global::System.Text.Json.JsonReaderOptions { MaxDepth = 64 });
                    context.Read(ref reader);
                    var value = read(ref reader, context);
                    if (reader.Read())
                    {
                        throw context.Fail("unexpected data after the JSON value");
                    }

                    return value;
                }
                finally
                {
                    context._depth = 0;
                    if (context._path.Length <= 64)
                    {
                        global::System.Array.Clear(context._path, 0, context._path.Length);
                        if (strict)
                        {
                            t_strict = context;
                        }
                        else
                        {
                            t_lenient = context;
                        }
                    }
                }
            }

            /// <summary>The current location, to come back to after a failed attempt (see <see cref="Restore"/>).</summary>
            public int Mark() => _depth;

            /// <summary>Returns to a location taken by <see cref="Mark"/>.</summary>
            public void Restore(int mark) => _depth = mark;

            /// <summary>
            /// The string value of <paramref name="property"/> in the object the reader is on, read from a copy (the
            /// reader does not move); null when the value is not an object, lacks the key or holds no string there.
            /// </summary>
            public string? PeekString(global::System.Text.Json.Utf8JsonReader reader, string property)
            {
                if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
                {
                    return null;
                }

                try
                {
                    var depth = reader.CurrentDepth;
                    while (reader.Read() && reader.CurrentDepth > depth)
                    {
                        if (reader.TokenType != global::System.Text.Json.JsonTokenType.PropertyName)
                        {
                            continue;
                        }

                        var match = reader.ValueTextEquals(property);
                        reader.Read();
                        if (match)
                        {
                            return reader.TokenType == global::System.Text.Json.JsonTokenType.String ? reader.GetString() : null;
                        }

                        reader.Skip();
                    }
                }
                catch (global::System.Exception exception) when (exception is global::System.Text.Json.JsonException or global::System.InvalidOperationException)
                {
                    // Malformed or unfinished: the real read reports it.
                }

                return null;
            }

            /// <summary>Enters a key.</summary>
            public void Push(string key) => Enter(key, -1);

            /// <summary>Enters an array index.</summary>
            public void PushIndex(int index) => Enter(null, index);

            /// <summary>Leaves the current key or index.</summary>
            public void Pop() => _depth--;

            private void Enter(string? key, int index)
            {
                if (_depth == _path.Length)
                {
                    global::System.Array.Resize(ref _path, _path.Length * 2);
                }

                _path[_depth++] = (key, index);
            }

            /// <summary>An exception for a problem at the current location.</summary>
            public ApiJsonException Fail(string problem)
            {
                var builder = new global::System.Text.StringBuilder();
                for (var i = 0; i < _depth; i++)
                {
                    var (key, index) = _path[i];
                    if (key is null)
                    {
                        builder.Append('[').Append(index.ToString(global::System.Globalization.CultureInfo.InvariantCulture)).Append(']');
                        continue;
                    }

                    if (builder.Length > 0)
                    {
                        builder.Append('.');
                    }

                    builder.Append(key);
                }

                return new ApiJsonException(builder.ToString(), problem);
            }

            /// <summary>Moves to the next token; the document must not end here.</summary>
            public void Read(ref global::System.Text.Json.Utf8JsonReader reader)
            {
                if (!reader.Read())
                {
                    throw Fail("the JSON ends too early");
                }
            }

            /// <summary>Requires the current token to be <paramref name="type"/>.</summary>
            public void Expect(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Text.Json.JsonTokenType type, string what)
            {
                if (reader.TokenType != type)
                {
                    throw Fail($"expected {what}, got {Describe(reader.TokenType)}");
                }
            }

            /// <summary>
            /// Requires the current property name to be decodable: an escaped unpaired surrogate ("\uD800") would make
            /// <c>ValueTextEquals</c> and <c>GetString</c> throw <see cref="global::System.InvalidOperationException"/>.
            /// </summary>
            public void CheckKey(ref global::System.Text.Json.Utf8JsonReader reader)
            {
                // Only an escaped or (in responses, which are not validated first) ill-formed name can fail; the common case allocates nothing.
                if (reader.ValueIsEscaped || reader.HasValueSequence || !global::System.Text.Unicode.Utf8.IsValid(reader.ValueSpan))
                {
                    ReadKey(ref reader);
                }
            }

            /// <summary>Reads a property name; one that cannot become .NET text (an escaped unpaired surrogate) fails like a bad value.</summary>
            public string ReadKey(ref global::System.Text.Json.Utf8JsonReader reader)
            {
                try
                {
                    return reader.GetString()!;
                }
                catch (global::System.InvalidOperationException)
                {
                    throw Fail("a key holds an unpaired surrogate");
                }
            }

            /// <summary>Reads a string; strict reads reject unpaired surrogates.</summary>
            public string ReadString(ref global::System.Text.Json.Utf8JsonReader reader)
            {
                Expect(ref reader, global::System.Text.Json.JsonTokenType.String, "a string");
                string value;
                try
                {
                    value = reader.GetString()!;
                }
                catch (global::System.InvalidOperationException)
                {
                    throw Fail("the string holds an unpaired surrogate or is not valid UTF-8");
                }

                if (Strict)
                {
                    for (var i = 0; i < value.Length; i++)
                    {
                        if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        {
                            i++;
                        }
                        else if (char.IsSurrogate(value[i]))
                        {
                            throw Fail("the string holds an unpaired surrogate");
                        }
                    }
                }

                return value;
            }

            /// <summary>Reads true or false.</summary>
            public bool ReadBoolean(ref global::System.Text.Json.Utf8JsonReader reader) => reader.TokenType switch
            {
                global::System.Text.Json.JsonTokenType.True => true,
                global::System.Text.Json.JsonTokenType.False => false,
                _ => throw Fail($"expected a boolean, got {Describe(reader.TokenType)}"),
            };

            /// <summary>Reads a 32-bit integer.</summary>
            public int ReadInt32(ref global::System.Text.Json.Utf8JsonReader reader) =>
                reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw Fail($"expected a 32-bit integer, got {Describe(reader.TokenType)}");

            /// <summary>Reads a 64-bit integer.</summary>
            public long ReadInt64(ref global::System.Text.Json.Utf8JsonReader reader) =>
                reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : throw Fail($"expected a 64-bit integer, got {Describe(reader.TokenType)}");

            /// <summary>Reads a single-precision number.</summary>
            public float ReadSingle(ref global::System.Text.Json.Utf8JsonReader reader) =>
                reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetSingle(out var value) && float.IsFinite(value) ? value : throw Fail($"expected a number, got {Describe(reader.TokenType)}");

            /// <summary>Reads a double-precision number.</summary>
            public double ReadDouble(ref global::System.Text.Json.Utf8JsonReader reader) =>
                reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetDouble(out var value) && double.IsFinite(value) ? value : throw Fail($"expected a number, got {Describe(reader.TokenType)}");

            /// <summary>Reads a decimal number.</summary>
            public decimal ReadDecimal(ref global::System.Text.Json.Utf8JsonReader reader) =>
                reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetDecimal(out var value) ? value : throw Fail($"expected a decimal number, got {Describe(reader.TokenType)}");

            /// <summary>Reads a date-time: ISO 8601, or exactly <paramref name="format"/> in UTC when the document gives one.</summary>
            public global::System.DateTimeOffset ReadDateTime(ref global::System.Text.Json.Utf8JsonReader reader, string? format)
            {
                global::System.Span<char> buffer = stackalloc char[64];
                var written = ReadShortString(ref reader, buffer, out var longText);
                var text = longText is null ? buffer.Slice(0, written) : global::System.MemoryExtensions.AsSpan(longText);
                var styles = global::System.Globalization.DateTimeStyles.AssumeUniversal | global::System.Globalization.DateTimeStyles.AdjustToUniversal;
                var parsed = format is null
                    ? global::System.DateTimeOffset.TryParse(text, global::System.Globalization.CultureInfo.InvariantCulture, styles, out var value)
                    : global::System.DateTimeOffset.TryParseExact(text, format, global::System.Globalization.CultureInfo.InvariantCulture, styles, out value);
                return parsed ? value : throw Fail(format is null ? "expected an ISO 8601 date-time" : $"expected a UTC date-time formatted as {format}");
            }

            /// <summary>Reads a date (<c>yyyy-MM-dd</c>).</summary>
            public global::System.DateOnly ReadDate(ref global::System.Text.Json.Utf8JsonReader reader)
            {
                global::System.Span<char> buffer = stackalloc char[64];
                var written = ReadShortString(ref reader, buffer, out var longText);
                var text = longText is null ? buffer.Slice(0, written) : global::System.MemoryExtensions.AsSpan(longText);
                return global::System.DateOnly.TryParseExact(text, "yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.None, out var value) ? value : throw Fail("expected a date formatted as yyyy-MM-dd");
            }

            /// <summary>Reads a UUID.</summary>
            public global::System.Guid ReadGuid(ref global::System.Text.Json.Utf8JsonReader reader)
            {
                global::System.Span<char> buffer = stackalloc char[64];
                var written = ReadShortString(ref reader, buffer, out var longText);
                var text = longText is null ? buffer.Slice(0, written) : global::System.MemoryExtensions.AsSpan(longText);
                return global::System.Guid.TryParse(text, out var value) ? value : throw Fail("expected a UUID");
            }

            /// <summary>
            /// Reads a string meant for parsing (a date, a UUID) into <paramref name="buffer"/> when it fits, so no
            /// string is allocated, and returns its length; a longer one is read as <see cref="ReadString"/> does
            /// into <paramref name="text"/>.
            /// </summary>
            private int ReadShortString(ref global::System.Text.Json.Utf8JsonReader reader, scoped global::System.Span<char> buffer, out string? text)
            {
                Expect(ref reader, global::System.Text.Json.JsonTokenType.String, "a string");
                var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
                if (length > buffer.Length)
                {
                    text = ReadString(ref reader);
                    return 0;
                }

                text = null;
                try
                {
                    return reader.CopyString(buffer);
                }
                catch (global::System.InvalidOperationException)
                {
                    throw Fail("the string holds an unpaired surrogate or is not valid UTF-8");
                }
            }

            /// <summary>Reads base64 bytes.</summary>
            public byte[] ReadBytes(ref global::System.Text.Json.Utf8JsonReader reader)
            {
                Expect(ref reader, global::System.Text.Json.JsonTokenType.String, "a base64 string");
                return reader.TryGetBytesFromBase64(out var value) ? value : throw Fail("expected a base64 string");
            }

            /// <summary>Reads any value as a detached element.</summary>
            public global::System.Text.Json.JsonElement ReadAny(ref global::System.Text.Json.Utf8JsonReader reader) =>
                global::System.Text.Json.JsonElement.ParseValue(ref reader);

            /// <summary>Rejects a repeated key when strict (lenient reads keep the last value).</summary>
            public void CheckUniqueKey(bool seen, string key)
            {
                if (seen && Strict)
                {
                    throw Fail($"the key '{key}' appears more than once");
                }
            }

            /// <summary>Rejects a key the schema does not declare when strict.</summary>
            public void CheckKnownKey(string key)
            {
                if (Strict)
                {
                    throw Fail($"the key '{key}' is not allowed (keys are case-sensitive)");
                }
            }

            /// <summary>Requires a key.</summary>
            public void CheckRequired(bool present, string key)
            {
                if (!present)
                {
                    throw Fail($"the required key '{key}' is missing");
                }
            }

            /// <summary>Checks a number of properties or items.</summary>
            public void CheckCount(int count, int? minimum, int? maximum, string what)
            {
                if (count < minimum)
                {
                    throw Fail($"expected at least {minimum} {what}, got {count}");
                }

                if (count > maximum)
                {
                    throw Fail($"expected at most {maximum} {what}, got {count}");
                }
            }

            /// <summary>Checks a length in Unicode code points, as JSON Schema counts it.</summary>
            public void CheckLength(string value, int? minimum, int? maximum)
            {
                var length = 0;
                for (var i = 0; i < value.Length; i++)
                {
                    if (!(char.IsLowSurrogate(value[i]) && i > 0 && char.IsHighSurrogate(value[i - 1])))
                    {
                        length++;
                    }
                }

                if (length < minimum)
                {
                    throw Fail($"expected at least {minimum} characters, got {length}");
                }

                if (length > maximum)
                {
                    throw Fail($"expected at most {maximum} characters, got {length}");
                }
            }

            /// <summary>Checks the UTF-8 length in bytes (the <c>x-max-bytes</c> extension).</summary>
            public void CheckUtf8Bytes(string value, int maximum)
            {
                var bytes = global::System.Text.Encoding.UTF8.GetByteCount(value);
                if (bytes > maximum)
                {
                    throw Fail($"expected at most {maximum} bytes of UTF-8, got {bytes}");
                }
            }

            /// <summary>Checks a pattern (bounded in time).</summary>
            public void CheckPattern(string value, global::System.Text.RegularExpressions.Regex pattern)
            {
                bool matches;
                try
                {
                    matches = pattern.IsMatch(value);
                }
                catch (global::System.Text.RegularExpressions.RegexMatchTimeoutException)
                {
                    matches = false;
                }

                if (!matches)
                {
                    throw Fail($"the value does not match the pattern {pattern}");
                }
            }

            /// <summary>Checks numeric bounds.</summary>
            public void CheckRange(double value, double? minimum, double? maximum, bool exclusiveMinimum, bool exclusiveMaximum)
            {
                if (minimum is double low && (exclusiveMinimum ? value <= low : value < low))
                {
                    throw Fail($"expected a number {(exclusiveMinimum ? ">" : ">=")} {low.ToString(global::System.Globalization.CultureInfo.InvariantCulture)}");
                }

                if (maximum is double high && (exclusiveMaximum ? value >= high : value > high))
                {
                    throw Fail($"expected a number {(exclusiveMaximum ? "<" : "<=")} {high.ToString(global::System.Globalization.CultureInfo.InvariantCulture)}");
                }
            }

            /// <summary>Rejects a value outside an enum.</summary>
            public void FailNotAllowed(string value, string[] allowed) =>
                throw Fail($"'{value}' is not one of {string.Join(", ", allowed)}");

            private static string Describe(global::System.Text.Json.JsonTokenType type) => type switch
            {
                global::System.Text.Json.JsonTokenType.String => "a string",
                global::System.Text.Json.JsonTokenType.Number => "a number",
                global::System.Text.Json.JsonTokenType.True or global::System.Text.Json.JsonTokenType.False => "a boolean",
                global::System.Text.Json.JsonTokenType.Null => "null",
                global::System.Text.Json.JsonTokenType.StartObject => "an object",
                global::System.Text.Json.JsonTokenType.StartArray => "an array",
                _ => "nothing",
            };
        }
        """;

    private const string ValueSource = """
        /// <summary>Writing helpers shared by the generated converters, clients and controllers.</summary>
        [global::System.CodeDom.Compiler.GeneratedCode("EvsCodegen", "0.1.0")]
        ACCESS static partial class ApiJsonValue
        {
            // API bodies are not HTML: write non-ASCII text and quotes as themselves (control characters stay escaped).
            private static readonly global::System.Text.Json.JsonWriterOptions s_writerOptions = new() { Encoder = global::System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

            /// <summary>Writes a date-time: ISO 8601, or <paramref name="format"/> in UTC when the document gives one.</summary>
            public static void WriteDateTime(global::System.Text.Json.Utf8JsonWriter writer, global::System.DateTimeOffset value, string? format)
            {
                if (format is null)
                {
                    writer.WriteStringValue(value);
                    return;
                }

                global::System.Span<char> buffer = stackalloc char[64];
                if (value.UtcDateTime.TryFormat(buffer, out var written, format, global::System.Globalization.CultureInfo.InvariantCulture))
                {
                    writer.WriteStringValue(buffer.Slice(0, written));
                }
                else
                {
                    writer.WriteStringValue(value.UtcDateTime.ToString(format, global::System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            /// <summary>Writes a date as <c>yyyy-MM-dd</c>.</summary>
            public static void WriteDate(global::System.Text.Json.Utf8JsonWriter writer, global::System.DateOnly value) =>
                writer.WriteStringValue(value.ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture));

            /// <summary>Serializes one value to UTF-8 JSON.</summary>
            public static byte[] Serialize<T>(T value, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write)
            {
                var cache = Rent();
                try
                {
                    write(cache.Writer, value);
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
            /// </summary>
            public static void Serialize<T, TState>(T value, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write, TState state, ApiJsonBytesAction<TState> consume)
            {
                var cache = Rent();
                try
                {
                    write(cache.Writer, value);
                    cache.Writer.Flush();
                    consume(cache.Buffer.WrittenSpan, state);
                }
                finally
                {
                    Return(cache);
                }
            }

            // One buffer and writer per thread, taken while in use (a nested call gets its own) and kept only while small.
            [global::System.ThreadStatic]
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
                    cache.Buffer.Clear();
                    cache.Writer.Reset(cache.Buffer);
                    t_cache = cache;
                }
            }

            private sealed class SerializationCache
            {
                public SerializationCache()
                {
                    Writer = new global::System.Text.Json.Utf8JsonWriter(Buffer, s_writerOptions);
                }

                public global::System.Buffers.ArrayBufferWriter<byte> Buffer { get; } = new(512);

                public global::System.Text.Json.Utf8JsonWriter Writer { get; }
            }
        }

        /// <summary>Receives serialized UTF-8 JSON that is only valid during the call.</summary>
        /// <typeparam name="TState">What the receiver needs besides the bytes.</typeparam>
        /// <param name="json">The bytes.</param>
        /// <param name="state">The state given to the serializer.</param>
        [global::System.CodeDom.Compiler.GeneratedCode("EvsCodegen", "0.1.0")]
        ACCESS delegate void ApiJsonBytesAction<TState>(global::System.ReadOnlySpan<byte> json, TState state);
        """;
}
