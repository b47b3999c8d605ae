using System.Globalization;
using Evs.Backend;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using EvsCodegen.Runtime.AspNetCore;
using Ours = Evs.Snapshots;
using Peer = Evs.NSwag.Server;

namespace Evs.NSwag.Tests.Infrastructure;

/// <summary>
/// NSwag's controller interface over our backend: NSwag's DTOs mapped field by field to ours and back. The project
/// scope rule, which our generated controller runs through an interceptor, is checked here.
/// </summary>
internal sealed class NSwagBackend(Ours.ISnapshotsApi api, CallerContext caller) : Peer.IEvsNSwagController
{
    private static readonly JsonSerializer s_enums = JsonSerializer.Create(new JsonSerializerSettings { Converters = [new StringEnumConverter()] });

    public async Task<Peer.SnapshotResponse> ShowSnapshotAsync(string project_id, string snapshot_id)
    {
        CheckProject(project_id);
        return ToPeer(await api.ShowSnapshotAsync(project_id, snapshot_id));
    }

    public async Task<Peer.SnapshotResponse> UpdateSnapshotAsync(Peer.UpdateSnapshotRequest body, string project_id, string snapshot_id)
    {
        CheckProject(project_id);
        var request = new Ours.UpdateSnapshotRequest
        {
            Snapshot = new Ours.UpdateSnapshotOption { Name = body.Snapshot.Name, Description = body.Snapshot.Description },
        };
        return ToPeer(await api.UpdateSnapshotAsync(project_id, snapshot_id, request));
    }

    private void CheckProject(string project)
    {
        if (caller.Token is { } token && !string.Equals(project, token.ProjectId, StringComparison.Ordinal))
        {
            throw new ApiException(400, $"The project '{project}' in the URL is not the project of the token.");
        }
    }

    private const string WireFormat = "yyyy-MM-ddTHH:mm:ss.ffffff";

    private static Peer.SnapshotResponse ToPeer(Ours.SnapshotResponse response)
    {
        var snapshot = response.Snapshot;
        return new Peer.SnapshotResponse
        {
            Snapshot = new Peer.SnapshotDetail
            {
                Id = snapshot.Id,
                Status = new Newtonsoft.Json.Linq.JValue(snapshot.Status.Value).ToObject<Peer.SnapshotStatus>(s_enums),
                Name = snapshot.Name,
                Description = snapshot.Description,
                // The document types timestamps as strings in x-datetime-format (NSwag ignores the extension).
                Created_at = snapshot.CreatedAt.UtcDateTime.ToString(WireFormat, CultureInfo.InvariantCulture),
                Updated_at = snapshot.UpdatedAt?.UtcDateTime.ToString(WireFormat, CultureInfo.InvariantCulture),
                Metadata = snapshot.Metadata.ToDictionary(),
                Volume_id = snapshot.VolumeId,
                Size = snapshot.Size,
            },
        };
    }
}

/// <summary>
/// Answers in the document's error envelope where NSwag's controller leaves it to the host: our backend's
/// <see cref="ApiException"/>, and a body the Newtonsoft formatter could not bind (NSwag's controller has no
/// <c>[ApiController]</c>, so nothing else answers 400 for it).
/// </summary>
internal sealed class EvsErrorFilter : IAsyncActionFilter, IAsyncExceptionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (!context.ModelState.IsValid)
        {
            var problem = context.ModelState.First(e => e.Value!.Errors.Count > 0);
            await ApiServerRuntime.WriteErrorAsync(context.HttpContext, Ours.ApiFaults.Table, 400, $"Invalid input for field/attribute {problem.Key}.");
            context.Result = new EmptyResult();
            return;
        }

        await next();
    }

    public async Task OnExceptionAsync(ExceptionContext context)
    {
        if (context.Exception is ApiException exception)
        {
            await ApiServerRuntime.WriteErrorAsync(context.HttpContext, Ours.ApiFaults.Table, exception.StatusCode, exception.Message);
            context.Result = new EmptyResult();
            context.ExceptionHandled = true;
        }
    }
}
