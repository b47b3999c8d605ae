using System.Linq;

namespace EvsCodegen.Generators.Model;

/// <summary>
/// The one owner of every name the emitters write into a user's namespace that does not come from the document:
/// the fixed type names, the name suffixes of companion types, and the members, parameters and locals of each kind
/// of generated type. Parsing's name scopes take their reserved lists from here, the emitters spell these names
/// through these constants, and a corpus test fails on any generated declaration that is neither derived from the
/// document model nor listed here (an apiKey scheme named <c>apply</c> once collided with <c>ApiClientOptions.Apply</c>).
/// </summary>
/// <remarks>
/// Runtime types (<c>ApiException</c>, <c>ApiJsonReader</c>, …) live in <c>EvsCodegen.Runtime</c> and are always named
/// <c>global::</c>-qualified, so they are not reserved: a schema may be called <c>ApiException</c>.
/// </remarks>
internal static class ReservedNames
{
    /// <summary>The per-document fault table (<c>x-fault</c>).</summary>
    public const string Faults = "ApiFaults";

    /// <summary>The per-document client settings (API keys).</summary>
    public const string ClientOptions = "ApiClientOptions";

    /// <summary>The per-document JSON type-info resolver.</summary>
    public const string JsonResolver = "ApiJsonResolver";

    /// <summary>The suffix of the JSON converter beside every named type (<c>PetJsonConverter</c>).</summary>
    public const string ConverterSuffix = "JsonConverter";

    /// <summary>The suffix of the DI extension class beside every client and controller.</summary>
    public const string ServicesSuffix = "ServiceCollectionExtensions";

    /// <summary>The suffix of the minimal-API endpoints class of a surface (<c>SnapshotsApiEndpoints</c>).</summary>
    public const string EndpointsSuffix = "Endpoints";

    /// <summary>The property of a record that keeps undeclared keys (<c>additionalProperties</c>).</summary>
    public const string AdditionalProperties = "AdditionalProperties";

    /// <summary>The fixed type names every document emits; no schema or tag may take them.</summary>
    public static readonly string[] TypeNames = [Faults, ClientOptions, JsonResolver];

    /// <summary>What every class, struct and record inherits from <see cref="object"/>: a member with one of these names hides it (CS0108/CS0114).</summary>
    public static readonly string[] ObjectMembers = ["Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals"];

    /// <summary>
    /// Members of a generated record (object schemas and unions): the compiler-synthesized ones (<c>Clone</c> is
    /// disallowed in records, CS8859; <c>&lt;Clone&gt;$</c> cannot be an identifier) and <see cref="AdditionalProperties"/>.
    /// </summary>
    public static readonly string[] RecordMembers = [.. ObjectMembers, "Clone", "EqualityContract", "Deconstruct", "PrintMembers", AdditionalProperties];

    /// <summary>Members of a generated union record, besides one property per alternative (named by the alternative's type or kind).</summary>
    public static readonly string[] UnionMembers = [.. RecordMembers, "Value"];

    /// <summary>The static table of an enum struct's listed values (<c>IsKnown</c> and its converter's reads look values up in it).</summary>
    public const string EnumKnownSet = "s_known";

    /// <summary>The nested static class of an enum struct holding its listed values as constants (<c>case Color.Values.Red:</c>).</summary>
    public const string EnumConstants = "Values";

    /// <summary>The allowed values of an integer enum struct as text, for a strict read's refusal message.</summary>
    public const string EnumAllowed = "s_allowed";

    /// <summary>Members of a generated enum struct, besides one static property per listed value.</summary>
    public static readonly string[] EnumMembers = [.. ObjectMembers, "Value", "_value", "IsKnown", "KnownValues", "TryParse", EnumKnownSet, EnumConstants, EnumAllowed];

    /// <summary>The method of <c>ApiClientOptions</c> the clients call to add the credentials to a request.</summary>
    public const string ApplyCredentials = "ApplyCredentialsAsync";

    /// <summary>Members of <c>ApiClientOptions</c>, besides one property per API key; the type's own name too (CS0542).</summary>
    public static readonly string[] ClientOptionsMembers = [.. ObjectMembers, ClientOptions, ApplyCredentials];

    /// <summary>The table of an object converter's declared keys (<c>ApiJsonKeys</c>), read and written by index.</summary>
    public const string ConverterKeyTable = "s_keys";

    /// <summary>The nested class holding the values read so far, in the converter of an object with many properties.</summary>
    public const string ConverterSlots = "Slots";

    /// <summary>Prefix of the chunk methods reading a range of properties (<c>ReadChunk0</c>, …).</summary>
    public const string ConverterReadChunkPrefix = "ReadChunk";

    /// <summary>Prefix of the chunk methods writing a range of properties (<c>WriteChunk0</c>, …).</summary>
    public const string ConverterWriteChunkPrefix = "WriteChunk";

