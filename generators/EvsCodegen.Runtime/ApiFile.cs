using System;
using System.IO;
using System.Threading.Tasks;

namespace EvsCodegen.Runtime;

/// <summary>
/// A binary body as a stream, with what HTTP says about it: the media type, the length when known and the file name
/// (<c>Content-Disposition</c>). A generated client returns one for a binary download, reading nothing until the caller
/// reads <see cref="Content"/>; a server implementation returns one for the generated action to copy out. Dispose it
/// (it owns the stream and, on the client, the HTTP response).
/// </summary>
public sealed class ApiFile : IDisposable, IAsyncDisposable
{
    private readonly IDisposable? _owner;

    /// <summary>Creates a file over <paramref name="content"/>, which the file owns and disposes.</summary>
    /// <param name="content">The bytes.</param>
    /// <param name="contentType">The media type; null lets the server write the one the document declares.</param>
    /// <param name="length">The length in bytes, when known (sent as <c>Content-Length</c>); null when not.</param>
    /// <param name="fileName">The file name (sent as <c>Content-Disposition: attachment</c>); null when none.</param>
    public ApiFile(Stream content, string? contentType = null, long? length = null, string? fileName = null)
        : this(content, contentType, length, fileName, null)
    {
    }

    /// <summary>Creates a file over <paramref name="content"/> that also disposes <paramref name="owner"/> (the HTTP response it comes from).</summary>
    /// <param name="content">The bytes.</param>
    /// <param name="contentType">The media type, if known.</param>
    /// <param name="length">The length in bytes, when known.</param>
    /// <param name="fileName">The file name, when given.</param>
    /// <param name="owner">What else to dispose with the stream; null when nothing.</param>
    public ApiFile(Stream content, string? contentType, long? length, string? fileName, IDisposable? owner)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(length ?? 0, nameof(length));
        Content = content;
        ContentType = contentType;
        Length = length ?? (content.CanSeek ? content.Length - content.Position : null);
        FileName = fileName;
        _owner = owner;
    }

    /// <summary>The bytes, read as they arrive (a client download is not buffered).</summary>
    public Stream Content { get; }

    /// <summary>The media type (with any parameters), or null when unknown.</summary>
    public string? ContentType { get; }

    /// <summary>The length in bytes, or null when unknown (a chunked answer, a stream that cannot seek).</summary>
    public long? Length { get; }

    /// <summary>The file name from <c>Content-Disposition</c> (<c>filename*</c> preferred), or null when none.</summary>
    public string? FileName { get; }

    /// <summary>A file over <paramref name="bytes"/> (for tests and small bodies).</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="contentType">The media type, if any.</param>
    /// <param name="fileName">The file name, if any.</param>
    /// <returns>The file.</returns>
    public static ApiFile FromBytes(byte[] bytes, string? contentType = null, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new ApiFile(new MemoryStream(bytes, writable: false), contentType, bytes.Length, fileName);
    }

    /// <summary>Disposes the stream and the response it comes from.</summary>
    public void Dispose()
    {
        Content.Dispose();
        _owner?.Dispose();
    }

    /// <summary>Disposes the stream and the response it comes from.</summary>
    /// <returns>A task that completes when both are disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _owner?.Dispose();
    }
}
