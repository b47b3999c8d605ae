using System.Globalization;
using Evs.Backend;
using Evs.Snapshots;
using Microsoft.AspNetCore.Mvc;
using N = EvsCodegen.Benchmarks.NSwagServer;

namespace EvsCodegen.Benchmarks.Server;

/// <summary>
/// What a user of NSwag's partial controller writes: the implementation interface, mapping NSwag's DTOs to the
/// same backend and doing the project-scope check the EVS host does in its interceptor. Validation is MVC's
/// (DataAnnotations: required, maxLength in characters); unknown keys, duplicate keys and UTF-8 byte limits are
/// not checked, so this server does less work than the other two.
/// </summary>
public sealed class NSwagImplementation(ISnapshotsApi api, CallerContext caller) : N.INSwagSnapshotsController
{
    private static readonly Dictionary<string, N.SnapshotStatus> s_statuses = new(StringComparer.Ordinal)
    {
        ["creating"] = N.SnapshotStatus.Creating,
        ["available"] = N.SnapshotStatus.Available,
        ["error"] = N.SnapshotStatus.Error,
        ["deleting"] = N.SnapshotStatus.Deleting,
        ["error_deleting"] = N.SnapshotStatus.Error_deleting,
        ["rollbacking"] = N.SnapshotStatus.Rollbacking,
        ["backing-up"] = N.SnapshotStatus.BackingUp,
    };

    /// <inheritdoc/>
    public async Task<ActionResult<N.SnapshotResponse>> ShowSnapshotAsync(string project_id, string snapshot_id) =>
        Map(await api.ShowSnapshotAsync(project_id, snapshot_id).ConfigureAwait(false));

    /// <inheritdoc/>
    public async Task<ActionResult<N.SnapshotResponse>> UpdateSnapshotAsync(N.UpdateSnapshotRequest body, string project_id, string snapshot_id)
    {
        if (body?.Snapshot is null || (body.Snapshot.Name is null && body.Snapshot.Description is null))
        {
            return new BadRequestResult();
        }

        if (caller.Token is { } token && !string.Equals(project_id, token.ProjectId, StringComparison.Ordinal))
        {
            return new BadRequestResult();
        }

        var request = new UpdateSnapshotRequest { Snapshot = new UpdateSnapshotOption { Name = body.Snapshot.Name, Description = body.Snapshot.Description } };
        return Map(await api.UpdateSnapshotAsync(project_id, snapshot_id, request).ConfigureAwait(false));
    }

    private const string WireFormat = "yyyy-MM-ddTHH:mm:ss.ffffff";

    private static N.SnapshotResponse Map(SnapshotResponse response) => new()
    {
        Snapshot = new N.SnapshotDetail
        {
            Id = response.Snapshot.Id,
            Status = s_statuses[response.Snapshot.Status.Value],
            Name = response.Snapshot.Name,
            Description = response.Snapshot.Description,
            // The document describes timestamps as strings in EVS's own format, so NSwag's model holds the wire text.
            Created_at = response.Snapshot.CreatedAt.UtcDateTime.ToString(WireFormat, CultureInfo.InvariantCulture),
            Updated_at = response.Snapshot.UpdatedAt?.UtcDateTime.ToString(WireFormat, CultureInfo.InvariantCulture),
            Metadata = response.Snapshot.Metadata.ToDictionary(),
            Volume_id = response.Snapshot.VolumeId,
            Size = response.Snapshot.Size,
        },
    };
}
