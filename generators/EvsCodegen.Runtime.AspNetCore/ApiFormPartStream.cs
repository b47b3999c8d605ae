using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace EvsCodegen.Runtime.AspNetCore;

/// <summary>
/// A file part of a form, read forward: when the request body was buffered whole (seekable), ASP.NET Core's form files
/// are views over that one stream (<c>ReferenceReadStream</c>), and a view refuses to read, or even to seek, once another
/// has moved the shared position. Each read takes a fresh view at this stream's position, so parts can be read in any
/// order, interleaved or not; a view is a small object over the buffer the form reader keeps.
/// </summary>
internal sealed class ApiFormPartStream(IFormFile file) : Stream
{
    private long _position;
    private bool _disposed;

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => file.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = View().Read(buffer);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await View().ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        // The buffer under the views belongs to the form reader, which releases it with the request.
        _disposed = true;
        base.Dispose(disposing);
    }

    private Stream View()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var view = file.OpenReadStream();
        view.Position = _position;
        return view;
    }
}
