using System;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace EvsCodegen.Runtime;

/// <summary>Reading objects through a table of their declared keys (<see cref="ApiJsonKeys"/>).</summary>
public sealed partial class ApiJsonReader
{
    // Keys up to this many bytes are unescaped on the stack.
    private const int MaxStackKey = 256;

    /// <summary>Requires the reader to be on the start of an object and begins reading its keys with <see cref="NextKey"/>.</summary>
    /// <param name="reader">The reader, on the object's first token.</param>
    /// <param name="keys">The object's declared keys.</param>
    public ApiJsonObjectState BeginObject(ref Utf8JsonReader reader, ApiJsonKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Expect(ref reader, JsonTokenType.StartObject, "an object");
        return new ApiJsonObjectState(keys);
    }

    /// <summary>
    /// Moves to the next key of the object and returns false at its end. A declared key is entered: a repeated one is
    /// refused (as <see cref="CheckUniqueKey"/>), it is marked seen, the reader moves to its value and the key is
    /// pushed, so the caller reads the value by <paramref name="index"/> and calls <see cref="Pop"/>. A key the
    /// schema does not declare is skipped with its value (refused first when strict and <see cref="ApiJsonUnknownKeys.Forbid"/>),
    /// or, with <see cref="ApiJsonUnknownKeys.Keep"/>, returned as index -1 with the reader still on the key.
    /// </summary>
    /// <param name="reader">The reader, on the object's start or the last token of the previous value.</param>
    /// <param name="state">The object's progress, from <see cref="BeginObject"/>.</param>
    /// <param name="index">The index of the declared key read, or -1.</param>
    public bool NextKey(ref Utf8JsonReader reader, ref ApiJsonObjectState state, out int index)
    {
        var keys = state.Keys;
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                index = -1;
                return false;
            }

            state.Count++;

            // A local, not the out parameter, until the key is known: the out parameter may be read back from memory.
            var found = FindKey(ref reader, keys, state.Next);
            if (found >= 0)
            {
                if (!state.TryMark(found))
                {
                    throw Fail($"the key '{keys.Name(found)}' appears more than once");
                }

                state.Next = found + 1;
                Read(ref reader);
                Enter(keys.Name(found), -1);
                index = found;
                return true;
            }

            index = -1;

            // A declared key matched is well-formed (it equals one); any other must be decodable before it is kept or named.
            CheckKey(ref reader);
            if (keys.UnknownKeys == ApiJsonUnknownKeys.Keep)
            {
                return true;
            }

            if (keys.UnknownKeys == ApiJsonUnknownKeys.Forbid)
            {
                CheckKnownKey(ReadKey(ref reader));
            }

            Read(ref reader);
            reader.Skip();
        }
    }

    /// <summary>
    /// Ends an object read with <see cref="NextKey"/>: strict reads check the schema's property count, then every read
    /// requires the declared required keys; the first missing one (in declared order) is named.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndObject(in ApiJsonObjectState state)
    {
        var keys = state.Keys;
        if ((Strict && (state.Count < keys.MinProperties || state.Count > keys.MaxProperties)) || keys.FirstMissing(in state) >= 0)
        {
            FailObject(in state);
        }
    }

    // The failure EndObject found, checked again in its order: the property count, then the first missing key.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FailObject(in ApiJsonObjectState state)
    {
        var keys = state.Keys;
        if (Strict && (state.Count < keys.MinProperties || state.Count > keys.MaxProperties))
        {
            CheckCount(state.Count, keys.MinProperties, keys.MaxProperties, "properties");
        }

        var missing = keys.FirstMissing(in state);
        if (missing >= 0)
        {
            throw Fail($"the required key '{keys.Name(missing)}' is missing");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindKey(ref Utf8JsonReader reader, ApiJsonKeys keys, int expected) =>
        !reader.ValueIsEscaped && !reader.HasValueSequence ? keys.Find(reader.ValueSpan, expected) : FindUnescapedKey(ref reader, keys, expected);

    // Escaped or split: compare the unescaped bytes (never longer than the raw ones). Apart from FindKey, so the usual
    // key is matched without this method's stack buffer (and its stack check).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int FindUnescapedKey(ref Utf8JsonReader reader, ApiJsonKeys keys, int expected)
    {
        var length = checked((int)(reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length));
        Span<byte> buffer = length <= MaxStackKey ? stackalloc byte[MaxStackKey] : new byte[length];
        int written;
        try
        {
            written = reader.CopyString(buffer);
        }
        catch (InvalidOperationException)
        {
            throw Fail("a key holds an unpaired surrogate");
        }

        return keys.Find(buffer.Slice(0, written), expected);
    }
}
