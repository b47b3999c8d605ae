using System.Buffers;
using System.Text.Json;
using Evs.Backend;
using Evs.Snapshots;
using EvsCodegen.Runtime;
using EvsCodegen.Runtime.AspNetCore;

namespace EvsCodegen.Benchmarks.Server;

/// <summary>
/// Diagnostic, not a contender: the generated minimal-API endpoint's body (as emitted for the EVS update) with chosen
/// steps replaced by the hand-written endpoint's, so the in-process pair report can price each step
/// (host <c>variant:</c> followed by step names joined with <c>+</c>, e.g. <c>variant:write-pipe+intercept</c>;
/// <c>variant:none</c> is the generated body unchanged, its interceptors taken once for the mapping as the generated endpoints take them).
/// </summary>
public static class EndpointVariants
{
    /// <summary>The steps that can be swapped for the hand-written endpoint's.</summary>
    [Flags]
    public enum Steps
    {
        /// <summary>Nothing swapped: the generated body.</summary>
        None = 0,

        /// <summary>The media-type check inline instead of <c>ApiServerRuntime.CheckContentType</c>.</summary>
        ContentType = 1,

        /// <summary>The body read (pipe and strict JSON) as the hand-written endpoint reads it.</summary>
        Read = 2,

        /// <summary>The project check inline instead of <c>ApiServerRuntime.InterceptAsync</c> and the interceptor.</summary>
        Intercept = 4,

        /// <summary>The route values read directly instead of <c>Route</c> and <c>Value</c>.</summary>
        Route = 8,

        /// <summary>The answer's JSON written by a <c>Utf8JsonWriter</c> on the response pipe (no Content-Length), generated converter.</summary>
        WritePipe = 16,

        /// <summary>The answer's JSON written by the hand-written writer code (through the runtime's <c>WriteJsonAsync</c> unless <see cref="WritePipe"/>).</summary>
        WriteCode = 32,

        /// <summary>A copy of the runtime's <c>WriteJsonAsync</c> (buffer, then the response), to vary below.</summary>
        WriteCopy = 64,

        /// <summary>With <see cref="WriteCopy"/>: the buffer's writer skips validation.</summary>
        CopySkipValidation = 128,

        /// <summary>With <see cref="WriteCopy"/>: no Content-Length.</summary>
        CopyNoLength = 256,

        /// <summary>With <see cref="WriteCopy"/>: no async method for the flush when it completes at once.</summary>
        CopySync = 512,

        /// <summary>With <see cref="WriteCopy"/>: the buffer is reset without zeroing it.</summary>
        CopyNoClear = 1024,

        /// <summary>The runtime's interceptor call with a synchronous loop (no async method unless an interceptor is pending).</summary>
        InterceptSync = 2048,

        /// <summary>The hand-written endpoint's pipe handling with the generated strict reader.</summary>
        ReadPipe = 4096,

        /// <summary>Reads the request's Content-Length once more (the price of that header in this server).</summary>
        ExtraContentLength = 8192,

        /// <summary>The host also serves a GET on the same route, as the generated endpoints do (routing then chooses by method).</summary>
        AlsoGet = 16384,

        /// <summary>The interceptors resolved once for the process instead of from each request's services (their context still made per request).</summary>
        InterceptCached = 32768,

        /// <summary>The interceptors run by an async method, as the runtime did before (main 05f2717).</summary>
        InterceptAsyncMethod = 65536,

        /// <summary>The interceptors resolved from each request's services (<c>ApiServerRuntime.InterceptAsync</c>, the controllers' way) instead of taken once for the mapping.</summary>
        InterceptPerRequest = 131072,
    }

    private static readonly JsonWriterOptions s_pipeWriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses <c>content-type+read</c> style names.</summary>
    public static Steps Parse(string names)
    {
        var steps = Steps.None;
        foreach (var name in names.Split('+'))
        {
            steps |= name switch
            {
                "none" => Steps.None,
                "all" => Steps.ContentType | Steps.Read | Steps.Intercept | Steps.Route | Steps.WritePipe | Steps.WriteCode,
                "content-type" => Steps.ContentType,
                "read" => Steps.Read,
                "intercept" => Steps.Intercept,
                "route" => Steps.Route,
                "write-pipe" => Steps.WritePipe,
                "write-code" => Steps.WriteCode,
                "wc" => Steps.WriteCopy,
                "wc-skip" => Steps.WriteCopy | Steps.CopySkipValidation,
                "wc-nolen" => Steps.WriteCopy | Steps.CopyNoLength,
                "wc-sync" => Steps.WriteCopy | Steps.CopySync,
                "wc-noclear" => Steps.WriteCopy | Steps.CopyNoClear,
                "icpt-sync" => Steps.InterceptSync,
                "read-pipe" => Steps.ReadPipe,
                "extra-cl" => Steps.ExtraContentLength,
                "get" => Steps.AlsoGet,
                "icpt-cached" => Steps.InterceptCached,
                "icpt-async" => Steps.InterceptAsyncMethod,
                "icpt-per-request" => Steps.InterceptPerRequest,
                _ => throw new ArgumentException($"Unknown step '{name}'.", nameof(names)),
            };
        }

        return steps;
    }

