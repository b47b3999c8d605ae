using Evs.Snapshots;
using EvsCodegen.Runtime.AspNetCore;

namespace EvsCodegen.Benchmarks.Server;

/// <summary>
/// A diagnostic host for item 5, not a contender: the generated controller's action body, line for line, as a
/// minimal-API endpoint. Against "generated" it prices MVC (controller activation, action selection, filters);
/// against "minimal" it prices the generated runtime (a body array, one JSON pass).
/// </summary>
public static class GeneratedRuntimeEndpoint
{
    /// <summary>The body of <c>SnapshotsApiController.UpdateSnapshotAsync</c>.</summary>
    public static async Task UpdateSnapshotAsync(HttpContext http)
    {
        try
        {
            ApiServerRuntime.CheckContentType(http, "application/json");
            var payload = await ApiServerRuntime.ReadBodyAsync(http).ConfigureAwait(false);
            var parsed = ApiServerRuntime.ParseJson(payload, required: true, UpdateSnapshotRequestJsonConverter.ReadValue);
            await ApiServerRuntime.InterceptAsync(http, "updateSnapshot").ConfigureAwait(false);
            var rawProjectId = ApiServerRuntime.Value(ApiServerRuntime.Route(http, "project_id"), "project_id", required: true);
            var projectId = rawProjectId is null ? default! : rawProjectId;
            var rawSnapshotId = ApiServerRuntime.Value(ApiServerRuntime.Route(http, "snapshot_id"), "snapshot_id", required: true);
            var snapshotId = rawSnapshotId is null ? default! : rawSnapshotId;
            var body = parsed.Value;
            var api = http.RequestServices.GetRequiredService<ISnapshotsApi>();
            var result = await api.UpdateSnapshotAsync(projectId, snapshotId, body, http.RequestAborted).ConfigureAwait(false);
            await ApiServerRuntime.WriteJsonAsync(http, 200, result, SnapshotResponseJsonConverter.WriteValue).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            await ApiServerRuntime.WriteFailureAsync(http, exception, ApiFaults.Table).ConfigureAwait(false);
        }
    }
}
