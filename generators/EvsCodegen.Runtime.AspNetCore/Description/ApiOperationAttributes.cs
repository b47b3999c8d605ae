using System;
using System.Collections.Generic;

namespace EvsCodegen.Runtime.AspNetCore;

/// <summary>Where a described parameter travels, as the OpenAPI document says (<c>in</c>).</summary>
public enum ApiParameterLocation
{
    /// <summary>A path segment.</summary>
    Path,

    /// <summary>A query string entry.</summary>
    Query,

    /// <summary>A request header.</summary>
    Header,

    /// <summary>A cookie; ApiExplorer has no binding source for it, so it is not described.</summary>
    Cookie,
}

/// <summary>
/// Marks a generated action as one operation of an OpenAPI document: <see cref="ApiOperationDescriptionProvider"/>
/// describes it to ApiExplorer from the <see cref="ApiParameterAttribute"/>, <see cref="ApiRequestBodyAttribute"/> and
/// <see cref="ApiResponseAttribute"/> beside it, since the action reads its request itself and has no parameters.
/// </summary>
/// <param name="relativePath">The operation's path as the document writes it, after the servers' base path, without the leading '/'.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ApiOperationAttribute(string relativePath) : Attribute
{
    /// <summary>The operation's path as the document writes it (<c>pets/{pet-id}</c>): the description's relative path.</summary>
    public string RelativePath { get; } = relativePath;
}

/// <summary>A parameter of a generated action as the document declares it, for ApiExplorer.</summary>
/// <param name="name">The parameter's name on the wire.</param>
/// <param name="location">Where it travels.</param>
/// <param name="type">The type the action reads it as (enum value structs are described by their wire type).</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ApiParameterAttribute(string name, ApiParameterLocation location, Type type) : Attribute
{
    /// <summary>The parameter's name on the wire.</summary>
    public string Name { get; } = name;

    /// <summary>Where it travels.</summary>
    public ApiParameterLocation Location { get; } = location;

    /// <summary>The type the action reads it as.</summary>
    public Type Type { get; } = type;

    /// <summary>Whether the document requires it.</summary>
    public bool Required { get; set; }
}

/// <summary>The request body of a generated action as the document declares it, for ApiExplorer.</summary>
/// <param name="type">The type the action reads it as.</param>
/// <param name="mediaTypes">The body's media types, in document order.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ApiRequestBodyAttribute(Type type, params string[] mediaTypes) : Attribute
{
    /// <summary>The type the action reads it as.</summary>
    public Type Type { get; } = type;

    /// <summary>The body's media types, in document order.</summary>
    public IReadOnlyList<string> MediaTypes { get; } = mediaTypes;

    /// <summary>Whether the document requires it.</summary>
    public bool Required { get; set; }
}

/// <summary>One declared response of a generated action, for ApiExplorer.</summary>
/// <param name="statusCode">The status; 0 for the document's <c>default</c> response.</param>
/// <param name="type">The body's type; null when the response has no body.</param>
/// <param name="mediaTypes">The response's media types, in document order.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ApiResponseAttribute(int statusCode, Type? type, params string[] mediaTypes) : Attribute
{
    /// <summary>The status; 0 for the document's <c>default</c> response.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The body's type; null when the response has no body.</summary>
    public Type? Type { get; } = type;

    /// <summary>The response's media types, in document order.</summary>
    public IReadOnlyList<string> MediaTypes { get; } = mediaTypes;
}
