using System.Text;
using System.Text.Json;

namespace EvsCodegen.Runtime.Tests.Json;

/// <summary>A point with tags, read the way the generated converters read an object: the shape the reader's checks are made for.</summary>
internal sealed record Point(int X, IReadOnlyList<string> Tags);

/// <summary>Runs reads through <see cref="ApiJsonReader.Deserialize{T}"/> as the generated code does.</summary>
internal static class JsonRead
{
    public static T Strict<T>(string json, ApiJsonReadFunc<T> read) => ApiJsonReader.Deserialize(Encoding.UTF8.GetBytes(json), read, strict: true);

    public static T Lenient<T>(string json, ApiJsonReadFunc<T> read) => ApiJsonReader.Deserialize(Encoding.UTF8.GetBytes(json), read, strict: false);

    /// <summary>The failure of a strict read.</summary>
    public static ApiJsonException StrictFailure<T>(string json, ApiJsonReadFunc<T> read) =>
        Assert.Throws<ApiJsonException>(() => Strict(json, read));

    /// <summary>Reads <c>{"x": int (required), "tags": [string]}</c>; any other key is unknown.</summary>
    public static Point ReadPoint(ref Utf8JsonReader reader, ApiJsonReader context)
    {
        context.Expect(ref reader, JsonTokenType.StartObject, "an object");
        int? x = null;
        List<string>? tags = null;
        while (true)
        {
            context.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            context.CheckKey(ref reader);
            var key = context.ReadKey(ref reader);
            context.Read(ref reader);
            context.Push(key);
            switch (key)
            {
                case "x":
                    context.CheckUniqueKey(x is not null, key);
                    x = context.ReadInt32(ref reader);
                    break;
                case "tags":
                    context.CheckUniqueKey(tags is not null, key);
                    tags = ReadTags(ref reader, context);
                    break;
                default:
                    context.CheckKnownKey(key);
                    reader.Skip();
                    break;
            }

            context.Pop();
        }

        context.CheckRequired(x is not null, "x");
        return new Point(x!.Value, tags ?? []);
    }

    private static List<string> ReadTags(ref Utf8JsonReader reader, ApiJsonReader context)
    {
        context.Expect(ref reader, JsonTokenType.StartArray, "an array");
        var tags = new List<string>();
        while (true)
        {
            context.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            context.PushIndex(tags.Count);
            var tag = context.ReadString(ref reader);
            context.CheckLength(tag, 1, 3);
            tags.Add(tag);
            context.Pop();
        }

        context.CheckCount(tags.Count, null, 4, "items");
        return tags;
    }
}
