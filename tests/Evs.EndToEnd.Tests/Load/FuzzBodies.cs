using System.Text;
using CsCheck;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// Generated PUT bodies: JSON of every shape near the schema (names and descriptions of random Unicode, lengths around
/// 255 bytes, whitespace to trim, wrong types, extra, miscased and duplicate keys), random JSON, random bytes, and
/// valid bodies with a byte inserted, removed, replaced or cut off. Escaping and whitespace between tokens vary.
/// </summary>
public static class FuzzBodies
{
    private static readonly string[] s_whitespace = [" ", "\t", "\n", "\r", "\u00A0", "\u3000", "\u2028", "\u0085", "\u000B", "\u000C", "\u001C", "\u2003"];

    // Units of text: ASCII, JSON's specials, controls, whitespace, 2-, 3- and 4-byte characters, and unpaired surrogates.
    private static readonly string[] s_units =
    [
        "a", "Z", "0", "-", "_", ".", " ", "autobk_snapshot_", "\"", "\\", "/", "\u0000", "\u0001", "\u001F", "\u007F",
        "é", "ß", "中", "快照", "😀", "𝄞", "\u200B", "\uFEFF", "\uFFFD", "\uD800", "\uDBFF", "\uDC00", "\uDFFF",
    ];

    private static readonly string[] s_boundaryUnits = ["a", "é", "中", "😀"];

