using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>The C# shape of an operation, shared by the contract, the client and the controller so they agree.</summary>
internal static class Signatures
{
    /// <summary>An argument of an operation method: a parameter or the body.</summary>
    public sealed record Argument(string Name, string Type, bool Optional, ParameterModel? Parameter, BodyModel? Body, string? Description);

    /// <summary>Arguments in signature order: required ones first, then optional ones (the cancellation token is added by callers).</summary>
    public static IReadOnlyList<Argument> Arguments(OperationModel operation)
    {
        var required = new List<Argument>();
        var optional = new List<Argument>();
        foreach (var parameter in operation.Parameters)
        {
            var argument = new Argument(parameter.Name, CSharp.TypeOf(parameter.Type, CSharp.MayBeNull(parameter.Type, parameter.Required)), !parameter.Required, parameter, null, parameter.Description);
            (parameter.Required ? required : optional).Add(argument);
        }

        if (operation.Body is { } body)
        {
            var argument = new Argument(body.Name, BodyType(body), !body.Required, null, body, body.Description);
            if (body.Required)
            {
                required.Add(argument);
            }
            else
            {
                optional.Insert(0, argument);
            }
        }

        return required.Concat(optional).ToList();
    }

    /// <summary>
    /// The result type inside the task, or null for operations without a typed success body: a binary body is an
    /// <c>ApiFile</c> (a stream), a stream of items an <c>IAsyncEnumerable</c> of the item type.
    /// </summary>
    public static string? ResultType(OperationModel operation) =>
        operation.Success is { Type: { } type } success
            ? success.Encoding.IsItemStream() ? $"{CSharp.AsyncEnumerable}<{CSharp.TypeOf(type, type.Nullable)}>" : ResponseBodyType(success, type.Nullable)
            : null;

    /// <summary>The C# type of a response body: <c>ApiFile</c> for binary bodies, else the schema's type.</summary>
    public static string ResponseBodyType(ResponseModel response, bool nullable) =>
        response.Encoding == BodyEncoding.Binary ? RuntimeNames.File.Type + (nullable ? "?" : string.Empty) : CSharp.TypeOf(response.Type!, nullable);

    /// <summary>
    /// The C# type of a request body argument: a <c>Stream</c> for binary bodies, the form record for a multipart body with
    /// file parts, else the schema's type.
    /// </summary>
    public static string BodyType(BodyModel body) =>
        body.Encoding == BodyEncoding.Binary ? CSharp.Stream + (body.Required ? string.Empty : "?")
        : body.FormTypeName is { } form ? form + (body.Required ? string.Empty : "?")
        : CSharp.TypeOf(body.Type, CSharp.MayBeNull(body.Type, body.Required));

    /// <summary>Whether the operation answers a stream of items, which its method returns as an <c>IAsyncEnumerable</c> rather than a task.</summary>
    public static bool IsItemStream(OperationModel operation) => operation.Success is { Type: not null } success && success.Encoding.IsItemStream();

    /// <summary><c>Task</c> or <c>Task&lt;T&gt;</c>, or <c>IAsyncEnumerable&lt;T&gt;</c> for a stream of items.</summary>
    public static string TaskType(OperationModel operation) =>
        IsItemStream(operation) ? ResultType(operation)! : ResultType(operation) is { } result ? $"{CSharp.Task}<{result}>" : CSharp.Task;

    /// <summary>The parameter list of the method, with defaults on optional arguments.</summary>
    public static string ParameterList(OperationModel operation, bool defaults) =>
        string.Join(", ", Arguments(operation).Select(a => $"{a.Type} {a.Name}{(a.Optional && defaults ? " = default" : string.Empty)}")
            .Concat([$"{CSharp.CancellationToken} cancellationToken{(defaults ? " = default" : string.Empty)}"]));

