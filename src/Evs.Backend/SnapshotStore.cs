using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Evs.Backend;

/// <summary>
/// The emulator's state: snapshots per project and the known tokens. Thread-safe; updates are compare-and-swap
/// on immutable values, so concurrent updates of different fields both land and a failed update changes nothing.
/// </summary>
public sealed class SnapshotStore
{
    private readonly ConcurrentDictionary<(string ProjectId, string Id), StoredSnapshot> _snapshots = new();
    private readonly FrozenDictionary<string, EvsToken> _tokens;

    /// <summary>Creates a store holding <paramref name="seed"/>.</summary>
    public SnapshotStore(SeedData seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        _tokens = seed.Tokens.ToFrozenDictionary(t => t.Token, StringComparer.Ordinal);
        foreach (var snapshot in seed.Snapshots)
        {
            _snapshots[(snapshot.ProjectId, snapshot.Id)] = snapshot;
        }
    }

    /// <summary>The token's details, or null when unknown.</summary>
    public EvsToken? FindToken(string? token) =>
        token is not null && _tokens.TryGetValue(token, out var found) ? found : null;

    /// <summary>A snapshot of a project, or null.</summary>
    public StoredSnapshot? Find(string projectId, string id) =>
        _snapshots.TryGetValue((projectId, id), out var snapshot) ? snapshot : null;

    /// <summary>
    /// Applies <paramref name="change"/> atomically to the current value of a snapshot and returns the stored
    /// result, or null when there is no such snapshot. The change may run more than once under contention.
    /// </summary>
    public StoredSnapshot? Update(string projectId, string id, Func<StoredSnapshot, StoredSnapshot> change)
    {
        var key = (projectId, id);
        while (true)
        {
            if (!_snapshots.TryGetValue(key, out var current))
            {
                return null;
            }

            var updated = change(current);
            if (_snapshots.TryUpdate(key, updated, current))
            {
                return updated;
            }
        }
    }
}