    /// <summary>The update with <paramref name="steps"/> done the hand-written way.</summary>
    public static async Task UpdateSnapshotAsync(HttpContext http, Steps steps, ApiRequestInterceptors interceptors)
    {
        try
        {
            if ((steps & Steps.ContentType) != 0)
            {
                var contentType = http.Request.ContentType.AsSpan();
                var semicolon = contentType.IndexOf(';');
                if (!(semicolon >= 0 ? contentType[..semicolon] : contentType).Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase))
                {
                    throw new ApiException(415, "The Content-Type must be application/json.");
                }
            }
            else
            {
                ApiServerRuntime.CheckContentType(http, "application/json");
            }

            if ((steps & Steps.ExtraContentLength) != 0 && http.Request.ContentLength is null)
            {
                throw new ApiException(411, "Length Required");
            }

            UpdateSnapshotRequest body;
            if ((steps & Steps.Read) != 0)
            {
                var buffer = await HandWrittenEndpoint.ReadBodyAsync(http.Request.BodyReader, http.RequestAborted).ConfigureAwait(false);
                string? problem;
                string? name;
                string? description;
                try
                {
                    problem = HandWrittenEndpoint.Parse(buffer, out name, out description);
                }
                finally
                {
                    http.Request.BodyReader.AdvanceTo(buffer.End);
                }

                if (problem is not null && !problem.StartsWith("Invalid", StringComparison.Ordinal))
                {
                    throw new ApiException(400, problem);
                }

                await InterceptAsync(http, steps, interceptors).ConfigureAwait(false);
                if (problem is not null)
                {
                    throw new ApiException(400, problem);
                }

                body = new UpdateSnapshotRequest { Snapshot = new UpdateSnapshotOption { Name = name, Description = description } };
            }
            else if ((steps & Steps.ReadPipe) != 0)
            {
                var buffer = await HandWrittenEndpoint.ReadBodyAsync(http.Request.BodyReader, http.RequestAborted).ConfigureAwait(false);
                try
                {
                    if (!buffer.IsSingleSegment || !System.Text.Unicode.Utf8.IsValid(buffer.FirstSpan))
                    {
                        throw new ApiException(400, "The request body is not valid UTF-8.");
                    }

                    body = ApiJsonReader.Deserialize(buffer.FirstSpan, UpdateSnapshotRequestJsonConverter.ReadValue, strict: true);
                }
                finally
                {
                    http.Request.BodyReader.AdvanceTo(buffer.End);
                }

                await InterceptAsync(http, steps, interceptors).ConfigureAwait(false);
            }
            else
            {
                var parsed = await ApiServerRuntime.ReadJsonBodyAsync(http, required: true, UpdateSnapshotRequestJsonConverter.ReadValue).ConfigureAwait(false);
                await InterceptAsync(http, steps, interceptors).ConfigureAwait(false);
                body = parsed.Value;
            }

            string projectId;
            string snapshotId;
            if ((steps & Steps.Route) != 0)
            {
                projectId = (string)http.Request.RouteValues["project_id"]!;
                snapshotId = (string)http.Request.RouteValues["snapshot_id"]!;
            }
            else
            {
                var raw_projectId = ApiServerRuntime.Value(ApiServerRuntime.Route(http, "project_id"), "project_id", required: true);
                projectId = raw_projectId is null ? default! : raw_projectId;
                var raw_snapshotId = ApiServerRuntime.Value(ApiServerRuntime.Route(http, "snapshot_id"), "snapshot_id", required: true);
                snapshotId = raw_snapshotId is null ? default! : raw_snapshotId;
            }

            var result = await http.RequestServices.GetRequiredService<ISnapshotsApi>().UpdateSnapshotAsync(projectId, snapshotId, body, http.RequestAborted).ConfigureAwait(false);
            if ((steps & Steps.WriteCopy) != 0)
            {
                await WriteCopyAsync(http, result, steps).ConfigureAwait(false);
                return;
            }

            switch (steps & (Steps.WritePipe | Steps.WriteCode))
            {
                case Steps.WritePipe | Steps.WriteCode:
                    http.Response.StatusCode = 200;
                    http.Response.ContentType = "application/json";
                    HandWrittenEndpoint.Write(http.Response.BodyWriter, result.Snapshot);
                    await http.Response.BodyWriter.FlushAsync(http.RequestAborted).ConfigureAwait(false);
                    break;
                case Steps.WritePipe:
                    http.Response.StatusCode = 200;
                    http.Response.ContentType = "application/json";
                    using (var writer = new Utf8JsonWriter(http.Response.BodyWriter, s_pipeWriterOptions))
                    {
                        SnapshotResponseJsonConverter.WriteValue(writer, result);
                    }

                    await http.Response.BodyWriter.FlushAsync(http.RequestAborted).ConfigureAwait(false);
                    break;
                case Steps.WriteCode:
                    await ApiServerRuntime.WriteJsonAsync(http, 200, result, static (writer, value) => HandWrittenEndpoint.WriteTo(writer, value.Snapshot)).ConfigureAwait(false);
                    break;
                default:
                    await ApiServerRuntime.WriteJsonAsync(http, 200, result, SnapshotResponseJsonConverter.WriteValue).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception exception)
        {
            await ApiServerRuntime.WriteFailureAsync(http, exception, ApiFaults.Table).ConfigureAwait(false);
        }
    }

