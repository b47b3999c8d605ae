using System;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace EvsCodegen.Runtime;

/// <summary>Reading string enumerations: one call per value, whatever the number of listed values.</summary>
public sealed partial class ApiJsonReader
{
    // An escaped value up to this many bytes is unescaped on the stack; a longer one is read as a string.
    private const int MaxStackEnumBytes = 256;

    /// <summary>
    /// Reads a string enumeration's value: a listed value is answered with its instance from <paramref name="values"/>
    /// (no allocation, escaped or not); another value is read as <see cref="ReadString(ref Utf8JsonReader)"/> does, and a strict read
    /// rejects it with a message listing the allowed values.
    /// </summary>
    /// <param name="reader">The reader, on the value's token.</param>
    /// <param name="values">The values the enumeration lists.</param>
    /// <returns>The value's text.</returns>
    /// <exception cref="ApiJsonException">When the token is not a string, or (strict) the value is not listed.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string ReadEnumString(ref Utf8JsonReader reader, ApiEnumValues values)
    {
        ArgumentNullException.ThrowIfNull(values);

        // The common case first, without a call: an unescaped string in one segment, matched on its bytes.
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var listed = values.Find(reader.ValueSpan);
            if (listed is not null)
            {
                return listed;
            }
        }

        return ReadOtherEnumString(ref reader, values);
    }

    // A value not matched above: a non-string token, an escaped or segmented value, or one not listed.
    private string ReadOtherEnumString(ref Utf8JsonReader reader, ApiEnumValues values)
    {
        Expect(ref reader, JsonTokenType.String, "a string");
        var matched = true;
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            var known = FindUnescaped(ref reader, values, out matched);
            if (known is not null)
            {
                return known;
            }
        }

        var text = ReadString(ref reader);
        if (!matched)
        {
            // Too long to unescape on the stack: the text decides (it may still be a long listed value).
            var known = values.Find(text);
            if (known is not null)
            {
                return known;
            }
        }

        if (Strict)
        {
            throw Fail($"'{text}' is not one of {values}");
        }

        return text;
    }

    // An escaped or segmented value, unescaped into a stack buffer; matched is false when it did not fit (not decided).
    private static string? FindUnescaped(ref Utf8JsonReader reader, ApiEnumValues values, out bool matched)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        matched = length <= MaxStackEnumBytes;
        if (!matched)
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[MaxStackEnumBytes];
        int written;
        try
        {
            written = reader.CopyString(buffer);
        }
        catch (InvalidOperationException)
        {
            // Not decodable (an escaped unpaired surrogate): not a listed value; ReadString reports it.
            return null;
        }

        return values.Find(buffer[..written]);
    }
}
