using Evs.Backend;
using Evs.Snapshots;
using EvsCodegen.Runtime;
using EvsCodegen.Runtime.AspNetCore;
using Microsoft.AspNetCore.Http.Features;

namespace Evs.Server;

/// <summary>
/// The EVS rules that come before the generated controller, in the contract's order: body too large (413),
/// token missing, repeated or unknown (401), no such route (404); and a 500 that hides internals for anything unexpected.
/// </summary>
public sealed class EvsRequestGuard(RequestDelegate next, SnapshotStore store, ILogger<EvsRequestGuard> logger)
{
    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            if (!await BodyFitsAsync(http))
            {
                await ApiServerRuntime.WriteErrorAsync(http, ApiFaults.Table, 413, $"The request body is larger than {EvsHost.MaxBodyBytes} bytes.");
                return;
            }

            if (HttpMethods.IsGet(http.Request.Method) && http.Request.Path.Equals(EvsHost.DocumentPath, StringComparison.Ordinal))
            {
                await ServeDocumentAsync(http);
                return;
            }

            // Two values (two lines, or one comma-joined line, which RFC 9110 5.3 makes equivalent) are ambiguous: taking
            // either would let the order of headers decide between a member and a reader, so neither is taken.
            var values = http.Request.Headers["X-Auth-Token"];
            if (values.Count > 1 || (values.Count == 1 && values[0]!.Contains(',', StringComparison.Ordinal)))
            {
                await ApiServerRuntime.WriteErrorAsync(http, ApiFaults.Table, 401, "The request must carry exactly one X-Auth-Token value.");
                return;
            }

            var token = store.FindToken(values.FirstOrDefault());
            if (token is null)
            {
                var message = http.Request.Headers.ContainsKey("X-Auth-Token") ? "The token in X-Auth-Token is not valid." : "The request needs an X-Auth-Token header.";
                await ApiServerRuntime.WriteErrorAsync(http, ApiFaults.Table, 401, message);
                return;
            }

            http.RequestServices.GetRequiredService<CallerContext>().Token = token;
            await next(http);
            if (!http.Response.HasStarted && http.Response.StatusCode is 404 or 405 && http.Response.ContentLength is null)
            {
                await ApiServerRuntime.WriteErrorAsync(http, ApiFaults.Table, 404, $"No resource answers {http.Request.Method} {http.Request.Path}.");
            }
        }
        catch (BadHttpRequestException exception)
        {
            // Kestrel's verdict on the HTTP framing (a malformed chunk, a body cut short, too slow): the client's fault, not a 500.
            logger.LogDebug(exception, "Unreadable request body for {Method} {Path}", http.Request.Method, http.Request.Path);
            await ApiServerRuntime.WriteErrorAsync(http, ApiFaults.Table, exception.StatusCode, "The request body cannot be read: " + exception.Message);
        }
        catch (Exception exception) when (!(exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested))
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
            await ApiServerRuntime.WriteErrorAsync(http, ApiFaults.Table, 500, ApiServerRuntime.InternalErrorMessage);
        }
    }

    /// <summary>
    /// Checks the size before anything else, with or without Content-Length: a chunked body is buffered, counting its
    /// payload, up to one byte past the limit, so the answer is 413 before the token is even looked at.
    /// </summary>
    private static async Task<bool> BodyFitsAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.ContentLength is long length)
        {
            return length <= EvsHost.MaxBodyBytes;
        }

        if (http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true)
        {
            return true;
        }

        // Kestrel counts chunk framing (sizes, extensions, CRLFs) against MaxRequestBodySize, which would refuse a chunked
        // body of fewer payload bytes than the limit. The payload is counted below; Kestrel keeps a bound that holds the
        // framing of even one-byte chunks (6 bytes on the wire per payload byte), so the read stays bounded.
        var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false })
        {
            limit.MaxRequestBodySize = EvsHost.MaxBodyBytes * 8L;
        }

        var buffer = new MemoryStream();
        http.Response.RegisterForDispose(buffer);
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > EvsHost.MaxBodyBytes)
                {
                    return false;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }

        buffer.Position = 0;
        request.Body = buffer;
        return true;
    }

    private static async Task ServeDocumentAsync(HttpContext http)
    {
        await using var stream = typeof(EvsHost).Assembly.GetManifestResourceStream("Evs.Server.evs-snapshots.yaml")!;
        http.Response.ContentType = "application/yaml";
        await stream.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}

/// <summary>
/// The project in the URL must be the token's project (400 otherwise). Runs after the JSON syntax check and before
/// schema validation, as the contract's order of checks requires.
/// </summary>
public sealed class ProjectScopeInterceptor : IApiRequestInterceptor
{
    /// <inheritdoc/>
    public ValueTask OnRequestAsync(ApiRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var token = context.HttpContext.RequestServices.GetRequiredService<CallerContext>().Token;
        var project = context.HttpContext.Request.RouteValues["project_id"] as string;
        if (token is not null && project is not null && !string.Equals(project, token.ProjectId, StringComparison.Ordinal))
        {
            throw new ApiException(400, $"The project '{project}' in the URL is not the project of the token.");
        }

        return ValueTask.CompletedTask;
    }
}