    private static IApiRequestInterceptor[]? s_interceptors;

    private static async ValueTask InterceptAllAsync(IApiRequestInterceptor[] interceptors, ApiRequestContext context)
    {
        for (var i = 0; i < interceptors.Length; i++)
        {
            await interceptors[i].OnRequestAsync(context).ConfigureAwait(false);
        }
    }

    private static ValueTask InterceptAsync(HttpContext http, Steps steps, ApiRequestInterceptors interceptors)
    {
        if ((steps & Steps.InterceptAsyncMethod) != 0)
        {
            return http.RequestServices.GetService(typeof(IEnumerable<IApiRequestInterceptor>)) is IApiRequestInterceptor[] { Length: > 0 } array
                ? InterceptAllAsync(array, new ApiRequestContext("updateSnapshot", http))
                : default;
        }

        if ((steps & Steps.InterceptCached) != 0)
        {
            var all = s_interceptors ??= (IApiRequestInterceptor[])http.RequestServices.GetService(typeof(IEnumerable<IApiRequestInterceptor>))!;
            var context = new ApiRequestContext("updateSnapshot", http);
            for (var i = 0; i < all.Length; i++)
            {
                var pending = all[i].OnRequestAsync(context);
                if (!pending.IsCompletedSuccessfully)
                {
                    return pending;
                }

                pending.GetAwaiter().GetResult();
            }

            return default;
        }

        if ((steps & Steps.InterceptSync) != 0)
        {
            if (http.RequestServices.GetService(typeof(IEnumerable<IApiRequestInterceptor>)) is IApiRequestInterceptor[] { Length: > 0 } list)
            {
                var context = new ApiRequestContext("updateSnapshot", http);
                for (var i = 0; i < list.Length; i++)
                {
                    var pending = list[i].OnRequestAsync(context);
                    if (!pending.IsCompletedSuccessfully)
                    {
                        return pending;
                    }
                }
            }

            return default;
        }

        if ((steps & Steps.Intercept) == 0)
        {
            // As the generated minimal-API endpoint: the mapping's list, taken once (the host registers a singleton).
            return (steps & Steps.InterceptPerRequest) != 0 ? ApiServerRuntime.InterceptAsync(http, "updateSnapshot") : interceptors.InterceptAsync(http, "updateSnapshot");
        }

        var project = http.Request.RouteValues["project_id"] as string;
        var token = http.RequestServices.GetRequiredService<CallerContext>().Token;
        if (token is not null && !string.Equals(project, token.ProjectId, StringComparison.Ordinal))
        {
            throw new ApiException(400, $"The project '{project}' in the URL is not the project of the token.");
        }

        return default;
    }

    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer, Utf8JsonWriter SkipWriter)? t_cache;

    private static Task WriteCopyAsync(HttpContext http, SnapshotResponse value, Steps steps)
    {
        var cache = t_cache ??= Create();
        t_cache = null;
        var writer = (steps & Steps.CopySkipValidation) != 0 ? cache.SkipWriter : cache.Writer;
        writer.Reset(cache.Buffer);
        SnapshotResponseJsonConverter.WriteValue(writer, value);
        writer.Flush();
        var json = cache.Buffer.WrittenSpan;
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        if ((steps & Steps.CopyNoLength) == 0)
        {
            http.Response.ContentLength = json.Length;
        }

        http.Response.BodyWriter.Write(json);
        if ((steps & Steps.CopyNoClear) != 0)
        {
            cache.Buffer.ResetWrittenCount();
        }
        else
        {
            cache.Buffer.Clear();
        }

        t_cache = cache;
        if ((steps & Steps.CopySync) != 0)
        {
            var flush = http.Response.BodyWriter.FlushAsync(http.RequestAborted);
            return flush.IsCompletedSuccessfully ? Task.CompletedTask : flush.AsTask();
        }

        return FlushAsync(http);

        static (ArrayBufferWriter<byte>, Utf8JsonWriter, Utf8JsonWriter) Create()
        {
            var buffer = new ArrayBufferWriter<byte>(512);
            return (buffer, new Utf8JsonWriter(buffer, s_pipeWriterOptions), new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = s_pipeWriterOptions.Encoder, SkipValidation = true }));
        }
    }

    private static async Task FlushAsync(HttpContext http) =>
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted).ConfigureAwait(false);
}
