namespace EvsCodegen.Runtime;

/// <summary>
/// An error answer the document declares with a body schema: the generated client throws it with the body read as
/// <typeparamref name="TError"/>, and a server-side implementation throws it to answer with that body (the generated
/// controller writes it with the status and media type the document declares for it).
/// </summary>
/// <typeparam name="TError">The declared error body's type.</typeparam>
public class ApiException<TError> : ApiException
{
    /// <summary>An error answer with <paramref name="statusCode"/> and the declared body <paramref name="error"/>.</summary>
    /// <param name="statusCode">The HTTP status; the document must declare <typeparamref name="TError"/> for it.</param>
    /// <param name="error">The body.</param>
    public ApiException(int statusCode, TError error)
        : this(statusCode, error, $"The operation answered {statusCode} with a declared error.")
    {
    }

    /// <summary>An error answer with <paramref name="statusCode"/>, the declared body <paramref name="error"/> and a message.</summary>
    /// <param name="statusCode">The HTTP status; the document must declare <typeparamref name="TError"/> for it.</param>
    /// <param name="error">The body.</param>
    /// <param name="message">The exception's message (not sent: the body is).</param>
    public ApiException(int statusCode, TError error, string message)
        : base(statusCode, message)
    {
        Error = error;
    }

    /// <summary>The client's exception for a response whose body was read as the declared type.</summary>
    internal ApiException(ApiException source, TError error, string message)
        : base(source.StatusCode, message, source.FaultName, source.Code, source.ResponseBody, source.InnerException)
    {
        Error = error;
        RawResponseBody = source.RawResponseBody;
        ResponseMediaType = source.ResponseMediaType;
    }

    /// <summary>The error body, as declared by the document for this status.</summary>
    public TError Error { get; }
}