    /// <summary>XML docs for the method.</summary>
    public static void Docs(SourceWriter w, OperationModel operation)
    {
        var summary = operation.Summary ?? operation.Description;
        w.Line(Text.Summary(summary, $"{operation.HttpMethod} {Text.Inline(operation.Path)}"));
        if (operation.Summary is not null && operation.Description is not null)
        {
            w.Line($"/// <remarks>{Text.Inline(operation.Description)}</remarks>");
        }

        foreach (var argument in Arguments(operation))
        {
            var fallback = argument.Parameter is { } p ? $"The {p.Location.ToString().ToLowerInvariant()} parameter <c>{Text.Inline(p.WireName)}</c>." : "The request body.";
            w.Line($"/// <param name=\"{argument.Name.TrimStart('@')}\">{(string.IsNullOrWhiteSpace(argument.Description) ? fallback : Text.Inline(argument.Description))}</param>");
        }

        w.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        w.Line($"/// <returns>{Text.Inline(operation.Success?.Description ?? "The result.")}</returns>");
        w.Line($"/// <exception cref=\"{RuntimeNames.Exception.Type}\">The call ended in a documented or undocumented error answer.</exception>");
    }
}

/// <summary>Emits the contract interface of a surface: what both the client and server implementations honour.</summary>
internal static class ContractEmitter
{
    public static string Emit(ApiContextModel context, SurfaceModel surface)
    {
        var w = SourceWriter.ForFile(context);
        w.Line(Text.Summary(surface.Description, $"The operations of {Text.Inline(context.Title)}: implemented by the generated client over HTTP and by a server-side backend behind the generated controller."));
        w.Line(CSharp.GeneratedCode);
        w.Open($"{CSharp.Access(context)} partial interface {surface.InterfaceName}");
        var first = true;
        foreach (var operation in surface.Operations)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            Signatures.Docs(w, operation);
            if (operation.Deprecated)
            {
                w.Line("[global::System.Obsolete(\"Deprecated in the OpenAPI document.\")]");
            }

            w.Line($"{Signatures.TaskType(operation)} {operation.MethodName}{ReservedNames.AsyncSuffix}({Signatures.ParameterList(operation, defaults: true)});");
            ResultEmitter.EmitContractMethod(w, operation);
        }

        w.Close();
        foreach (var operation in surface.Operations)
        {
            if (operation.Body is { FormTypeName: { } formType } body)
            {
                w.Line();
                EmitFormRecord(w, context, operation, body, formType);
            }
        }

        return w.ToString();
    }

    /// <summary>
    /// The form record of a multipart body with file parts: the schema's properties, with each file part an
    /// <c>ApiFile</c> (or a list of them) that the client sends from its stream and the server hands over as a stream.
    /// </summary>
    private static void EmitFormRecord(SourceWriter w, ApiContextModel context, OperationModel operation, BodyModel body, string formType)
    {
        w.Line($"/// <summary>The <c>{Text.Inline(body.ContentType)}</c> body of <c>{Text.Inline(operation.OperationId)}</c>: the parts of <see cref=\"{CSharp.TypeOf(body.Type, false)}\"/>, file parts as streams.</summary>");
        w.Line(CSharp.GeneratedCode);
        w.Open($"{CSharp.Access(context)} sealed partial record {formType}");
        var first = true;
        foreach (var field in body.FormFields)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            w.Line(Text.Summary(field.Description, $"The <c>{Text.Inline(field.WireName)}</c> part{(field.IsArray ? "s" : string.Empty)}."));
            var type = field.IsFile
                ? (field.IsArray ? $"{CSharp.ReadOnlyList}<{RuntimeNames.File.Type}>" : RuntimeNames.File.Type) + (field.Nullable ? "?" : string.Empty)
                : CSharp.TypeOf(field.PropertyType, CSharp.MayBeNull(field.PropertyType, field.Required));
            w.Line($"public {(field.Required ? "required " : string.Empty)}{type} {field.PropertyName} {{ get; init; }}");
        }

        w.Close();
    }
}
