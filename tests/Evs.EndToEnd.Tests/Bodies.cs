using System.Text;

namespace Evs.EndToEnd.Tests;

/// <summary>Request bodies the tests share.</summary>
public static class Bodies
{
    /// <summary>Cinder's limit, as the host applies it.</summary>
    public const int MaxBodyBytes = Evs.Server.EvsHost.MaxBodyBytes;

    /// <summary>
    /// <paramref name="json"/> followed by spaces up to exactly <paramref name="size"/> bytes: still valid JSON, so
    /// only the size decides the answer.
    /// </summary>
    public static string PaddedToSize(string json, int size)
    {
        var length = Encoding.UTF8.GetByteCount(json);
        Assert.True(length <= size);
        return json + new string(' ', size - length);
    }

    /// <summary>The update body for a name and/or description, each written as a JSON string literal exactly as given.</summary>
    public static string Update(string? nameLiteral, string? descriptionLiteral)
    {
        var fields = new List<string>();
        if (nameLiteral is not null)
        {
            fields.Add("\"name\": " + nameLiteral);
        }

        if (descriptionLiteral is not null)
        {
            fields.Add("\"description\": " + descriptionLiteral);
        }

        return "{\"snapshot\": {" + string.Join(", ", fields) + "}}";
    }
}
