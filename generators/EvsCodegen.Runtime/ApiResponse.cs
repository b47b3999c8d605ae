namespace EvsCodegen.Runtime;

/// <summary>A success answer as a generated client reads it: status, media type and the whole (bounded) body.</summary>
public readonly struct ApiResponse
{
    /// <summary>Creates the answer.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="mediaType">The media type of the body, without parameters; null when the server sent none.</param>
    /// <param name="body">The body.</param>
    public ApiResponse(int statusCode, string? mediaType, byte[] body)
    {
        StatusCode = statusCode;
        MediaType = mediaType;
        Body = body;
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The media type of the body, without parameters; null when the server sent none.</summary>
    public string? MediaType { get; }

    /// <summary>The body.</summary>
    public byte[] Body { get; }
}
