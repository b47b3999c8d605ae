using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvsCodegen.Benchmarks.Client;

/// <summary>The request body, written by hand for System.Text.Json's source generator.</summary>
/// <param name="Snapshot">The fields to update.</param>
public sealed record HandUpdateSnapshotRequest(HandUpdateSnapshotOption Snapshot);

/// <summary>The fields to update.</summary>
/// <param name="Name">New name, or null to keep it.</param>
/// <param name="Description">New description, or null to keep it.</param>
public sealed record HandUpdateSnapshotOption(string? Name, string? Description);

/// <summary>The response body.</summary>
/// <param name="Snapshot">The snapshot.</param>
public sealed record HandSnapshotResponse(HandSnapshotDetail Snapshot);

/// <summary>The snapshot as the server describes it.</summary>
public sealed record HandSnapshotDetail(
    string Id,
    HandSnapshotStatus Status,
    string Name,
    string Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt,
    Dictionary<string, string> Metadata,
    string VolumeId,
    int Size);

/// <summary>The snapshot's status.</summary>
public enum HandSnapshotStatus
{
    Creating,
    Available,
    Error,
    Deleting,
    ErrorDeleting,
    Rollbacking,
    [JsonStringEnumMemberName("backing-up")]
    BackingUp,
}

/// <summary>System.Text.Json's own source generator with snake_case names: reflection-free, the practical limit.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(HandUpdateSnapshotRequest))]
[JsonSerializable(typeof(HandSnapshotResponse))]
public sealed partial class HandWrittenJsonContext : JsonSerializerContext;

/// <summary>A client a person would write for <c>PUT /v3/{project_id}/snapshots/{snapshot_id}</c>.</summary>
/// <param name="httpClient">The HTTP client, with <c>BaseAddress</c> set.</param>
/// <param name="token">The <c>X-Auth-Token</c> sent on every call.</param>
public sealed class HandWrittenClient(HttpClient httpClient, string token)
{
    /// <summary>Updates a snapshot.</summary>
    public async Task<HandSnapshotResponse> UpdateSnapshotAsync(string projectId, string snapshotId, HandUpdateSnapshotRequest body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("v3/" + Uri.EscapeDataString(projectId) + "/snapshots/" + Uri.EscapeDataString(snapshotId), UriKind.Relative));
        request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, HandWrittenJsonContext.Default.HandUpdateSnapshotRequest))
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
        };
        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The server answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync(stream, HandWrittenJsonContext.Default.HandSnapshotResponse, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("The response body is null.");
        }
    }
}
