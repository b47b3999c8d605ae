using System;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace EvsCodegen.Runtime;

/// <summary>What an object reader does with a key its schema does not declare.</summary>
public enum ApiJsonUnknownKeys
{
    /// <summary>Skip the key and its value, strict or lenient.</summary>
    Skip,

    /// <summary>Refuse the key when strict (<c>additionalProperties: false</c>); skip it when lenient.</summary>
    Forbid,

    /// <summary>Hand the key to the generated code, which keeps it (<see cref="ApiJsonReader.NextKey"/> gives index -1).</summary>
    Keep,
}

/// <summary>
/// The declared keys of one object schema, built once per generated converter: their UTF-8 bytes to match keys
/// without allocating, their encoded names to write them, which are required, and the schema's property-count limits.
/// </summary>
public sealed class ApiJsonKeys
{
    // Tables up to this size are searched in order; larger ones through a hash table.
    private const int MaxLinear = 8;

    private readonly string[] _names;
    private readonly byte[]?[] _utf8;
    private readonly JsonEncodedText[] _encoded;
    private readonly int[]? _buckets;
    private ulong[] _required;

    /// <summary>Creates the table of an object's declared keys, in the order the document declares them.</summary>
    /// <param name="unknownKeys">What happens to a key not in <paramref name="keys"/>.</param>
    /// <param name="keys">The declared keys as the document spells them; a key's index is its position here.</param>
    public ApiJsonKeys(ApiJsonUnknownKeys unknownKeys, params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        UnknownKeys = unknownKeys;
        _names = keys;
        _utf8 = new byte[]?[keys.Length];
        _encoded = new JsonEncodedText[keys.Length];
        _required = new ulong[(keys.Length + 63) / 64];
        for (var i = 0; i < keys.Length; i++)
        {
            _encoded[i] = JsonEncodedText.Encode(keys[i]);

            // A key with a lone surrogate has no UTF-8 form and can match no key read (those are refused first).
            _utf8[i] = HasLoneSurrogate(keys[i]) ? null : System.Text.Encoding.UTF8.GetBytes(keys[i]);
        }

        if (keys.Length > MaxLinear)
        {
            var size = 16;
            while (size < keys.Length * 2)
            {
                size *= 2;
            }

            _buckets = new int[size];
            for (var i = 0; i < keys.Length; i++)
            {
                if (_utf8[i] is not { } bytes)
                {
                    continue;
                }

                var slot = Hash(bytes) & (size - 1);
                while (_buckets[slot] != 0)
                {
                    slot = (slot + 1) & (size - 1);
                }

                _buckets[slot] = i + 1;
            }
        }
    }

    /// <summary>What happens to a key the schema does not declare.</summary>
    public ApiJsonUnknownKeys UnknownKeys { get; }

    /// <summary>The indexes of the required keys; a read missing one fails naming the first in declared order.</summary>
    public int[] Required
    {
        get
        {
            var list = new System.Collections.Generic.List<int>();
            for (var i = 0; i < _names.Length; i++)
            {
                if ((_required[i >> 6] & (1UL << (i & 63))) != 0)
                {
                    list.Add(i);
                }
            }

            return list.ToArray();
        }

        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var mask = new ulong[_required.Length];
            foreach (var index in value)
            {
                if ((uint)index >= (uint)_names.Length)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), index, "A required index is not the index of a declared key.");
                }

                mask[index >> 6] |= 1UL << (index & 63);
            }

            _required = mask;
        }
    }

    /// <summary>The schema's <c>minProperties</c>, checked by strict reads over every key (declared or not).</summary>
    public int? MinProperties { get; init; }

    /// <summary>The schema's <c>maxProperties</c>, checked by strict reads over every key (declared or not).</summary>
    public int? MaxProperties { get; init; }

    /// <summary>The number of declared keys.</summary>
    public int Count => _names.Length;

    /// <summary>The key at <paramref name="index"/>, encoded for <see cref="Utf8JsonWriter"/>.</summary>
    public JsonEncodedText this[int index] => _encoded[index];

    /// <summary>The key at <paramref name="index"/> as the document spells it.</summary>
    public string Name(int index) => _names[index];

    /// <summary>The index of the declared key equal to <paramref name="key"/> (unescaped UTF-8), trying <paramref name="expected"/> first; -1 when none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Find(ReadOnlySpan<byte> key, int expected)
    {
        var utf8 = _utf8;
        return (uint)expected < (uint)utf8.Length && utf8[expected] is { } next && key.SequenceEqual(next) ? expected : Search(key);
    }

    // Any declared key: in order, or through the hash table past MaxLinear keys.
    private int Search(ReadOnlySpan<byte> key)
    {
        var utf8 = _utf8;
        if (_buckets is not { } buckets)
        {
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] is { } candidate && key.SequenceEqual(candidate))
                {
                    return i;
                }
            }

            return -1;
        }

        var mask = buckets.Length - 1;
        var slot = Hash(key) & mask;
        while (buckets[slot] != 0)
        {
            var index = buckets[slot] - 1;
            if (key.SequenceEqual(utf8[index]))
            {
                return index;
            }

            slot = (slot + 1) & mask;
        }

        return -1;
    }

    /// <summary>The first required key (in declared order) that <paramref name="state"/> has not seen; -1 when none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int FirstMissing(in ApiJsonObjectState state)
    {
        var required = _required;
        for (var word = 0; word < required.Length; word++)
        {
            var missing = required[word] & ~state.SeenWord(word);
            if (missing != 0)
            {
                return (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(missing);
            }
        }

        return -1;
    }

    // FNV-1a over the UTF-8 bytes: keys are short, and the table is only a fallback past MaxLinear keys.
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash & 0x7fffffff);
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The progress of reading one object with <see cref="ApiJsonReader.NextKey"/>: which declared keys were seen (a bit
/// each), the key expected next and how many keys were read. Created by <see cref="ApiJsonReader.BeginObject"/>.
/// </summary>
public struct ApiJsonObjectState
{
    // Keys 0-63 in one word; a table of more keys keeps every word in an array instead.
    private ulong _seen;
    private readonly ulong[]? _seenWords;

    internal ApiJsonObjectState(ApiJsonKeys keys)
    {
        Keys = keys;
        _seenWords = keys.Count > 64 ? new ulong[(keys.Count + 63) / 64] : null;
    }

    /// <summary>The table of the object's declared keys.</summary>
    public ApiJsonKeys Keys { get; }

    /// <summary>The number of keys read so far, declared or not.</summary>
    public int Count { get; internal set; }

    /// <summary>The index of the declared key tried first for the next key (the one after the last read).</summary>
    internal int Next { get; set; }

    /// <summary>Whether the declared key at <paramref name="index"/> was read.</summary>
    public readonly bool Has(int index) => (SeenWord(index >> 6) & (1UL << (index & 63))) != 0;

    /// <summary>Marks the key at <paramref name="index"/> seen; false when it was already.</summary>
    internal bool TryMark(int index)
    {
        var bit = 1UL << (index & 63);
        if (_seenWords is { } words)
        {
            ref var word = ref words[index >> 6];
            if ((word & bit) != 0)
            {
                return false;
            }

            word |= bit;
            return true;
        }

        if ((_seen & bit) != 0)
        {
            return false;
        }

        _seen |= bit;
        return true;
    }

    internal readonly ulong SeenWord(int word) => _seenWords is { } words ? words[word] : word == 0 ? _seen : 0;
}
