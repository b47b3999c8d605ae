using System.Collections.Generic;

namespace EvsCodegen.Runtime;

/// <summary>A success answer as a generated client reads it: status, media type, the whole (bounded) body and, when asked for, the headers.</summary>
public readonly struct ApiResponse
{
    /// <summary>Creates the answer.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="mediaType">The media type of the body, without parameters; null when the server sent none.</param>
    /// <param name="body">The body.</param>
    public ApiResponse(int statusCode, string? mediaType, byte[] body)
        : this(statusCode, mediaType, body, null)
    {
    }

    /// <summary>Creates the answer with its headers.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="mediaType">The media type of the body, without parameters; null when the server sent none.</param>
    /// <param name="body">The body.</param>
    /// <param name="headers">The response and content headers by name (compared ignoring case), or null when not read.</param>
    public ApiResponse(int statusCode, string? mediaType, byte[] body, IReadOnlyDictionary<string, string[]>? headers)
    {
        StatusCode = statusCode;
        MediaType = mediaType;
        Body = body;
        Headers = headers;
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The media type of the body, without parameters; null when the server sent none.</summary>
    public string? MediaType { get; }

    /// <summary>The body.</summary>
    public byte[] Body { get; }

    /// <summary>
    /// The response and content headers by name (compared ignoring case), values as received (server-controlled,
    /// unescaped); null when the call did not ask for them.
    /// </summary>
    public IReadOnlyDictionary<string, string[]>? Headers { get; }
}