    /// <summary>Members of every generated JSON converter (the <c>JsonConverter&lt;T&gt;</c> overrides and generated helpers).</summary>
    public static readonly string[] ConverterMembers = ["Read", "Write", "ReadValue", "WriteValue", "s_allowed", ConverterKeyTable, ConverterSlots];

    /// <summary>Prefix of the slot field holding a property's value (<c>p0</c>, …; the inline form's locals too).</summary>
    public const string SlotValuePrefix = "p";

    /// <summary>Prefix of the slot field that recorded that a property's key was read (<c>has0</c>, …): no longer emitted, still reserved.</summary>
    public const string SlotSeenPrefix = "has";

    /// <summary>Name patterns of numbered converter members and slot fields: a prefix followed by digits only.</summary>
    public static readonly string[] NumberedPrefixes = [ConverterNameFieldPrefix, ConverterPatternFieldPrefix, ConverterRuleFieldPrefix, ConverterReadChunkPrefix, ConverterWriteChunkPrefix, SlotValuePrefix, SlotSeenPrefix, ConverterUnionOptionPrefix, ConverterUnionGroupPrefix, ConverterUnionNamesPrefix];

    /// <summary>Prefix of the method of a union converter that reads one alternative (<c>ReadOption0</c>, …).</summary>
    public const string ConverterUnionOptionPrefix = "ReadOption";

    /// <summary>Prefix of the static array of a union converter's readers of the alternatives sharing one JSON kind (<c>s_group0</c>, …).</summary>
    public const string ConverterUnionGroupPrefix = "s_group";

    /// <summary>Prefix of the static array of the names of those alternatives, for messages (<c>s_names0</c>, …).</summary>
    public const string ConverterUnionNamesPrefix = "s_names";

    /// <summary>Prefix of the static <c>JsonEncodedText</c> field per property of an object converter (<c>s_name0</c>, …).</summary>
    public const string ConverterNameFieldPrefix = "s_name";

    /// <summary>Prefix of the static <c>ApiJsonRule</c> fields of a converter, one per distinct set of constraints (<c>s_rule0</c>, …).</summary>
    public const string ConverterRuleFieldPrefix = "s_rule";

    /// <summary>Prefix of the static compiled-pattern fields of a converter (<c>s_pattern0</c>, …).</summary>
    public const string ConverterPatternFieldPrefix = "s_pattern";

    /// <summary>Appended to an operation's method name in the contract, the client and the controller (<c>ShowSnapshotAsync</c>).</summary>
    public const string AsyncSuffix = "Async";

    /// <summary>Appended to an operation's method name for its whole-response type (<c>CreatePetResult</c>).</summary>
    public const string ResultSuffix = "Result";

    /// <summary>Appended to an operation's method name for the form record of a multipart body with file parts (<c>UploadFileForm</c>).</summary>
    public const string FormSuffix = "Form";

    /// <summary>Appended to an operation's method name for its whole-response method (<c>CreatePetWithResponseAsync</c>).</summary>
    public const string WithResponseSuffix = "WithResponse";

    /// <summary>
    /// Prefix and suffix of a client's private method building and sending an operation's request, shared by its body
    /// method and its whole-response method (<c>SendCreatePetRequest</c>). Operation methods end in <c>Async</c>, so
    /// no operation method can take the name.
    /// </summary>
    public const string SharedRequestPrefix = "Send";

    /// <inheritdoc cref="SharedRequestPrefix"/>
    public const string SharedRequestSuffix = "Request";

    /// <summary>
    /// Prefix of a client's private static methods reading an operation's inline JSON body of one status
    /// (<c>ReadListPets200</c>, <c>ReadListPets4XX</c>, <c>ReadListPetsDefault</c>) and its whole response
    /// (<c>ReadListPetsResponse</c>).
    /// </summary>
    public const string ClientReadPrefix = "Read";

    /// <summary>Suffix of a client's private static method turning an answer into its whole-response type (<c>ReadListPetsResponse</c>).</summary>
    public const string ClientResponseReaderSuffix = "Response";

    /// <summary>The shared request method's parameter saying whether the answer's headers are kept.</summary>
    public const string ReadHeadersParameter = "readHeaders";

    /// <summary>The status property of a result type.</summary>
    public const string ResultStatusCode = "StatusCode";

    /// <summary>The body property of a result type whose success answers share one body type.</summary>
    public const string ResultBody = "Body";

    /// <summary>The internal factory the contract's default whole-response method answers the body method's status with.</summary>
    public const string ResultFromBody = "FromBody";

    /// <summary>Fixed members of a result type, besides its bodies, headers and factories (named after the document's statuses and headers).</summary>
    public static readonly string[] ResultMembers = [.. ObjectMembers, ResultStatusCode, ResultFromBody];

    /// <summary>Members of <c>ApiFaults</c>.</summary>
    public static readonly string[] FaultsMembers = ["Table"];

