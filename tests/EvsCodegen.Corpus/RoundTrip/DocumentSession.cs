using System;
using System.Collections.Generic;
using System.Net.Http;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>Everything the drivers of one document share: the model, the loaded code, the clients and the traffic.</summary>
internal sealed class DocumentSession(RoundTripResult result, ApiModel model, GeneratedAssembly generated, TrafficRecorder traffic, HttpClient server)
{
    private readonly Dictionary<(Variant, string), Exchange> _remembered = [];
    private readonly Type _apiException = generated.FindType("ApiException") ?? throw new InvalidOperationException("the generated code has no ApiException");

    /// <summary>Whether Prism has died (its own defect), so failed calls are not the generated code's.</summary>
    public Func<bool> PrismDown { get; init; } = () => false;

    /// <summary>The result being filled.</summary>
    public RoundTripResult Result { get; } = result;

    /// <summary>The generator's model of the document: the constraints the values must respect.</summary>
    public ApiModel Model { get; } = model;

    /// <summary>The generated client of each contract interface.</summary>
    public Dictionary<Type, object> Clients { get; } = [];

    /// <summary>The exchanges of the generated clients (through Prism when it runs).</summary>
    public TrafficRecorder Traffic { get; } = traffic;

    /// <summary>A plain client whose base address is the generated server itself, for the invalid requests.</summary>
    public HttpClient Server { get; } = server;

    /// <summary>A new <c>ApiException(status, message)</c>, as a backend throws it for a documented error.</summary>
    public Exception CreateApiException(int status, string message) => (Exception)Activator.CreateInstance(_apiException, status, message)!;

    /// <summary>
    /// A new <c>ApiException&lt;TError&gt;(status, error)</c> for a body of <paramref name="errorType"/>, as a backend throws
    /// it for an error whose body the document declares; null when the runtime has no such type.
    /// </summary>
    public Exception? CreateDeclaredException(int status, Type errorType, object? error) =>
        _apiException.Assembly.GetType(_apiException.FullName + "`1") is { } generic
            ? (Exception)Activator.CreateInstance(generic.MakeGenericType(errorType), status, error)!
            : null;

    /// <summary>Whether <paramref name="exception"/> is an <c>ApiException&lt;TError&gt;</c>, and its body.</summary>
    public bool TryGetDeclaredError(Exception exception, out object? error)
    {
        var type = exception.GetType();
        error = null;
        if (!type.IsGenericType || type.GetGenericTypeDefinition().FullName != _apiException.FullName + "`1")
        {
            return false;
        }

        error = type.GetProperty("Error")!.GetValue(exception);
        return true;
    }

    /// <summary>The CLR type the generated code spells for <paramref name="type"/> (CSharp.TypeOf), null when not found.</summary>
    public Type? ClrType(TypeRefModel type)
    {
        Type? clr = type.Kind switch
        {
            TypeRefKind.Any => typeof(System.Text.Json.JsonElement),
            TypeRefKind.String => typeof(string),
            TypeRefKind.Boolean => typeof(bool),
            TypeRefKind.Int32 => typeof(int),
            TypeRefKind.Int64 => typeof(long),
            TypeRefKind.Float => typeof(float),
            TypeRefKind.Double => typeof(double),
            TypeRefKind.Decimal => typeof(decimal),
            TypeRefKind.DateTime => typeof(DateTimeOffset),
            TypeRefKind.Date => typeof(DateOnly),
            TypeRefKind.Guid => typeof(Guid),
            TypeRefKind.Bytes => typeof(byte[]),
            TypeRefKind.Array => ClrType(type.Item!) is { } item ? typeof(IReadOnlyList<>).MakeGenericType(item) : null,
            TypeRefKind.Map => ClrType(type.Item!) is { } value ? typeof(IReadOnlyDictionary<,>).MakeGenericType(typeof(string), value) : null,
            _ => type.TypeName is { } name ? generated.FindType(name) : null,
        };
        return clr is { IsValueType: true } && type.Nullable ? typeof(Nullable<>).MakeGenericType(clr) : clr;
    }

    /// <summary>The status of an <c>ApiException</c>; null for another exception.</summary>
    public int? StatusOf(Exception exception) =>
        _apiException.IsInstanceOfType(exception) ? (int)_apiException.GetProperty("StatusCode")!.GetValue(exception)! : null;

    /// <summary>Keeps the request of a variant, the base of the invalid requests.</summary>
    public void Remember(Variant variant, OperationModel operation, Exchange exchange) => _remembered[(variant, operation.OperationId)] = exchange;

    /// <summary>The request kept for a variant.</summary>
    public Exchange? LastExchangeFor(Variant variant, OperationModel operation) => _remembered.GetValueOrDefault((variant, operation.OperationId));
}
