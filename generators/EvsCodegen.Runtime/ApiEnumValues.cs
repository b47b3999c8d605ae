using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace EvsCodegen.Runtime;

/// <summary>
/// The values a string enumeration lists, built once per generated enum: finds a value from its UTF-8 bytes or its
/// text and answers the listed string instance, so reading a listed value allocates nothing. Comparisons are ordinal.
/// </summary>
public sealed class ApiEnumValues
{
    // Up to this many values comparing the bytes of each listed value in turn (the length first, then one vectorized
    // compare) is at least as fast as hashing (a sweep of 2–40 values: docs/benchmarks.md, "What changed: enums,
    // second step").
    private const int MaxLinear = 8;

    private readonly string[] _values;
    private readonly byte[][] _utf8;

    // Past MaxLinear: each value's first (up to) 8 bytes as one number, zero-padded, so most candidates of a bucket
    // are refused by one comparison; null up to MaxLinear (the scan compares the bytes directly).
    private readonly ulong[]? _heads;
    private readonly int[]? _buckets;
    private readonly Dictionary<string, int>? _byText;

    /// <summary>Creates the table of the listed values, in document order.</summary>
    /// <param name="values">The listed values; duplicates are kept once (the first).</param>
    /// <exception cref="ArgumentNullException">When <paramref name="values"/> or one of them is null.</exception>
    public ApiEnumValues(params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var distinct = new List<string>(values.Length);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(values));
            if (seen.Add(value))
            {
                distinct.Add(value);
            }
        }

        _values = [.. distinct];
        _utf8 = new byte[_values.Length][];
        for (var i = 0; i < _values.Length; i++)
        {
            _utf8[i] = Encoding.UTF8.GetBytes(_values[i]);
            MaxByteCount = Math.Max(MaxByteCount, _utf8[i].Length);
        }

        if (_values.Length > MaxLinear)
        {
            _heads = new ulong[_values.Length];
            for (var i = 0; i < _values.Length; i++)
            {
                _heads[i] = Head(_utf8[i]);
            }

            _byText = new Dictionary<string, int>(_values.Length, StringComparer.Ordinal);
            for (var i = 0; i < _values.Length; i++)
            {
                _byText[_values[i]] = i;
            }

            // Open addressing over a power of two at least twice the count; a slot holds index + 1, 0 is empty.
            var size = 1;
            while (size < _values.Length * 2)
            {
                size <<= 1;
            }

            _buckets = new int[size];
            for (var i = 0; i < _values.Length; i++)
            {
                var slot = Hash(_utf8[i], _heads[i]) & (size - 1);
                while (_buckets[slot] != 0)
                {
                    slot = (slot + 1) & (size - 1);
                }

                _buckets[slot] = i + 1;
            }
        }
    }

    /// <summary>The listed values, in document order, without duplicates.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>The longest value's length in UTF-8 bytes.</summary>
    public int MaxByteCount { get; }

    /// <summary>Whether <paramref name="value"/> is listed (ordinal comparison); null is not.</summary>
    public bool Contains(string? value) => value is not null && Find(value) is not null;

    /// <summary>The listed instance equal to <paramref name="value"/> (ordinal comparison), or null when it is not listed.</summary>
    public string? Find(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_byText is not null)
        {
            return _byText.TryGetValue(value, out var index) ? _values[index] : null;
        }

        foreach (var known in _values)
        {
            if (string.Equals(known, value, StringComparison.Ordinal))
            {
                return known;
            }
        }

        return null;
    }

    /// <summary>The listed value whose UTF-8 encoding is <paramref name="utf8"/>, or null when none is.</summary>
    public string? Find(ReadOnlySpan<byte> utf8)
    {
        if (_heads is null)
        {
            // Few values: no hashing, each listed value's bytes compared in turn (length first).
            var listed = _utf8;
            for (var i = 0; i < listed.Length; i++)
            {
                if (utf8.SequenceEqual(listed[i]))
                {
                    return _values[i];
                }
            }

            return null;
        }

        return utf8.Length > MaxByteCount ? null : FindHashed(utf8, _heads, _buckets!);
    }

    /// <summary>The listed values joined with ", ", for a refusal message.</summary>
    public override string ToString() => string.Join(", ", _values);

    private string? FindHashed(ReadOnlySpan<byte> utf8, ulong[] heads, int[] buckets)
    {
        var head = Head(utf8);
        var mask = buckets.Length - 1;
        for (var slot = Hash(utf8, head) & mask; buckets[slot] != 0; slot = (slot + 1) & mask)
        {
            var index = buckets[slot] - 1;
            if (heads[index] == head && Matches(utf8, index))
            {
                return _values[index];
            }
        }

        return null;
    }

    // Same head: the lengths and the bytes past the head decide (values of up to 8 bytes are decided by the head and length).
    private bool Matches(ReadOnlySpan<byte> utf8, int index)
    {
        var listed = _utf8[index];
        return listed.Length == utf8.Length && (utf8.Length <= sizeof(ulong) || utf8[sizeof(ulong)..].SequenceEqual(listed.AsSpan(sizeof(ulong))));
    }

    // The first up to 8 bytes, little-endian, zero-padded; the length is compared apart (a value may end in NUL).
    private static ulong Head(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= sizeof(ulong))
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        }

        // Two overlapping reads place every byte at its own position (the overlap ORs equal bytes).
        var length = bytes.Length;
        if (length >= sizeof(uint))
        {
            return BinaryPrimitives.ReadUInt32LittleEndian(bytes) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(bytes[(length - sizeof(uint))..]) << ((length - sizeof(uint)) * 8));
        }

        if (length >= sizeof(ushort))
        {
            return BinaryPrimitives.ReadUInt16LittleEndian(bytes) | ((ulong)BinaryPrimitives.ReadUInt16LittleEndian(bytes[(length - sizeof(ushort))..]) << ((length - sizeof(ushort)) * 8));
        }

        return length == 1 ? bytes[0] : 0UL;
    }

    // The head, the last 8 bytes and the length mixed: values sharing a long prefix (repository_…) still spread.
    private static int Hash(ReadOnlySpan<byte> bytes, ulong head)
    {
        var tail = bytes.Length > sizeof(ulong) ? BinaryPrimitives.ReadUInt64LittleEndian(bytes[^sizeof(ulong)..]) : 0UL;
        // MurmurHash3's 64-bit finalizer: every input bit reaches the low bits the table is indexed by (values that
        // differ only in their last bytes, value_10…value_39, would otherwise share a slot).
        var mixed = head ^ (tail * 0x9E3779B97F4A7C15UL) ^ (ulong)bytes.Length;
        mixed ^= mixed >> 33;
        mixed *= 0xFF51AFD7ED558CCDUL;
        mixed ^= mixed >> 33;
        mixed *= 0xC4CEB9FE1A85EC53UL;
        mixed ^= mixed >> 33;
        return (int)(mixed & 0x7FFFFFFF);
    }
}
