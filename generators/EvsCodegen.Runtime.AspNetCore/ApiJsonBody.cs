namespace EvsCodegen.Runtime.AspNetCore;

/// <summary>
/// A JSON request body read ahead of the request's other checks (<see cref="ApiServerRuntime.ParseJson{T}"/>): the
/// value, or the schema problem that refuses it, raised when the value is asked for.
/// </summary>
/// <typeparam name="T">The body's type.</typeparam>
public readonly struct ApiJsonBody<T>
{
    private readonly T _value;
    private readonly ApiException? _problem;

    internal ApiJsonBody(T value, ApiException? problem)
    {
        _value = value;
        _problem = problem;
    }

    /// <summary>The body; a body that breaks the schema is a 400 answer (<see cref="ApiException"/>) here.</summary>
    public T Value => _problem is null ? _value : throw _problem;
}
