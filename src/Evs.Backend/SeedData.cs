using System.Globalization;
using System.Text;
using System.Text.Json;
using Evs.Snapshots;

namespace Evs.Backend;

/// <summary>The tokens and snapshots the emulator starts with.</summary>
/// <param name="Tokens">Known tokens.</param>
/// <param name="Snapshots">Snapshots, any project.</param>
public sealed record SeedData(IReadOnlyList<EvsToken> Tokens, IReadOnlyList<StoredSnapshot> Snapshots)
{
    /// <summary>The wire format of timestamps, as the document's <c>x-datetime-format</c> says.</summary>
    public const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss.ffffff";

    /// <summary>
    /// The largest seed file read, in bytes (4 MiB: the demo data is under 1 KiB, and thousands of snapshots fit).
    /// </summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The built-in demo data set (the seed page's example snapshot and two tokens).</summary>
    public static SeedData Default { get; } = LoadDefault();

    /// <summary>Reads a seed file; any problem is a <see cref="SeedException"/> naming the file and the place.</summary>
    public static SeedData LoadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = ReadBounded(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SeedException(path, "the file cannot be read: " + exception.Message);
        }

        return Parse(bytes, path);
    }

    /// <summary>
    /// Reads at most <see cref="MaxFileBytes"/> + 1 bytes whatever the file claims: a device such as /dev/zero has no
    /// length and never ends, so File.ReadAllBytes would grow its buffer until the process dies.
    /// </summary>
    private static byte[] ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, MaxFileBytes + 1L - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxFileBytes)
            {
                throw new SeedException(path, $"the file is larger than {MaxFileBytes} bytes");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Parses seed JSON; <paramref name="source"/> names it in errors.</summary>
    public static SeedData Parse(ReadOnlySpan<byte> json, string source)
    {
        // JsonDocument checks UTF-8 only where it decodes, so a bad byte in a string would surface later as an
        // InvalidOperationException; check the whole file first.
        var start = json.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        if (!System.Text.Unicode.Utf8.IsValid(json[start..]))
        {
            throw new SeedException(source, "the file is not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json[start..].ToArray(), new JsonDocumentOptions { MaxDepth = 32, AllowDuplicateProperties = false });
        }
        catch (JsonException exception)
        {
            throw new SeedException(source, "the file is not valid JSON: " + exception.Message);
        }
        catch (InvalidOperationException exception)
        {
            // Comparing keys for duplicates decodes them; an escaped unpaired surrogate ("\uD800") cannot be decoded.
            throw new SeedException(source, "the file holds text that is not valid Unicode: " + exception.Message);
        }

        using (document)
        {
            try
            {
                return new SeedReader(source).Read(document.RootElement);
            }
            catch (InvalidOperationException exception)
            {
                // A key or string holding an escaped unpaired surrogate (e.g. "\uD800") cannot become .NET text.
                throw new SeedException(source, "the file holds text that is not valid Unicode: " + exception.Message);
            }
        }
    }

    private static SeedData LoadDefault()
    {
        using var stream = typeof(SeedData).Assembly.GetManifestResourceStream("Evs.Backend.DefaultSeed.json")
            ?? throw new InvalidOperationException("The embedded default seed is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.ToArray(), "(built-in demo data)");
    }

    /// <summary>Parses a timestamp in the wire format (UTC).</summary>
    public static bool TryParseTimestamp(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    private sealed class SeedReader(string source)
    {
        public SeedData Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Fail("$", "the top level must be an object with 'tokens' and 'snapshots'");
            }

            CheckKeys(root, "$", "tokens", "snapshots");
            var tokens = new List<EvsToken>();
            foreach (var (item, at) in Array(root, "tokens", "$"))
            {
                CheckKeys(item, at, "token", "project_id", "roles");
                var roles = Array(item, "roles", at).Select(r => Role(r.Item, r.At)).ToList();
                var token = new EvsToken(NonEmpty(item, "token", at), NonEmpty(item, "project_id", at), roles);
                if (token.Token.Contains(',', StringComparison.Ordinal))
                {
                    // The host reads "a,b" in X-Auth-Token as two values (RFC 9110 5.3) and refuses it, so such a token could never be used.
                    throw Fail(at + ".token", "must not contain a comma");
                }
                if (tokens.Any(t => t.Token == token.Token))
                {
                    throw Fail(at + ".token", $"the token '{token.Token}' is listed twice");
                }

                tokens.Add(token);
            }

            var snapshots = new List<StoredSnapshot>();
            foreach (var (item, at) in Array(root, "snapshots", "$"))
            {
                snapshots.Add(ReadSnapshot(item, at, snapshots));
            }

            return new SeedData(tokens, snapshots);
        }

        private StoredSnapshot ReadSnapshot(JsonElement item, string at, List<StoredSnapshot> existing)
        {
            CheckKeys(item, at, "project_id", "id", "volume_id", "name", "description", "status", "size", "metadata", "created_at", "updated_at");
            var status = new SnapshotStatus(NonEmpty(item, "status", at));
            if (!status.IsKnown)
            {
                throw Fail(at + ".status", $"'{status}' is not one of {string.Join(", ", SnapshotStatus.KnownValues)}");
            }

            var size = Required(item, "size", at);
            if (size.ValueKind != JsonValueKind.Number || !size.TryGetInt32(out var gigabytes) || gigabytes < 0)
            {
                throw Fail(at + ".size", "must be a non-negative integer (GB)");
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var metadataElement = Required(item, "metadata", at);
            if (metadataElement.ValueKind != JsonValueKind.Object)
            {
                throw Fail(at + ".metadata", "must be an object of strings");
            }

            foreach (var property in metadataElement.EnumerateObject())
            {
                metadata[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : throw Fail($"{at}.metadata.{property.Name}", "must be a string");
            }

            var createdAt = Timestamp(item, "created_at", at) ?? throw Fail(at + ".created_at", "must not be null");
            var updatedAt = Timestamp(item, "updated_at", at);
            if (updatedAt < createdAt)
            {
                throw Fail(at + ".updated_at", "must not be earlier than created_at");
            }

            var snapshot = new StoredSnapshot(
                NonEmpty(item, "project_id", at), NonEmpty(item, "id", at), NonEmpty(item, "volume_id", at),
                Text(item, "name", at), Text(item, "description", at), status, gigabytes, metadata, createdAt, updatedAt);
            if (existing.Any(s => s.ProjectId == snapshot.ProjectId && s.Id == snapshot.Id))
            {
                throw Fail(at + ".id", $"the snapshot '{snapshot.Id}' is listed twice in project '{snapshot.ProjectId}'");
            }

            return snapshot;
        }

        private string Role(JsonElement item, string at)
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString()!.Length == 0)
            {
                throw Fail(at, "a role must be a non-empty string");
            }

            // A misspelt role would otherwise load silently and grant less (or, before, more) than meant.
            var role = item.GetString()!;
            return EvsToken.KnownRoles.Contains(role, StringComparer.Ordinal)
                ? role
                : throw Fail(at, $"unknown role '{role}' (roles are case-sensitive; known roles: {string.Join(", ", EvsToken.KnownRoles)})");
        }

        private IEnumerable<(JsonElement Item, string At)> Array(JsonElement parent, string key, string at)
        {
            var value = Required(parent, key, at);
            if (value.ValueKind != JsonValueKind.Array)
            {
                throw Fail($"{at}.{key}", "must be an array");
            }

            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                var itemAt = $"{at}.{key}[{index++}]";
                if (item.ValueKind != JsonValueKind.Object && key != "roles")
                {
                    throw Fail(itemAt, "must be an object");
                }

                yield return (item, itemAt);
            }
        }

        private void CheckKeys(JsonElement element, string at, params string[] allowed)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw Fail(at, $"unknown key '{property.Name}' (expected {string.Join(", ", allowed)})");
                }
            }
        }

        private JsonElement Required(JsonElement element, string key, string at) =>
            element.TryGetProperty(key, out var value) ? value : throw Fail(at, $"the key '{key}' is missing");

        private string NonEmpty(JsonElement element, string key, string at)
        {
            var text = Text(element, key, at);
            return text.Length > 0 ? text : throw Fail($"{at}.{key}", "must not be empty");
        }

        private string Text(JsonElement element, string key, string at)
        {
            var value = Required(element, key, at);
            if (value.ValueKind != JsonValueKind.String)
            {
                throw Fail($"{at}.{key}", "must be a string");
            }

            string text;
            try
            {
                text = value.GetString()!;
            }
            catch (InvalidOperationException)
            {
                throw Fail($"{at}.{key}", "must be valid Unicode text (it holds an escaped unpaired surrogate)");
            }

            if (key is "name" or "description" && Encoding.UTF8.GetByteCount(text) > 255)
            {
                throw Fail($"{at}.{key}", "must be at most 255 bytes of UTF-8");
            }

            return text;
        }

        private DateTimeOffset? Timestamp(JsonElement element, string key, string at)
        {
            var value = Required(element, key, at);
            if (value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String && TryParseTimestamp(value.GetString()!, out var parsed)
                ? parsed
                : throw Fail($"{at}.{key}", $"must be null or a UTC timestamp formatted as {TimestampFormat}");
        }

        private SeedException Fail(string at, string problem) => new(source, $"{at}: {problem}");
    }
}

/// <summary>A seed file that cannot be used; the message names the file and the problem.</summary>
public sealed class SeedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SeedException(string source, string problem)
        : base($"Seed file '{source}' is invalid: {problem}")
    {
        Source = source;
        Problem = problem;
    }

    /// <summary>The file.</summary>
    public new string Source { get; }

    /// <summary>What is wrong, and where in the file.</summary>
    public string Problem { get; }
}