    /// <summary>Text for names and descriptions.</summary>
    public static Gen<string> Text { get; } = Gen.Frequency(
        (3, Gen.Int[0, 12].SelectMany(n => Gen.Int[0, 5].Array[n]).Select(ix => string.Concat(ix.Select(i => "abcXY0 "[i])))),
        (3, Gen.Int[0, s_units.Length - 1].Array[0, 40].Select(ix => string.Concat(ix.Select(i => s_units[i])))),
        (3, Gen.Int[0, s_units.Length - 1].Array[0, 40].Select(ix => string.Concat(ix.Select(i => s_units[i]).Where(u => !HasUnpairedSurrogate(u) && u[0] >= ' ')))),
        (3, Gen.Select(Gen.Int[0, s_boundaryUnits.Length - 1], Gen.Int[-6, 3], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, s_whitespace.Length - 1], Boundary)),
        (1, Gen.Int[0, s_whitespace.Length - 1].Array[0, 6].Select(ix => string.Concat(ix.Select(i => s_whitespace[i])))));

    /// <summary>Keys: mostly the schema's, sometimes miscased, foreign or random (unpaired surrogates included).</summary>
    public static Gen<string> Key { get; } = Gen.Frequency(
        (12, Gen.Const("name")),
        (12, Gen.Const("description")),
        (1, Gen.OneOf("Name", "NAME", "Description", "snapshot", "size", "status", "metadata", "name ", "")),
        (1, Text));

    /// <summary>A string, number or literal.</summary>
    public static Gen<Json> Scalar { get; } = Gen.Frequency<Json>(
        (3, Text.Select(t => (Json)new Json.String(t))),
        (1, Gen.OneOf("0", "-1", "3.5e2", "255", "1e400", "true", "false", "null").Select(t => (Json)new Json.Literal(t))));

    /// <summary>Any JSON value, a few levels deep.</summary>
    public static Gen<Json> Value { get; } = Gen.Recursive<Json>((depth, inner) => depth >= 3
        ? Scalar
        : Gen.Frequency<Json>(
            (6, Scalar),
            (1, inner.Array[0, 3].Select(items => (Json)new Json.Array(items))),
            (1, Gen.Select(Key, inner, (k, v) => (k, v)).Array[0, 3].Select(members => (Json)new Json.Object(members)))));

    /// <summary>The snapshot object: 0–3 members, mostly name/description strings.</summary>
    public static Gen<Json> SnapshotObject { get; } = Gen.Select(Key, Gen.Frequency((12, Text.Select(t => (Json)new Json.String(t))), (1, Value)), (k, v) => (k, v))
        .Array[Gen.Frequency((6, Gen.Int[1, 2]), (1, Gen.Int[0, 3]))].Select(members => (Json)new Json.Object(members));

    /// <summary>The top level: mostly the schema's shape.</summary>
    public static Gen<Json> Document { get; } = Gen.Frequency(
        (14, SnapshotObject.Select(s => (Json)new Json.Object([("snapshot", s)]))),
        (1, Gen.Select(SnapshotObject, Key, Value, (s, k, v) => (Json)new Json.Object([("snapshot", s), (k, v)]))),
        (1, Gen.Select(SnapshotObject, SnapshotObject, (a, b) => (Json)new Json.Object([("snapshot", a), ("snapshot", b)]))),
        (1, SnapshotObject.Select(s => (Json)new Json.Object([("Snapshot", s)]))),
        (1, Value));

    /// <summary>What is sent: a rendered document (seeded escaping and whitespace), random bytes, or a damaged document.</summary>
    public static Gen<byte[]> Body { get; } = Gen.Frequency(
        (14, Gen.Select(Document, Gen.Int, (d, seed) => Render(d, seed))),
        (1, Gen.Byte.Array[0, 300]),
        (2, Gen.Select(Document, Gen.Int, Gen.Int[0, 3], Gen.Int[0, 10_000], Gen.Byte, (d, seed, how, at, b) => Damage(Render(d, seed), how, at, b))));

    public static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes JSON as UTF-8, choosing escapes and whitespace from <paramref name="seed"/>.</summary>
    public static byte[] Render(Json document, int seed)
    {
        var random = new Random(seed);
        var output = new List<byte>();
        Write(document, random, output);
        return [.. output];
    }

    private static string Boundary(int unit, int delta, int before, int after, int space)
    {
        // A core of 255 + delta bytes (as near as the unit allows), with whitespace either side: some only fit once trimmed.
        var bytes = Encoding.UTF8.GetByteCount(s_boundaryUnits[unit]);
        var core = string.Concat(Enumerable.Repeat(s_boundaryUnits[unit], Math.Max(0, (255 + delta) / bytes)));
        return string.Concat(Enumerable.Repeat(s_whitespace[space], before)) + core + string.Concat(Enumerable.Repeat(s_whitespace[space], after));
    }

    private static byte[] Damage(byte[] body, int how, int at, byte value)
    {
        if (body.Length == 0)
        {
            return [value];
        }

        var i = at % body.Length;
        return how switch
        {
            0 => [.. body[..i], value, .. body[i..]],
            1 => [.. body[..i], .. body[(i + 1)..]],
            2 => [.. body[..i], value, .. body[(i + 1)..]],
            _ => body[..i],
        };
    }

    private static void Write(Json value, Random random, List<byte> output)
    {
        Space(random, output);
        switch (value)
        {
            case Json.String s:
                WriteString(s.Value, random, output);
                break;
            case Json.Literal literal:
                output.AddRange(Encoding.UTF8.GetBytes(literal.Text));
                break;
            case Json.Array array:
                output.Add((byte)'[');
                for (var i = 0; i < array.Items.Length; i++)
                {
                    if (i > 0)
                    {
                        output.Add((byte)',');
                    }

                    Write(array.Items[i], random, output);
                }

                Space(random, output);
                output.Add((byte)']');
                break;
            case Json.Object obj:
                output.Add((byte)'{');
                for (var i = 0; i < obj.Members.Length; i++)
                {
                    if (i > 0)
                    {
                        output.Add((byte)',');
                    }

                    Space(random, output);
                    WriteString(obj.Members[i].Key, random, output);
                    Space(random, output);
                    output.Add((byte)':');
                    Write(obj.Members[i].Value, random, output);
                }

                Space(random, output);
                output.Add((byte)'}');
                break;
        }

        Space(random, output);
    }

    private static void Space(Random random, List<byte> output)
    {
        var roll = random.Next(400);
        if (roll < 60)
        {
            output.AddRange(Encoding.UTF8.GetBytes(new[] { " ", "\t", "\n", "\r\n", "  " }[roll % 5]));
        }
        else if (roll == 399)
        {
            output.AddRange(Encoding.UTF8.GetBytes("\u00A0")); // not JSON whitespace: the body is malformed
        }
    }

    private static void WriteString(string text, Random random, List<byte> output)
    {
        output.Add((byte)'"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var roll = random.Next(100);
            if (pair)
            {
                output.AddRange(roll < 80 ? Encoding.UTF8.GetBytes(text.Substring(i, 2)) : Ascii($"\\u{(int)c:X4}\\u{(int)text[i + 1]:x4}"));
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                // Only an escape can carry an unpaired surrogate; now and then send its CESU-8 bytes instead (invalid UTF-8).
                output.AddRange(roll < 95 ? Ascii($"\\u{(int)c:X4}") : [(byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F))]);
            }
            else if (c is '"' or '\\')
            {
                output.AddRange(roll < 80 ? Ascii("\\" + c) : Ascii($"\\u{(int)c:x4}"));
            }
            else if (c < 0x20)
            {
                var shortForm = c switch { '\n' => "\\n", '\t' => "\\t", '\r' => "\\r", '\b' => "\\b", '\f' => "\\f", _ => null };
                output.AddRange(roll < 2 ? [(byte)c] : roll < 50 && shortForm is not null ? Ascii(shortForm) : Ascii($"\\u{(int)c:X4}"));
            }
            else
            {
                output.AddRange(roll < 90 ? Encoding.UTF8.GetBytes(c.ToString()) : c == '/' && roll < 95 ? Ascii("\\/") : Ascii($"\\u{(int)c:x4}"));
            }
        }

        output.Add((byte)'"');
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}

/// <summary>A JSON value to render.</summary>
public abstract record Json
{
    public sealed record String(string Value) : Json;

    public sealed record Literal(string Text) : Json;

    public sealed record Array(Json[] Items) : Json;

    public sealed record Object((string Key, Json Value)[] Members) : Json;
}
