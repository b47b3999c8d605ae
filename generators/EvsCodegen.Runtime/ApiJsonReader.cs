using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace EvsCodegen.Runtime;

/// <summary>
/// The state of one read: strictness and the current location. Strict reads (a server reading a request) enforce
/// every keyword of the schema; lenient reads (a client reading a response) accept what they can type.
/// </summary>
public sealed partial class ApiJsonReader
{
    // The location as keys (non-null) and array indexes; only read when a problem is reported.
    private (string? Key, int Index)[] _path = new (string? Key, int Index)[8];
    private int _depth;

    // One lenient and one strict state per thread for Deserialize, marked busy while in use (a nested call gets its own).
    [ThreadStatic]
    private static ApiJsonReader? t_lenient;

    [ThreadStatic]
    private static ApiJsonReader? t_strict;

    private bool _busy;

    /// <summary>Creates a read state.</summary>
    public ApiJsonReader(bool strict) => Strict = strict;

    /// <summary>Whether every constraint is enforced.</summary>
    public bool Strict { get; }

    /// <summary>Reads a whole document holding one value: the value, nothing before or after it.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> json, ApiJsonReadFunc<T> read, bool strict)
    {
        // The thread's state is used in place (one thread-static read, no write) unless a call on this thread is
        // already using it.
        var context = strict ? t_strict : t_lenient;
        if (context is null || context._busy)
        {
            context = Create(strict);
        }

        context._busy = true;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
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
            context.Release();
        }
    }

    // A new state, kept for the thread when it has none.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ApiJsonReader Create(bool strict)
    {
        var context = new ApiJsonReader(strict);
        if (strict)
        {
            t_strict ??= context;
        }
        else
        {
            t_lenient ??= context;
        }

        return context;
    }

    // Ends a Deserialize: the location is emptied (no key kept alive) and a path grown past 64 levels is dropped.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Release()
    {
        _busy = false;
        _depth = 0;
        if (_path.Length <= 64)
        {
            Array.Clear(_path);
        }
        else
        {
            _path = new (string? Key, int Index)[8];
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
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Generated converters call every read through the read state, one shape for all.")]
    public string? PeekString(Utf8JsonReader reader, string property)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        try
        {
            var depth = reader.CurrentDepth;
            while (reader.Read() && reader.CurrentDepth > depth)
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                var match = reader.ValueTextEquals(property);
                reader.Read();
                if (match)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
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
            Array.Resize(ref _path, _path.Length * 2);
        }

        _path[_depth++] = (key, index);
    }

    /// <summary>An exception for a problem at the current location.</summary>
    public ApiJsonException Fail(string problem)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < _depth; i++)
        {
            var (key, index) = _path[i];
            if (key is null)
            {
                builder.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            ThrowEndsEarly();
        }
    }

    [DoesNotReturn]
    private void ThrowEndsEarly() => throw Fail("the JSON ends too early");

    /// <summary>Requires the current token to be <paramref name="type"/>.</summary>
    public void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (reader.TokenType != type)
        {
            throw Fail($"expected {what}, got {Describe(reader.TokenType)}");
        }
    }

    /// <summary>
    /// Requires the current property name to be decodable: an escaped unpaired surrogate ("\uD800") would make
    /// <c>ValueTextEquals</c> and <c>GetString</c> throw <see cref="InvalidOperationException"/>.
    /// </summary>
    public void CheckKey(ref Utf8JsonReader reader)
    {
        // Only an escaped or (in responses, which are not validated first) ill-formed name can fail; the common case allocates nothing.
        if (reader.ValueIsEscaped || reader.HasValueSequence || !Utf8.IsValid(reader.ValueSpan))
        {
            ReadKey(ref reader);
        }
    }

    /// <summary>Reads a property name; one that cannot become .NET text (an escaped unpaired surrogate) fails like a bad value.</summary>
    public string ReadKey(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Fail("a key holds an unpaired surrogate");
        }
    }

    /// <summary>
    /// Reads a string. Unpaired surrogates are rejected, strict or lenient: <c>Utf8JsonReader.GetString</c> refuses an
    /// escaped lone surrogate (<c>"\uD800"</c>) and ill-formed UTF-8 (which is how a raw surrogate would be encoded), so
    /// every string it returns is well-formed UTF-16.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string ReadString(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a string");
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Fail("the string holds an unpaired surrogate or is not valid UTF-8");
        }
    }

    /// <summary>Reads true or false.</summary>
    public bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Fail($"expected a boolean, got {Describe(reader.TokenType)}"),
    };

    /// <summary>Reads a 32-bit integer.</summary>
    public int ReadInt32(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw Fail($"expected a 32-bit integer, got {Describe(reader.TokenType)}");

    /// <summary>Reads a 64-bit integer.</summary>
    public long ReadInt64(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : throw Fail($"expected a 64-bit integer, got {Describe(reader.TokenType)}");

    /// <summary>Reads a single-precision number.</summary>
    public float ReadSingle(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetSingle(out var value) && float.IsFinite(value) ? value : throw Fail($"expected a number, got {Describe(reader.TokenType)}");

    /// <summary>Reads a double-precision number.</summary>
    public double ReadDouble(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) && double.IsFinite(value) ? value : throw Fail($"expected a number, got {Describe(reader.TokenType)}");

    /// <summary>Reads a decimal number.</summary>
    public decimal ReadDecimal(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value) ? value : throw Fail($"expected a decimal number, got {Describe(reader.TokenType)}");

    /// <summary>Reads a date-time: ISO 8601, or exactly <paramref name="format"/> in UTC when the document gives one.</summary>
    public DateTimeOffset ReadDateTime(ref Utf8JsonReader reader, string? format)
    {
        Span<char> buffer = stackalloc char[64];
        var written = ReadShortString(ref reader, buffer, out var longText);
        var text = longText is null ? buffer.Slice(0, written) : MemoryExtensions.AsSpan(longText);
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        var parsed = format is null
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var value)
            : DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, styles, out value);
        return parsed ? value : throw Fail(format is null ? "expected an ISO 8601 date-time" : $"expected a UTC date-time formatted as {format}");
    }

    /// <summary>Reads a date (<c>yyyy-MM-dd</c>).</summary>
    public DateOnly ReadDate(ref Utf8JsonReader reader)
    {
        Span<char> buffer = stackalloc char[64];
        var written = ReadShortString(ref reader, buffer, out var longText);
        var text = longText is null ? buffer.Slice(0, written) : MemoryExtensions.AsSpan(longText);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : throw Fail("expected a date formatted as yyyy-MM-dd");
    }

    /// <summary>Reads a UUID.</summary>
    public Guid ReadGuid(ref Utf8JsonReader reader)
    {
        Span<char> buffer = stackalloc char[64];
        var written = ReadShortString(ref reader, buffer, out var longText);
        var text = longText is null ? buffer.Slice(0, written) : MemoryExtensions.AsSpan(longText);
        return Guid.TryParse(text, out var value) ? value : throw Fail("expected a UUID");
    }

    /// <summary>
    /// Reads a string meant for parsing (a date, a UUID) into <paramref name="buffer"/> when it fits, so no
    /// string is allocated, and returns its length; a longer one is read as <see cref="ReadString(ref Utf8JsonReader)"/> does
    /// into <paramref name="text"/>.
    /// </summary>
    private int ReadShortString(ref Utf8JsonReader reader, scoped Span<char> buffer, out string? text)
    {
        Expect(ref reader, JsonTokenType.String, "a string");
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
        catch (InvalidOperationException)
        {
            throw Fail("the string holds an unpaired surrogate or is not valid UTF-8");
        }
    }

    /// <summary>Reads base64 bytes.</summary>
    public byte[] ReadBytes(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a base64 string");
        return reader.TryGetBytesFromBase64(out var value) ? value : throw Fail("expected a base64 string");
    }

    /// <summary>Reads any value as a detached element.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Generated converters call every read through the read state, one shape for all.")]
    public JsonElement ReadAny(ref Utf8JsonReader reader) =>
        JsonElement.ParseValue(ref reader);

    /// <summary>
    /// Rejects a repeated key, strict or lenient: parsers disagree on which of two values wins (first, last, error), so
    /// a duplicate is how a body says one thing to one reader and another to the next. Keys the schema does not declare
    /// are skipped unread by lenient reads and not checked.
    /// </summary>
    public void CheckUniqueKey(bool seen, string key)
    {
        if (seen)
        {
            throw Fail($"the key '{key}' appears more than once");
        }
    }

    /// <summary>
    /// Enters a declared key the reader is on: rejects it when <paramref name="seen"/> (as <see cref="CheckUniqueKey"/>),
    /// marks it seen, moves to its value and pushes the key, so a generated converter reads a property with one call
    /// before the value and <see cref="Pop"/> after it.
    /// </summary>
    /// <param name="reader">The reader, on the key.</param>
    /// <param name="seen">Whether the key was read before; set to true.</param>
    /// <param name="key">The key as the document spells it.</param>
    public void EnterKey(ref Utf8JsonReader reader, ref bool seen, string key)
    {
        CheckUniqueKey(seen, key);
        seen = true;
        Read(ref reader);
        Enter(key, -1);
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
    public void CheckCount(int count, int? minimum, int? maximum, string what) => Check(ApiConstraints.Count(count, minimum, maximum, what));

    /// <summary>Checks a length in Unicode code points, as JSON Schema counts it.</summary>
    public void CheckLength(string value, int? minimum, int? maximum) => Check(ApiConstraints.Length(value, minimum, maximum));

    /// <summary>Checks the UTF-8 length in bytes (the <c>x-max-bytes</c> extension).</summary>
    public void CheckUtf8Bytes(string value, int maximum) => Check(ApiConstraints.Utf8Bytes(value, maximum));

    /// <summary>Checks a pattern (bounded in time).</summary>
    public void CheckPattern(string value, Regex pattern) => Check(ApiConstraints.Pattern(value, pattern));

    /// <summary>Checks a pattern given as text, compiled once per distinct text (bounded in time).</summary>
    public void CheckPattern(string value, string pattern) => Check(ApiConstraints.Pattern(value, ApiJsonSchema.CachedPattern(pattern)));

    /// <summary>Checks numeric bounds.</summary>
    public void CheckRange(double value, double? minimum, double? maximum, bool exclusiveMinimum, bool exclusiveMaximum) =>
        Check(ApiConstraints.Range(value, minimum, maximum, exclusiveMinimum, exclusiveMaximum));

    /// <summary>Checks a number against its schema's <c>enum</c>.</summary>
    public void CheckAllowed(double value, double[] allowed) => Check(ApiConstraints.Allowed(value, allowed));

    /// <summary>Checks <c>multipleOf</c> (<see cref="ApiConstraints.MultipleOf{T}(T, double)"/>).</summary>
    public void CheckMultipleOf<T>(T value, double divisor)
        where T : System.Numerics.INumberBase<T> => Check(ApiConstraints.MultipleOf(value, divisor));

    /// <summary>Checks a boolean against the one value its schema's <c>enum</c> or <c>const</c> allows.</summary>
    public void CheckBoolean(bool value, bool allowed)
    {
        if (value != allowed)
        {
            throw Fail($"expected {(allowed ? "true" : "false")}");
        }
    }

    /// <summary>
    /// Checks a value the generated code keeps as a <c>JsonElement</c> against the schema it came from
    /// (<see cref="ApiJsonSchema"/>); a violation inside it is reported at its own location.
    /// </summary>
    /// <param name="value">The value read.</param>
    /// <param name="schema">The schema as compact JSON (a literal of the generated code, parsed once).</param>
    public void CheckSchema(JsonElement value, string schema)
    {
        var problem = ApiJsonSchema.Of(schema).Validate(value, out var path);
        if (problem is null)
        {
            return;
        }

        var depth = _depth;
        foreach (var segment in path)
        {
            Enter(segment as string, segment is int index ? index : -1);
        }

        try
        {
            throw Fail(problem);
        }
        finally
        {
            _depth = depth;
        }
    }

    private void Check(string? violation)
    {
        if (violation is not null)
        {
            throw Fail(violation);
        }
    }

    /// <summary>Rejects a value outside an enum.</summary>
    public void FailNotAllowed(string value, string[] allowed) =>
        throw Fail($"'{value}' is not one of {string.Join(", ", allowed)}");

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => "nothing",
    };
}
