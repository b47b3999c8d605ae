using System;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Diagnostics;

/// <summary>Every diagnostic the generator reports, defined once. IDs are tracked in AnalyzerReleases.*.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "EvsCodegen";

    /// <summary>Where the diagnostics are explained: docs/diagnostics.md of the repository, one heading per ID.</summary>
    public const string HelpLinkBase = "https://github.com/EvsCodegen/EvsCodegen/blob/main/docs/diagnostics.md#";

    /// <summary>EVS1001: the file is not well-formed YAML or JSON.</summary>
    public static readonly DiagnosticDescriptor UnreadableDocument = Create(
        "EVS1001", "OpenAPI document cannot be read", "The OpenAPI document '{0}' cannot be read: {1}",
        DiagnosticSeverity.Error);

    /// <summary>EVS1002: the document's version is not one the generator supports.</summary>
    public static readonly DiagnosticDescriptor UnsupportedVersion = Create(
        "EVS1002", "Unsupported OpenAPI version", "'{0}' is not supported: {1}",
        DiagnosticSeverity.Error);

    /// <summary>EVS1003: a part of the document does not have the shape OpenAPI requires; it is skipped.</summary>
    public static readonly DiagnosticDescriptor InvalidStructure = Create(
        "EVS1003", "Invalid OpenAPI structure", "{0}; it is skipped",
        DiagnosticSeverity.Warning);

    /// <summary>EVS1004: a <c>$ref</c> points nowhere.</summary>
    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "EVS1004", "Unresolved $ref", "The reference '{0}' cannot be resolved{1}; the value is typed as JsonElement",
        DiagnosticSeverity.Error);

    /// <summary>EVS1005: the document exceeds the generator's size or depth budget.</summary>
    public static readonly DiagnosticDescriptor DocumentTooLarge = Create(
        "EVS1005", "OpenAPI document too large or too deep", "The OpenAPI document exceeds a limit: {0}",
        DiagnosticSeverity.Error);

    /// <summary>EVS1006: two documents would generate the same types into one namespace.</summary>
    public static readonly DiagnosticDescriptor NamespaceConflict = Create(
        "EVS1006", "Two OpenAPI documents share a namespace", "The OpenAPI documents '{0}' and '{1}' both generate {2} code into the namespace '{3}'; give this one its own OpenApiNamespace (it is not generated)",
        DiagnosticSeverity.Error);

    /// <summary>EVS1007: a path is not a well-formed OpenAPI path template; its operations are skipped.</summary>
    public static readonly DiagnosticDescriptor InvalidPathTemplate = Create(
        "EVS1007", "Malformed path template", "The path '{0}' is not a valid OpenAPI path template ({1}), so operation '{2}' cannot be generated; the operation is skipped",
        DiagnosticSeverity.Warning);

    /// <summary>EVS1008: a field the OpenAPI specification requires is missing.</summary>
    public static readonly DiagnosticDescriptor MissingRequiredField = Create(
        "EVS1008", "Required OpenAPI field missing", "{0} has no '{1}', which OpenAPI {2} requires; {3}",
        DiagnosticSeverity.Warning);

    /// <summary>EVS1009: a path parameter does not say <c>required: true</c>.</summary>
    public static readonly DiagnosticDescriptor PathParameterNotRequired = Create(
        "EVS1009", "Path parameter not marked required", "The path parameter '{0}' must have 'required: true' (OpenAPI {1}); it is treated as required",
        DiagnosticSeverity.Warning);

    /// <summary>EVS1010: a <c>required</c> entry names a property the schema never allows.</summary>
    public static readonly DiagnosticDescriptor UnsatisfiableRequired = Create(
        "EVS1010", "Required property can never be present", "'required' names '{0}', which is not among the properties and {1} forbids other properties, so no object satisfies the schema; the requirement is not enforced",
        DiagnosticSeverity.Warning);

    /// <summary>EVS2001: a schema construct the generator cannot express in C#.</summary>
    public static readonly DiagnosticDescriptor UnsupportedSchema = Create(
        "EVS2001", "Unsupported schema construct", "'{0}' is not supported yet: {1}",
        DiagnosticSeverity.Warning);

    /// <summary>EVS2002: an operation the generator skips.</summary>
    public static readonly DiagnosticDescriptor UnsupportedOperation = Create(
        "EVS2002", "Unsupported operation construct", "Operation '{0}': {1}",
        DiagnosticSeverity.Warning);

    /// <summary>EVS2003: two operations share an operationId.</summary>
    public static readonly DiagnosticDescriptor DuplicateOperationId = Create(
        "EVS2003", "Duplicate operationId", "The operationId '{0}' is already used; this operation's method is named '{1}'",
        DiagnosticSeverity.Warning);

    /// <summary>EVS2004: an MSBuild option has a value the generator does not know.</summary>
    public static readonly DiagnosticDescriptor InvalidOption = Create(
        "EVS2004", "Invalid generator option", "The MSBuild {0} has the value '{1}', which is not valid: {2}",
        DiagnosticSeverity.Warning);

    /// <summary>EVS2005: a vendor extension of this generator is malformed.</summary>
    public static readonly DiagnosticDescriptor InvalidExtension = Create(
        "EVS2005", "Invalid vendor extension", "The extension '{0}' is ignored: {1}",
        DiagnosticSeverity.Warning);

    /// <summary>
    /// EVS2006: a part of the document outside schemas and operations that the generated code does not apply (webhooks).
    /// Security schemes are no longer reported here: see EVS2010-EVS2012.
    /// </summary>
    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        "EVS2006", "Unsupported document construct", "'{0}' is not supported yet: {1}",
        DiagnosticSeverity.Warning);

    /// <summary>EVS2030: an entry of OpenApiInclude or OpenApiExclude matches no operation of the document.</summary>
    public static readonly DiagnosticDescriptor FilterMatchesNothing = Create(
        "EVS2030", "Operation filter entry matches nothing", "The {0} entry '{1}' matches no operation of '{2}': check the tag, operationId or path template as written in the document",
        DiagnosticSeverity.Warning);

    /// <summary>EVS2010: a security scheme an operation requires whose credentials the generated client cannot send.</summary>
    public static readonly DiagnosticDescriptor UnsendableSecurityScheme = Create(
        "EVS2010", "Security scheme the client cannot send", "The generated client cannot send the credentials of security scheme '{0}': {1}; a call that only this scheme satisfies goes without credentials",
        DiagnosticSeverity.Warning);

    /// <summary>EVS2011: an OAuth2 or OpenID Connect scheme whose tokens the generated client cannot fetch itself.</summary>
    public static readonly DiagnosticDescriptor TokensFromProvider = Create(
        "EVS2011", "Tokens come from a token provider", "The generated client does not fetch tokens for security scheme '{0}' itself ({1}): set ApiClientOptions.{2} to supply them",
        DiagnosticSeverity.Info);

    /// <summary>EVS2012: a security requirement names a scheme that <c>components.securitySchemes</c> does not declare.</summary>
    public static readonly DiagnosticDescriptor UndeclaredSecurityScheme = Create(
        "EVS2012", "Undeclared security scheme", "The security requirement names '{0}', which components.securitySchemes does not declare: the client cannot send it, and the server authenticates the ASP.NET Core scheme of that name",
        DiagnosticSeverity.Warning);

    /// <summary>EVS1020: the project lacks the runtime the generated code calls, or references another version of it.</summary>
    public static readonly DiagnosticDescriptor RuntimeMismatch = Create(
        "EVS1020", "EvsCodegen runtime missing or of another version", "The code generated from '{0}' calls {1} {2}: {3}",
        DiagnosticSeverity.Error);

    /// <summary>EVS1030: a server URL names a variable that has no default.</summary>
    public static readonly DiagnosticDescriptor ServerVariableWithoutDefault = Create(
        "EVS1030", "Server variable without a default", "The server variable '{0}' of '{1}' has no default (OpenAPI requires one); it is left out of the base path",
        DiagnosticSeverity.Warning);

    /// <summary>EVS1031: an error response declares only media types the server cannot write.</summary>
    public static readonly DiagnosticDescriptor ErrorMediaTypeNotWritable = Create(
        "EVS1031", "Error media type not written", "The {0} response of {1} declares only {2}, which the server cannot write; its errors are answered as application/json",
        DiagnosticSeverity.Warning);

    /// <summary>EVS1032: a union's discriminator cannot be fixed on one of its alternatives.</summary>
    public static readonly DiagnosticDescriptor DiscriminatorNotFixed = Create(
        "EVS1032", "Discriminator not fixed on an alternative", "The discriminator '{0}' cannot be fixed on {1}: {2}",
        DiagnosticSeverity.Warning);

    /// <summary>EVS2050: server code asked for explicitly in a project that does not reference ASP.NET Core MVC.</summary>
    public static readonly DiagnosticDescriptor ServerWithoutAspNetCore = Create(
        "EVS2050", "Server code without ASP.NET Core", "'{0}' asks for server code ({1}), but the project does not reference ASP.NET Core MVC (Microsoft.AspNetCore.Mvc): add <FrameworkReference Include=\"Microsoft.AspNetCore.App\" /> or use the Microsoft.NET.Sdk.Web SDK, or leave 'server' out; no server code is generated",
        DiagnosticSeverity.Error);

    /// <summary>EVS2051: client or server code emitted without the models it is written against.</summary>
    public static readonly DiagnosticDescriptor ContractWithoutModels = Create(
        "EVS2051", "Client or server code without its models", "'{0}' emits {1} code into the namespace '{2}' but not the models it calls ({3}): add 'models' to OpenApiEmit (or EvsCodegenEmit), or reference the project that emits this document's models with the same OpenApiNamespace (or EvsCodegenNamespace); no {1} code is generated",
        DiagnosticSeverity.Error);

    /// <summary>EVS2060: a schema keyword that is read for the type but whose values are not enforced.</summary>
    public static readonly DiagnosticDescriptor KeywordNotEnforced = Create(
        "EVS2060", "Schema keyword typed but not enforced", "'{0}' is not enforced: {1}",
        DiagnosticSeverity.Info);

    /// <summary>EVS2070: component schemas no operation reaches, not generated by default (OpenApiModels).</summary>
    public static readonly DiagnosticDescriptor UnreachedSchemasLeftOut = Create(
        "EVS2070", "Component schemas no operation reaches are not generated", "{0} no operation reaches {1} not generated (e.g. {2}); set OpenApiModels=\"all\" (or EvsCodegenModels) to generate {3}",
        DiagnosticSeverity.Info);

    /// <summary>EVS2007: content on a response whose status cannot carry any (204, 205, 304).</summary>
    public static readonly DiagnosticDescriptor ContentNotAllowed = Create(
        "EVS2007", "Response content not allowed", "A {0} response cannot carry content (RFC 9110); its content is ignored and the answer has no body",
        DiagnosticSeverity.Warning);

    /// <summary>EVS2020: a response header whose schema is not a scalar or enum; it is read and written as text.</summary>
    public static readonly DiagnosticDescriptor HeaderNotScalar = Create(
        "EVS2020", "Response header typed as text", "The response header '{0}' of '{1}' is {2}, which a header cannot carry as a typed value yet; it is a string holding the header's text",
        DiagnosticSeverity.Warning);

    /// <summary>EVS2040: a parameter or form field names a style OpenAPI does not define where it is.</summary>
    public static readonly DiagnosticDescriptor StyleNotDefinedHere = Create(
        "EVS2040", "Style not defined for the location", "'{0}' uses the style '{1}', which OpenAPI does not define for {2}; '{3}' is used",
        DiagnosticSeverity.Warning);

    /// <summary>EVS3001: an operation of the baseline is gone (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor RemovedOperation = Create(
        "EVS3001", "Operation removed", "The operation {0} was removed: clients calling it get 404 and code calling its generated method no longer compiles [{1}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3002: a parameter of the baseline is gone (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor RemovedParameter = Create(
        "EVS3002", "Parameter removed", "The parameter {0} was removed: callers of the generated method that pass it no longer compile and the server ignores or refuses it [{1}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3003: a parameter was added as required or became required (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor NewRequiredParameter = Create(
        "EVS3003", "Parameter required", "The parameter {0} is now required: existing clients do not send it and get 400 [{1}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3004: a property of the baseline is gone (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor RemovedProperty = Create(
        "EVS3004", "Property removed", "The property {0} was removed: clients reading or setting it break, and code using the generated property no longer compiles [{1}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3005: a request property was added as required or became required (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor NewRequiredRequestProperty = Create(
        "EVS3005", "Request property required", "The property {0} is now required in requests: existing clients do not send it and get 400 [{1}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3006: a property or parameter has another type or format (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor TypeChanged = Create(
        "EVS3006", "Type or format changed", "The type of {0} changed from {1} to {2}: values on the wire and the generated C# type differ [{3}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3007: a request enum lost a value (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor RequestEnumValueRemoved = Create(
        "EVS3007", "Enum value removed from a request", "The value '{0}' was removed from {1}, which requests use: clients sending it get 400 [{2}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3008: a response enum gained a value (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor ResponseEnumValueAdded = Create(
        "EVS3008", "Enum value added to a response", "The value '{0}' was added to {1}, which responses use: clients that switch over the known values may not handle it [{2}]",
        DiagnosticSeverity.Warning);

    /// <summary>EVS3009: a request bound or pattern got stricter (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor RequestConstraintTightened = Create(
        "EVS3009", "Request constraint tightened", "'{0}' of {1} was tightened from {2} to {3}: requests valid before are refused now [{4}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3010: a response bound or pattern got looser (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor ResponseConstraintLoosened = Create(
        "EVS3010", "Response constraint loosened", "'{0}' of {1} was loosened from {2} to {3}: clients may receive values they did not expect [{4}]",
        DiagnosticSeverity.Warning);

    /// <summary>EVS3011: nullable removed on a request or added on a response (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor NullabilityBroken = Create(
        "EVS3011", "Nullability changed incompatibly", "{0} {1}: {2} [{3}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3012: a 2xx response of the baseline is gone (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor SuccessResponseRemoved = Create(
        "EVS3012", "Success response removed", "The success response {0} of {1} was removed: clients expecting it fail on what comes instead [{2}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3013: a non-2xx response of the baseline is gone (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor ErrorResponseRemoved = Create(
        "EVS3013", "Error response removed", "The response {0} of {1} was removed: clients handling it keep working but it is no longer documented [{2}]",
        DiagnosticSeverity.Info);

    /// <summary>EVS3014: a request or response media type is gone (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor MediaTypeRemoved = Create(
        "EVS3014", "Media type removed", "The media type '{0}' of {1} was removed (now: {2}): clients sending or expecting '{0}' break [{3}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3015: breaks compiled code only (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor OperationIdRenamed = Create(
        "EVS3015", "operationId renamed", "The operationId of {0} changed from '{1}' to '{2}': the wire is unchanged, but code compiled against the generated method '{3}' no longer compiles [{4}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3016: breaks compiled code only (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor SchemaRenamed = Create(
        "EVS3016", "Schema renamed", "The schema '{0}' was renamed to '{1}': the wire is unchanged, but code compiled against the generated type '{0}' no longer compiles [{2}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3017: a deprecation to announce (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor DeprecationAdded = Create(
        "EVS3017", "Deprecated", "{0} is now deprecated [{1}]",
        DiagnosticSeverity.Info);

    /// <summary>EVS3018: a removal nobody was warned about (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor RemovedWithoutDeprecation = Create(
        "EVS3018", "Removed without prior deprecation", "{0} was removed without being deprecated in the baseline first [{1}]",
        DiagnosticSeverity.Warning);

    /// <summary>EVS3019: a response property is no longer required (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor ResponsePropertyOptional = Create(
        "EVS3019", "Response property no longer required", "The property {0} is no longer required in responses: clients that rely on it being present break [{1}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3020: a request body became required (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor RequestBodyRequired = Create(
        "EVS3020", "Request body required", "The request body of {0} is now required: existing clients that send none get 400 [{1}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3021: a security requirement was added to an operation or the document, or a scheme to a requirement (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor SecurityRequirementAdded = Create(
        "EVS3021", "Security requirement added", "{0} now requires {1}: clients that authenticated with {2} before are refused (401/403) [{3}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3022: a way to authenticate that the baseline accepted is gone (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor SecurityRequirementRemoved = Create(
        "EVS3022", "Security requirement removed", "{0} no longer accepts {1}: clients authenticating that way are refused (401/403) [{2}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3023: a security requirement asks for more scopes (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor SecurityScopesAdded = Create(
        "EVS3023", "Security scopes added", "{0} now requires the scopes {1} of '{2}': tokens issued for the baseline's scopes are refused (403) [{3}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3024: a new way to authenticate (or none) is accepted (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor SecurityRelaxed = Create(
        "EVS3024", "Security relaxed", "{0} now also accepts {1} [{2}]",
        DiagnosticSeverity.Info);

    /// <summary>EVS3025: a property used in requests became readOnly (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor RequestPropertyReadOnly = Create(
        "EVS3025", "Request property became read-only", "The property {0} became readOnly: the server now ignores or refuses the value clients send [{1}]",
        DiagnosticSeverity.Warning);

    /// <summary>EVS3026: a property used in responses became writeOnly (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor ResponsePropertyWriteOnly = Create(
        "EVS3026", "Response property became write-only", "The property {0} became writeOnly: responses no longer carry it and clients reading it break [{1}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3027: a default value was changed, added or removed (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor DefaultValueChanged = Create(
        "EVS3027", "Default value changed", "The default of {0} changed from {1} to {2}: a request or response that omits it now means something else [{3}]",
        DiagnosticSeverity.Warning);

    /// <summary>EVS3028: a oneOf/anyOf used in responses gained an alternative (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor ResponseUnionAlternativeAdded = Create(
        "EVS3028", "Alternative added to a response", "The alternative '{0}' was added to the {1} '{2}', which responses use: clients that know only the baseline's alternatives cannot read it [{3}]",
        DiagnosticSeverity.Warning);

    /// <summary>EVS3029: a oneOf/anyOf used in requests lost an alternative (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor RequestUnionAlternativeRemoved = Create(
        "EVS3029", "Alternative removed from a request", "The alternative '{0}' was removed from the {1} '{2}', which requests use: clients sending it get 400 [{3}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3030: the discriminator property or mapping of a union changed (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor DiscriminatorChanged = Create(
        "EVS3030", "Discriminator changed", "{0}: bodies written with the baseline's discriminator are no longer read as the same alternative [{1}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3031: a request or response media type was added (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor MediaTypeAdded = Create(
        "EVS3031", "Media type added", "The media type '{0}' was added to {1} [{2}]",
        DiagnosticSeverity.Info);

    /// <summary>EVS3032: a required response header is gone (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor RequiredResponseHeaderRemoved = Create(
        "EVS3032", "Required response header removed", "The required header '{0}' was removed from {1}: clients reading it break [{2}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3033: an optional response header is gone (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor OptionalResponseHeaderRemoved = Create(
        "EVS3033", "Optional response header removed", "The header '{0}' was removed from {1}: clients reading it when present no longer get it [{2}]",
        DiagnosticSeverity.Warning);

    /// <summary>EVS3034: a required response header became optional (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor ResponseHeaderOptional = Create(
        "EVS3034", "Response header no longer required", "The header '{0}' of {1} is no longer required: clients that rely on it being present break [{2}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3035: the result of an operation's generated method changed, with the response that is its success answer (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor SuccessAnswerChanged = Create(
        "EVS3035", "Success answer changed", "The success answer of {0} changed from {1} to {2}: the generated method's result is {4} instead of {3}, so code compiled against it no longer compiles and clients reading the baseline's answer break [{5}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS3036: the status a completed call is answered with changed, the result staying the same (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor SuccessStatusChanged = Create(
        "EVS3036", "Success status changed", "The success status of {0} changed from {1} to {2}: the generated method's result is unchanged, but a completed call is now answered {3}, and clients that accept only the baseline's statuses fail [{4}]",
        DiagnosticSeverity.Warning);

    /// <summary>EVS3037: the whole-response result type or method of an operation lost something code compiled against it uses (breaking-change gate).</summary>
    public static readonly DiagnosticDescriptor WholeResponseResultChanged = Create(
        "EVS3037", "Whole-response result changed", "The whole-response result of {0} changed: {1}, so code compiled against it no longer compiles [{2}]",
        DiagnosticSeverity.Error);

    /// <summary>EVS1050: a Swagger 2.0 construct that has no OpenAPI 3 equivalent, or breaks a 2.0 rule.</summary>
    public static readonly DiagnosticDescriptor Swagger2NotCarriedOver = Create(
        "EVS1050", "Swagger 2.0 construct not carried over", "'{0}' of this Swagger 2.0 document: {1}",
        DiagnosticSeverity.Warning);

    /// <summary>EVS1051: an OpenAPI 3.2 construct the generated code does not apply.</summary>
    public static readonly DiagnosticDescriptor OpenApi32NotGenerated = Create(
        "EVS1051", "OpenAPI 3.2 construct not generated", "'{0}' is not generated yet: {1}",
        DiagnosticSeverity.Warning);

    /// <summary>EVS1070: two documents of one project whose generated servers answer the same method and route.</summary>
    public static readonly DiagnosticDescriptor RouteCollision = Create(
        "EVS1070", "Route of another document", "{0} {1} is also a route of '{2}' ({0} {3}): ASP.NET Core would match both and answer every such request with 500 (AmbiguousMatchException)",
        DiagnosticSeverity.Error);

    private static readonly DiagnosticDescriptor[] s_all =
    [
        UnreadableDocument, UnsupportedVersion, InvalidStructure, UnresolvedReference, DocumentTooLarge, NamespaceConflict,
        InvalidPathTemplate, MissingRequiredField, PathParameterNotRequired, UnsatisfiableRequired, RuntimeMismatch,
        ServerVariableWithoutDefault, ErrorMediaTypeNotWritable, DiscriminatorNotFixed, Swagger2NotCarriedOver, OpenApi32NotGenerated, RouteCollision,
        UnsupportedSchema, UnsupportedOperation, DuplicateOperationId, InvalidOption, InvalidExtension, UnsupportedConstruct,
        ContentNotAllowed, HeaderNotScalar, FilterMatchesNothing, StyleNotDefinedHere, ServerWithoutAspNetCore, ContractWithoutModels,
        KeywordNotEnforced, UnreachedSchemasLeftOut,
        UnsendableSecurityScheme, TokensFromProvider, UndeclaredSecurityScheme,
        RemovedOperation, RemovedParameter, NewRequiredParameter, RemovedProperty, NewRequiredRequestProperty, TypeChanged,
        RequestEnumValueRemoved, ResponseEnumValueAdded, RequestConstraintTightened, ResponseConstraintLoosened, NullabilityBroken, SuccessResponseRemoved,
        ErrorResponseRemoved, MediaTypeRemoved, OperationIdRenamed, SchemaRenamed, DeprecationAdded, RemovedWithoutDeprecation, ResponsePropertyOptional, RequestBodyRequired,
        SecurityRequirementAdded, SecurityRequirementRemoved, SecurityScopesAdded, SecurityRelaxed, RequestPropertyReadOnly, ResponsePropertyWriteOnly,
        DefaultValueChanged, ResponseUnionAlternativeAdded, RequestUnionAlternativeRemoved, DiscriminatorChanged, MediaTypeAdded,
        RequiredResponseHeaderRemoved, OptionalResponseHeaderRemoved, ResponseHeaderOptional, SuccessAnswerChanged, SuccessStatusChanged,
        WholeResponseResultChanged,
    ];

    /// <summary>Every descriptor, in ID order.</summary>
    public static System.Collections.Generic.IReadOnlyList<DiagnosticDescriptor> All => s_all;

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id.ToLowerInvariant());

    /// <summary>Looks a descriptor up by its ID.</summary>
    public static DiagnosticDescriptor ById(string id)
    {
        foreach (var descriptor in s_all)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        throw new ArgumentException($"Unknown diagnostic ID '{id}'.", nameof(id));
    }
}
