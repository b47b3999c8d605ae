using System.Globalization;
using Evs.Snapshots;
using EvsCodegen.Runtime;

namespace Evs.Backend;

/// <summary>Who is calling: the token's project and roles. Set per request by the host.</summary>
public sealed class CallerContext
{
    /// <summary>The caller's token, or null outside a request (e.g. direct use in tests: full access).</summary>
    public EvsToken? Token { get; set; }
}

/// <summary>
/// The EVS rules the document cannot express: lookup per project (another project's snapshot is 404, never 403),
/// the reader role, partial updates, trimming after the length check and <c>updated_at</c>.
/// </summary>
public sealed class InMemorySnapshotsApi(SnapshotStore store, CallerContext caller, TimeProvider time) : ISnapshotsApi
{
    /// <inheritdoc/>
    public Task<SnapshotResponse> ShowSnapshotAsync(string projectId, string snapshotId, CancellationToken cancellationToken = default)
    {
        var snapshot = store.Find(projectId, snapshotId) ?? throw NotFound(snapshotId);
        return Task.FromResult(snapshot.ToResponse());
    }

    /// <inheritdoc/>
    public Task<SnapshotResponse> UpdateSnapshotAsync(string projectId, string snapshotId, UpdateSnapshotRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        cancellationToken.ThrowIfCancellationRequested();
        if (store.Find(projectId, snapshotId) is null)
        {
            throw NotFound(snapshotId);
        }

        if (caller.Token is { CanWrite: false })
        {
            throw new ApiException(403, "Policy doesn't allow volume:update_snapshot to be performed.");
        }

        // Cinder checks the length first, then strips: "   " is stored as "".
        var name = body.Snapshot.Name?.Trim(s_pythonWhitespace);
        var description = body.Snapshot.Description?.Trim(s_pythonWhitespace);
        var now = Truncate(time.GetUtcNow());
        var updated = store.Update(projectId, snapshotId, current => current with
        {
            Name = name ?? current.Name,
            Description = description ?? current.Description,
            UpdatedAt = now < current.CreatedAt ? current.CreatedAt : now,
        }) ?? throw NotFound(snapshotId);
        return Task.FromResult(updated.ToResponse());
    }

    // Cinder strips with Python's str.strip(), whose whitespace is .NET's plus the information separators U+001C-U+001F.
    private static readonly char[] s_pythonWhitespace = [.. Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(c => char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F')];

    /// <summary>Timestamps travel with six fractional digits; keep the stored value exactly what is sent.</summary>
    private static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    private static ApiException NotFound(string snapshotId) =>
        new(404, string.Create(CultureInfo.InvariantCulture, $"Snapshot {snapshotId} could not be found."));
}
