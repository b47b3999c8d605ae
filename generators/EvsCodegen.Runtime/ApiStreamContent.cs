using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EvsCodegen.Runtime;

/// <summary>
/// A request body copied from a caller's stream as it is sent: never buffered, and not disposed with the request
/// (<see cref="StreamContent"/> would dispose the caller's stream). It can be sent once.
/// </summary>
internal sealed class ApiStreamContent : HttpContent
{
    private readonly Stream _body;

    public ApiStreamContent(Stream body) => _body = body;

    /// <summary>Whether <paramref name="content"/> can be sent again (a retry): not when it holds a caller's stream, whole or as a multipart part.</summary>
    public static bool IsReplayable(HttpContent? content) => content switch
    {
        ApiStreamContent => false,
        MultipartContent parts => System.Linq.Enumerable.All(parts, IsReplayable),
        _ => true,
    };

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        _body.CopyToAsync(stream);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _body.CopyToAsync(stream, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        if (_body.CanSeek)
        {
            length = Math.Max(0, _body.Length - _body.Position);
            return true;
        }

        length = 0;
        return false;
    }
}
