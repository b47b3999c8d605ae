namespace Evs.EndToEnd.Tests;

/// <summary>Seed files for the seed tests: a valid one, and the same with one thing broken.</summary>
public static class SeedJson
{
    public const string Valid = """
        {
          "tokens": [{"token": "seed-token", "project_id": "seedproject", "roles": ["member"]}],
          "snapshots": [
            {"project_id": "seedproject", "id": "seed-snap", "volume_id": "v", "name": "from the seed file", "description": "",
             "status": "backing-up", "size": 3, "metadata": {"k": "v"}, "created_at": "2021-02-03T04:05:06.070809", "updated_at": null}
          ]
        }
        """;

    /// <summary>Each broken seed (name, content) with a fragment the problem's description must contain.</summary>
    public static TheoryData<string, string, string> Broken => new()
    {
        { "invalid JSON", """{"tokens": [""", "is not valid JSON" },
        { "not an object", """[]""", "$: the top level must be an object" },
        { "tokens not an array", """{"tokens": {}, "snapshots": []}""", "$.tokens: must be an array" },
        { "size as a string", Valid.Replace("\"size\": 3", "\"size\": \"3\"", StringComparison.Ordinal), "$.snapshots[0].size: must be a non-negative integer" },
        { "negative size", Valid.Replace("\"size\": 3", "\"size\": -1", StringComparison.Ordinal), "$.snapshots[0].size: must be a non-negative integer" },
        { "name as a number", Valid.Replace("\"from the seed file\"", "5", StringComparison.Ordinal), "$.snapshots[0].name: must be a string" },
        { "metadata value not a string", Valid.Replace("{\"k\": \"v\"}", "{\"k\": 1}", StringComparison.Ordinal), "$.snapshots[0].metadata.k: must be a string" },
        { "unknown role", Valid.Replace("[\"member\"]", "[\"Reader\"]", StringComparison.Ordinal), "$.tokens[0].roles[0]: unknown role 'Reader' (roles are case-sensitive; known roles: member, reader)" },
        { "token with a comma", Valid.Replace("\"seed-token\"", "\"seed,token\"", StringComparison.Ordinal), "$.tokens[0].token: must not contain a comma" },
        { "role not a string", Valid.Replace("[\"member\"]", "[1]", StringComparison.Ordinal), "$.tokens[0].roles[0]: a role must be a non-empty string" },
        { "unknown status", Valid.Replace("backing-up", "frozen", StringComparison.Ordinal), "$.snapshots[0].status: 'frozen' is not one of creating, available, error, deleting, error_deleting, rollbacking, backing-up" },
        { "duplicate snapshot id", Valid.Replace("  ]\n}", "  ,{\"project_id\": \"seedproject\", \"id\": \"seed-snap\", \"volume_id\": \"v2\", \"name\": \"\", \"description\": \"\", \"status\": \"available\", \"size\": 1, \"metadata\": {}, \"created_at\": \"2021-02-03T04:05:06.070809\", \"updated_at\": null}\n  ]\n}", StringComparison.Ordinal), "$.snapshots[1].id: the snapshot 'seed-snap' is listed twice in project 'seedproject'" },
        { "duplicate token", Valid.Replace("\"roles\": [\"member\"]}]", "\"roles\": [\"member\"]}, {\"token\": \"seed-token\", \"project_id\": \"other\", \"roles\": [\"reader\"]}]", StringComparison.Ordinal), "$.tokens[1].token: the token 'seed-token' is listed twice" },
        { "updated_at before created_at", Valid.Replace("\"updated_at\": null", "\"updated_at\": \"2021-02-03T04:05:06.070808\"", StringComparison.Ordinal), "$.snapshots[0].updated_at: must not be earlier than created_at" },
        { "timestamp with Z", Valid.Replace("04:05:06.070809\"", "04:05:06.070809Z\"", StringComparison.Ordinal), "$.snapshots[0].created_at: must be null or a UTC timestamp formatted as yyyy-MM-ddTHH:mm:ss.ffffff" },
        { "missing key", Valid.Replace("\"volume_id\": \"v\", ", string.Empty, StringComparison.Ordinal), "$.snapshots[0]: the key 'volume_id' is missing" },
        { "unknown key", Valid.Replace("\"size\": 3", "\"size\": 3, \"bootable\": true", StringComparison.Ordinal), "$.snapshots[0]: unknown key 'bootable'" },
        { "name over 255 bytes", Valid.Replace("from the seed file", new string('中', 86), StringComparison.Ordinal), "$.snapshots[0].name: must be at most 255 bytes of UTF-8" },
        { "duplicate key", Valid.Replace("\"size\": 3", "\"size\": 3, \"size\": 4", StringComparison.Ordinal), "is not valid JSON" },
        { "escaped unpaired surrogate", Valid.Replace("from the seed file", "\\uD800", StringComparison.Ordinal), "$.snapshots[0].name: must be valid Unicode text" },
        { "escaped unpaired surrogate in a key", Valid.Replace("{\"k\": \"v\"}", "{\"\\uDC00\": \"v\"}", StringComparison.Ordinal), "not valid Unicode" },
    };
}
