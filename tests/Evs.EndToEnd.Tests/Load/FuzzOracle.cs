using System.Text;
using System.Text.Json;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// An independent reading of the contract (System.Text.Json's JsonDocument, not the generated reader): what a PUT
/// with this body must answer, and on 200 what must be stored.
/// </summary>
public static class FuzzOracle
{
    public sealed record Expectation(int Status, string? Name, string? Description);

    private static readonly Expectation s_badRequest = new(400, null, null);

    public static Expectation Expect(byte[] body)
    {
        if (body.Length == 0 || !System.Text.Unicode.Utf8.IsValid(body) || body.AsSpan().StartsWith("\uFEFF"u8))
        {
            return s_badRequest;
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Select(p => p.Name).ToArray() is not ["snapshot"])
            {
                return s_badRequest;
            }

            var snapshot = root.GetProperty("snapshot");
            if (snapshot.ValueKind != JsonValueKind.Object)
            {
                return s_badRequest;
            }

            string? name = null;
            string? description = null;
            var count = 0;
            foreach (var property in snapshot.EnumerateObject())
            {
                count++;
                if (property.Name is not ("name" or "description") || property.Value.ValueKind != JsonValueKind.String)
                {
                    return s_badRequest;
                }

                var text = property.Value.GetString()!;
                if (FuzzBodies.HasUnpairedSurrogate(text) || Encoding.UTF8.GetByteCount(text) > 255)
                {
                    return s_badRequest;
                }

                // Cinder: the length is checked on the value as sent, then leading and trailing whitespace is stripped.
                if (property.Name == "name")
                {
                    name = text.Trim();
                }
                else
                {
                    description = text.Trim();
                }
            }

            return count == 0 ? s_badRequest : new Expectation(200, name, description);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return s_badRequest;
        }
    }
}
