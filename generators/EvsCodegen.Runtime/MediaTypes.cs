using System;

namespace EvsCodegen.Runtime;

/// <summary>Media type text shared by the client and server halves of the runtime.</summary>
internal static class MediaTypes
{
    /// <summary>The media type of a Content-Type value: before any parameters, without surrounding spaces.</summary>
    public static ReadOnlySpan<char> WithoutParameters(string contentType)
    {
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? contentType.AsSpan(0, semicolon) : contentType.AsSpan()).Trim();
    }

    /// <summary>Whether a Content-Type is <c>text/html</c> (any parameters, any case).</summary>
    public static bool IsHtml(string? contentType) =>
        contentType is not null && WithoutParameters(contentType).Equals("text/html", StringComparison.OrdinalIgnoreCase);
}
