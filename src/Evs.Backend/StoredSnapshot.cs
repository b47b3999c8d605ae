using Evs.Snapshots;

namespace Evs.Backend;

/// <summary>One snapshot as the store keeps it. Immutable: an update swaps the whole value atomically.</summary>
/// <param name="ProjectId">The owning project.</param>
/// <param name="Id">The snapshot ID.</param>
/// <param name="VolumeId">The volume the snapshot belongs to.</param>
/// <param name="Name">The name.</param>
/// <param name="Description">The description.</param>
/// <param name="Status">The status.</param>
/// <param name="Size">The size in GB.</param>
/// <param name="Metadata">String metadata.</param>
/// <param name="CreatedAt">Creation time (UTC, microsecond precision).</param>
/// <param name="UpdatedAt">Last update time, or null before the first update.</param>
public sealed record StoredSnapshot(
    string ProjectId,
    string Id,
    string VolumeId,
    string Name,
    string Description,
    SnapshotStatus Status,
    int Size,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>The API's view of the snapshot.</summary>
    public SnapshotResponse ToResponse() => new()
    {
        Snapshot = new SnapshotDetail
        {
            Id = Id,
            Status = Status,
            Name = Name,
            Description = Description,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
            Metadata = Metadata,
            VolumeId = VolumeId,
            Size = Size,
        },
    };
}

/// <summary>An API token and what it may do.</summary>
/// <param name="Token">The token value sent as <c>X-Auth-Token</c>.</param>
/// <param name="ProjectId">The project the token is scoped to.</param>
/// <param name="Roles">Its roles; only <c>member</c> grants updates, any token may read.</param>
public sealed record EvsToken(string Token, string ProjectId, IReadOnlyList<string> Roles)
{
    /// <summary>The role that grants updates (Cinder's <c>volume:update_snapshot</c> needs a project member).</summary>
    public const string WriterRole = "member";

    /// <summary>The role that grants reading only.</summary>
    public const string ReaderRole = "reader";

    /// <summary>The roles a seed file may name, ordinal (case-sensitive): anything else is refused at start-up.</summary>
    public static IReadOnlyList<string> KnownRoles { get; } = [WriterRole, ReaderRole];

    /// <summary>
    /// Whether the token may change resources: granted by <see cref="WriterRole"/> only, so a role nobody
    /// documented (a typo such as <c>Reader</c>) fails closed instead of granting writes.
    /// </summary>
    public bool CanWrite => Roles.Contains(WriterRole, StringComparer.Ordinal);
}
