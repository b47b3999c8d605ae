using System.Diagnostics.CodeAnalysis;

namespace EvsCodegen.Runtime.AspNetCore;

/// <summary>How the text of a form field becomes a JSON value for the schema's converter.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Each kind is named after the .NET type its text is parsed into.")]
public enum ApiFormValueKind
{
    /// <summary>A JSON string (also every field the schema does not declare, so the schema decides whether it is allowed).</summary>
    String,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A 32-bit integer.</summary>
    Int32,

    /// <summary>A 64-bit integer.</summary>
    Int64,

    /// <summary>A finite number.</summary>
    Double,

    /// <summary>A decimal number.</summary>
    Decimal,

    /// <summary>
    /// Bytes (<c>format: byte</c> or <c>binary</c>): a file part's content, a multipart text part's UTF-8 bytes, or a
    /// url-encoded field's base64 text; base64 in the JSON.
    /// </summary>
    Binary,

    /// <summary>A JSON text (a multipart JSON part: an object property, or an <c>encoding</c> with a JSON media type), written as it is.</summary>
    Json,
}

/// <summary>A declared field of a form body: its value kind and whether it repeats (an array).</summary>
/// <param name="Kind">How each value is read.</param>
/// <param name="Repeated">Whether the field is an array, written as a JSON array even with one value.</param>
public readonly record struct ApiFormField(ApiFormValueKind Kind, bool Repeated);
