namespace EvsCodegen.GeneratedCode.Tests.Streams;

/// <summary>The bytes at each offset of a pattern stream: a function of the offset, so any slice can be checked.</summary>
internal static class Pattern
{
    public static byte At(long offset) => (byte)((offset * 31) ^ (offset >> 11));

    public static bool Matches(ReadOnlySpan<byte> bytes, long offset)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != At(offset + i))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// A read-only stream of <see cref="Pattern"/> bytes generated on the fly (nothing held), which can hold back after a
/// number of bytes until <see cref="Release"/> completes, so a test can observe that a reader got bytes before the end.
/// </summary>
internal sealed class PatternStream(long length, long? holdAfter, bool seekable) : Stream
{
    private bool _disposed;

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Produced { get; private set; }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => seekable;

    public override bool CanWrite => false;

    public override long Length => seekable ? length : throw new NotSupportedException();

    public override long Position { get => seekable ? Produced : throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (holdAfter is { } hold && Produced >= hold)
        {
            await Release.Task.WaitAsync(cancellationToken);
        }

        var count = (int)Math.Min(buffer.Length, length - Produced);
        if (holdAfter is { } limit && Produced < limit)
        {
            count = (int)Math.Min(count, limit - Produced);
        }

        var span = buffer.Span;
        for (var i = 0; i < count; i++)
        {
            span[i] = Pattern.At(Produced + i);
        }

        Produced += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }
}
