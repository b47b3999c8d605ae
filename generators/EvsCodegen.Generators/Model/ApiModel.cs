namespace EvsCodegen.Generators.Model;

/// <summary>
/// Everything the emitters need from one OpenAPI document, already named and resolved.
/// This record is the cache boundary of the pipeline: it holds only strings, numbers, enums and
/// <see cref="EquatableArray{T}"/>s of other models, never a Roslyn object, so that an edit that does not change
/// the model leaves every later step <c>Cached</c>.
/// </summary>
/// <param name="Context">Per-document facts every emitted file needs (namespace, names, faults).</param>
/// <param name="Types">The named types to emit: objects and enums, in document order.</param>
/// <param name="Surfaces">Operations grouped into API surfaces (one interface, client and controller each).</param>
internal sealed record ApiModel(
    ApiContextModel Context,
    EquatableArray<TypeModel> Types,
    EquatableArray<SurfaceModel> Surfaces);

/// <summary>Per-document facts shared by every emitted file.</summary>
/// <param name="DocumentName">PascalCase name derived from the file name, used in hint names.</param>
/// <param name="Namespace">The namespace of every emitted type.</param>
/// <param name="Emit">Which families of code to emit.</param>
/// <param name="Public">Whether emitted types are public (otherwise internal).</param>
/// <param name="Title">The document's <c>info.title</c>.</param>
/// <param name="Version">The document's <c>info.version</c>.</param>
/// <param name="Schemes">The security schemes of <c>components.securitySchemes</c>, in document order.</param>
/// <param name="SecuritySets">The distinct <c>security</c> lists, which <see cref="OperationModel.Security"/> indexes.</param>
/// <param name="Faults">Fault names and codes by status (the <c>x-fault</c> extension), ordered by status.</param>
/// <param name="Envelope">The error envelope (the <c>x-error-envelope</c> extension), if the document has one.</param>
/// <param name="Server">The first <c>servers</c> entry, read as a base path and a default client address.</param>
/// <param name="DocumentSecurity">
/// The document's own <c>security</c> list (null when it has none), compared by the breaking-change gate; it is in
/// <see cref="SecuritySets"/> only when some operation inherits it.
/// </param>
internal sealed record ApiContextModel(
    string DocumentName,
    string Namespace,
    EmitKinds Emit,
    bool Public,
    string Title,
    string Version,
    EquatableArray<SecuritySchemeModel> Schemes,
    EquatableArray<SecuritySetModel> SecuritySets,
    EquatableArray<FaultModel> Faults,
    EnvelopeModel? Envelope,
    ServerModel? Server = null,
    SecuritySetModel? DocumentSecurity = null);

/// <summary>The document's server: the first <c>servers</c> entry, its variables replaced by their defaults.</summary>
/// <param name="BasePath">The URL's path without a trailing slash (<c>/v2</c>), empty for the root; the server's routes start with it.</param>
/// <param name="AbsoluteUrl">The URL when it is absolute (http or https), the client's address when its <c>HttpClient</c> has none; null for a relative URL.</param>
internal sealed record ServerModel(string BasePath, string? AbsoluteUrl);

/// <summary>Which families of code a document emits.</summary>
[System.Flags]
internal enum EmitKinds
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Models, JSON converters, contract interfaces, the exception type and shared runtime helpers.</summary>
    Models = 1,

    /// <summary>The typed <c>HttpClient</c> clients.</summary>
    Client = 2,

    /// <summary>The ASP.NET Core controllers.</summary>
    Server = 4,

    /// <summary>Models, client and controllers (<c>all</c>); the minimal-API endpoints are asked for by name.</summary>
    All = Models | Client | Server,

    /// <summary>
    /// The families came from the default (neither <c>OpenApiEmit</c> nor <c>EvsCodegenEmit</c> was set): server code then
    /// follows the project, emitted only where ASP.NET Core MVC is referenced (EVS2050 when it is asked for explicitly).
    /// </summary>
    Defaulted = 8,

    /// <summary>
    /// The minimal-API endpoints (<c>minimal</c>): the controllers' checks and answers as request delegates mapped by a
    /// generated <c>Map…Api</c> extension, no MVC (docs/decisions.md). Never part of the default nor of <c>all</c>.
    /// </summary>
    Minimal = 16,
}

/// <summary>A fault name and code for one status (from the <c>x-fault</c> response extension).</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Name">The fault name, the single key of the envelope.</param>
/// <param name="Code">The string error code.</param>
internal sealed record FaultModel(int StatusCode, string Name, string Code);

/// <summary>
/// A keyed error envelope: the body is <c>{"faultName": {message, code}}</c>.
/// </summary>
/// <param name="FaultTypeName">The C# type of the inner object.</param>
/// <param name="MessageProperty">The C# property that holds the message.</param>
/// <param name="CodeProperty">The C# property that holds the code.</param>
internal sealed record EnvelopeModel(string FaultTypeName, string MessageProperty, string CodeProperty);

