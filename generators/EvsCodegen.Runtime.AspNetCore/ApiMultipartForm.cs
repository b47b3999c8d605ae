using System;
using System.Collections.Generic;

namespace EvsCodegen.Runtime.AspNetCore;

/// <summary>
/// A <c>multipart/form-data</c> body as the generated server reads it (<see cref="ApiServerRuntime.ReadMultipartFormAsync"/>):
/// its fields as a JSON object for the schema's converter, which validates them as it does JSON, and its file parts
/// as <see cref="ApiFile"/> streams, which are not copied into memory.
/// </summary>
public sealed class ApiMultipartForm
{
    private readonly Dictionary<string, List<ApiFile>> _files;

    /// <summary>Creates a form.</summary>
    /// <param name="json">The fields as UTF-8 JSON (empty for an empty form).</param>
    /// <param name="files">The file parts of each binary field, in the order they came.</param>
    public ApiMultipartForm(byte[] json, Dictionary<string, List<ApiFile>> files)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(files);
        Json = json;
        _files = files;
    }

    /// <summary>An absent body: no fields, no files.</summary>
    public static ApiMultipartForm Empty { get; } = new([], new Dictionary<string, List<ApiFile>>(StringComparer.Ordinal));

    /// <summary>The fields as UTF-8 JSON; a file part of a binary field stands there as an empty base64 string.</summary>
    public byte[] Json { get; }

    /// <summary>The part of a binary field, or null when the form has none.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The part as a stream with its media type, length and file name.</returns>
    public ApiFile? File(string name) => _files.TryGetValue(name, out var list) ? list[0] : null;

    /// <summary>The parts of a repeated binary field, in the order they came, or null when the form has none.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The parts.</returns>
    public IReadOnlyList<ApiFile>? Files(string name) => _files.TryGetValue(name, out var list) ? list : null;
}