    /// <summary>Members of <c>ApiJsonResolver</c>.</summary>
    public static readonly string[] ResolverMembers = ["Instance", "GetTypeInfo"];

    /// <summary>Fields of a generated client, besides one method per operation.</summary>
    public static readonly string[] ClientMembers = ["_httpClient", "_options"];

    /// <summary>Fields of a generated controller, besides one action per operation.</summary>
    public static readonly string[] ControllerMembers = ["_api"];

    /// <summary>Members of a client's DI extension class, besides its <c>Add…</c> method.</summary>
    public static readonly string[] ServicesMembers = ["HttpClientName"];

    /// <summary>
    /// Locals and fixed parameters of the generated operation methods (client methods and controller actions): a
    /// document parameter cannot take one, so it is numbered instead.
    /// </summary>
    public static readonly string[] OperationLocals = ["cancellationToken", "http", "payload", "parsed", "result", "query", "request", "response", "content", "item", "exception", "value", "form", "credential", "answer", "interceptors", ReadHeadersParameter];

    /// <summary>Parameters of the fixed generated methods (constructors, converters, enum members, DI extensions, <c>ApplyCredentialsAsync</c>).</summary>
    public static readonly string[] FixedParameters =
    [
        "httpClient", "options", "api", "services", "baseAddress", "configureOptions", "lifetime", "TImplementation",
        "reader", "writer", "context", "typeToConvert", "type", "value", "text", "obj", "other", "left", "right", "request", "query", "security", "cancellationToken", "provider",
        "slots", "index", "statusCode", "body", "endpoints",
    ];

    /// <summary>Every fixed member name of every generated type kind, for the test that holds generated output to this owner.</summary>
    public static readonly string[] AllMembers =
    [
        .. new[] { RecordMembers, UnionMembers, EnumMembers, ClientOptionsMembers, ConverterMembers, FaultsMembers, ResolverMembers, ClientMembers, ControllerMembers, ServicesMembers, ResultMembers }
            .SelectMany(names => names).Distinct(System.StringComparer.Ordinal),
    ];

    // Generated names may carry '@' (a keyword escaped); a method name built from one must not.

    /// <summary>The DI method registering a client: <c>Add</c> and the client's name.</summary>
    public static string AddClientMethod(string clientName) => "Add" + clientName.TrimStart('@');

    /// <summary>The DI method registering a controller: <c>Add</c>, its name without <c>Controller</c>, and <c>Controllers</c>.</summary>
    public static string AddControllersMethod(string controllerName) => "Add" + ServerStem(controllerName) + "Controllers";

    /// <summary>The DI method registering a backend and its controller: <c>Add</c>, the controller's name without <c>Controller</c>, and <c>Server</c>.</summary>
    public static string AddServerMethod(string controllerName) => "Add" + ServerStem(controllerName) + "Server";

    /// <summary>The extension method mapping a surface's minimal-API endpoints: <c>Map</c> and the controller's name without <c>Controller</c>.</summary>
    public static string MapEndpointsMethod(string controllerName) => "Map" + ServerStem(controllerName);

    /// <summary>The DI method registering a backend for the minimal-API endpoints: <c>Add</c>, the controller's name without <c>Controller</c>, and <c>Endpoints</c>.</summary>
    public static string AddEndpointsMethod(string controllerName) => "Add" + ServerStem(controllerName) + EndpointsSuffix;

    /// <summary>A client's private method building and sending an operation's request (<c>SendCreatePetRequest</c>).</summary>
    public static string SharedRequestMethod(string methodName) => SharedRequestPrefix + methodName.TrimStart('@') + SharedRequestSuffix;

    /// <summary>A client's private static method turning an answer into the operation's whole-response type (<c>ReadListPetsResponse</c>).</summary>
    public static string ResponseReaderMethod(string methodName) => ClientReadPrefix + methodName.TrimStart('@') + ClientResponseReaderSuffix;

    /// <summary>
    /// A client's private static method reading an operation's inline JSON body of one status (<c>ReadListPets200</c>,
    /// <c>ReadListPets4XX</c>, <c>ReadListPetsDefault</c>): statuses are three characters or <c>Default</c>, so the
    /// names of two operations never meet.
    /// </summary>
    public static string BodyReaderMethod(string methodName, string status) =>
        ClientReadPrefix + methodName.TrimStart('@') + (status == "default" ? "Default" : status.ToUpperInvariant());

    private static string ServerStem(string controllerName)
    {
        var name = controllerName.TrimStart('@');
        return name.EndsWith("Controller", System.StringComparison.Ordinal) && name.Length > "Controller".Length
            ? name.Substring(0, name.Length - "Controller".Length)
            : name;
    }

    /// <summary>Every member name a schema name could meet as a member of its own type (CS0542): types may not take them.</summary>
    public static readonly string[] TypeLevelMembers = [.. RecordMembers.Union(UnionMembers).Union(EnumMembers).Distinct(System.StringComparer.Ordinal)];
}
