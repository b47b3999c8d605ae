namespace EvsCodegen.Generators.Model;

/// <summary>A group of operations (one tag) that becomes one interface, one client and one controller.</summary>
/// <param name="InterfaceName">The contract interface, e.g. <c>ISnapshotsApi</c>.</param>
/// <param name="ClientName">The client class, e.g. <c>SnapshotsApiClient</c>.</param>
/// <param name="ControllerName">The controller class, e.g. <c>SnapshotsApiController</c>.</param>
/// <param name="Description">The tag's description.</param>
/// <param name="Operations">The operations, in document order.</param>
/// <param name="EndpointsName">The minimal-API endpoints class, e.g. <c>SnapshotsApiEndpoints</c> (<c>OpenApiEmit="minimal"</c>).</param>
internal sealed record SurfaceModel(
    string InterfaceName,
    string ClientName,
    string ControllerName,
    string? Description,
    EquatableArray<OperationModel> Operations,
    string EndpointsName = "")
{
    /// <summary>The suffix of the DI registration class emitted beside each client and controller.</summary>
    public const string ServicesSuffix = ReservedNames.ServicesSuffix;
}

/// <summary>One HTTP operation.</summary>
/// <param name="OperationId">The operationId (or a derived one when the document has none).</param>
/// <param name="MethodName">The C# method name without the <c>Async</c> suffix.</param>
/// <param name="HttpMethod">The upper-case HTTP method.</param>
/// <param name="Path">The path template, as in the document.</param>
/// <param name="Summary">The summary.</param>
/// <param name="Description">The description.</param>
/// <param name="Deprecated">Whether the operation is deprecated.</param>
/// <param name="Parameters">Path, query, header and cookie parameters, path first then in document order.</param>
/// <param name="Body">The request body, if any.</param>
/// <param name="Success">
/// The response the method returns: the first 2xx, else the <c>2XX</c> range, else <c>default</c> when no other answer
/// below 400 is declared (it is then also the error answer of the other statuses); null when there is none.
/// </param>
/// <param name="Responses">Every documented response, in document order.</param>
/// <param name="Result">
/// The whole-response type and method, for operations whose success answers say more than one body (headers, or
/// several success statuses); null for the others, whose contract method says it all.
/// </param>
/// <param name="Security">The index of the operation's security list in <see cref="ApiContextModel.SecuritySets"/> (its own, else the document's); -1 when none applies.</param>
/// <param name="OwnSecurity">Whether the operation has a <c>security</c> list of its own (else the document's applies), for the breaking-change gate.</param>
internal sealed record OperationModel(
    string OperationId,
    string MethodName,
    string HttpMethod,
    string Path,
    string? Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<ParameterModel> Parameters,
    BodyModel? Body,
    ResponseModel? Success,
    EquatableArray<ResponseModel> Responses,
    ResultModel? Result = null,
    int Security = -1,
    bool OwnSecurity = false)
{
    /// <summary>
    /// The status the server answers a completed call with (docs/decisions.md, "The success answer when the document
    /// declares none"): the success answer's (200 for <c>default</c> and <c>2XX</c>); without one, 200 with no body when
    /// <c>default</c> covers it (it is not the success answer only beside a declared 1xx or 3xx), else 204 No Content,
    /// which claims least.
    /// </summary>
    public int SuccessStatusCode
    {
        get
        {
            if (Success is { } success)
            {
                return success.StatusCode == 0 ? 200 : success.StatusCode;
            }

            foreach (var response in Responses)
            {
                if (response.Status == "default")
                {
                    return 200;
                }
            }

            return 204;
        }
    }
}

/// <summary>Where a parameter travels.</summary>
internal enum ParameterLocation
{
    /// <summary>In the path template.</summary>
    Path,

    /// <summary>In the query string.</summary>
    Query,

    /// <summary>In a header.</summary>
    Header,

    /// <summary>In a cookie.</summary>
    Cookie,
}

/// <summary>A parameter of an operation.</summary>
/// <param name="WireName">The name on the wire.</param>
/// <param name="Name">The C# parameter name (camelCase, escaped).</param>
/// <param name="Location">Where it travels.</param>
/// <param name="Required">Whether it is required.</param>
/// <param name="Type">Its type (scalars, enums and arrays of them).</param>
/// <param name="Explode">Whether arrays are exploded (<c>a=1&amp;a=2</c>) or joined (<c>a=1,2</c>).</param>
/// <param name="Description">Doc text.</param>
/// <param name="Encoding">How a value the plain path cannot carry travels (objects, other styles, JSON content), else null.</param>
/// <param name="Constraints">
/// The validation keywords of the parameter's schema (bounds, lengths, pattern, item counts), enforced by the server;
/// those of an array's items are <see cref="TypeRefModel.ItemConstraints"/>.
/// </param>
/// <param name="Default">The schema's <c>default</c> as compact JSON-like text, if any (compared by the breaking-change gate).</param>
/// <param name="Deprecated">Whether the parameter is marked <c>deprecated</c> (compared by the breaking-change gate).</param>
internal sealed record ParameterModel(
    string WireName,
    string Name,
    ParameterLocation Location,
    bool Required,
    TypeRefModel Type,
    bool Explode,
    string? Description,
    ConstraintsModel Constraints,
    string? Default = null,
    bool Deprecated = false,
    ParameterEncodingModel? Encoding = null);

/// <summary>An OpenAPI parameter style (<c>style</c>); the names match the runtime's <c>ApiParameterStyle</c>.</summary>
internal enum ParameterStyle
{
    /// <summary><c>form</c> (query and cookie default).</summary>
    Form,

    /// <summary><c>simple</c> (path and header default).</summary>
    Simple,

    /// <summary><c>label</c>: <c>.a.b</c>.</summary>
    Label,

    /// <summary><c>matrix</c>: <c>;name=a,b</c>.</summary>
    Matrix,

    /// <summary><c>spaceDelimited</c>: <c>a%20b</c>.</summary>
    SpaceDelimited,

    /// <summary><c>pipeDelimited</c>: <c>a|b</c>.</summary>
    PipeDelimited,

    /// <summary><c>deepObject</c>: <c>name[key]=value</c>.</summary>
    DeepObject,
}

/// <summary>
/// How a parameter that the plain path (a scalar or an array of scalars in its location's default style) cannot
/// carry travels: through its JSON, written by the runtime in <paramref name="Style"/> and read back into JSON for the
/// schema's converter.
/// </summary>
/// <param name="Style">The style.</param>
/// <param name="IsJson">Whether the parameter is described with <c>content: application/json</c>: its text is JSON.</param>
/// <param name="Shape">The value's shape descriptor (runtime <c>ApiValueShape</c>) for an object or a styled array, else null.</param>
internal sealed record ParameterEncodingModel(ParameterStyle Style, bool IsJson, string? Shape);

/// <summary>A form body property's <c>encoding</c> object.</summary>
/// <param name="Property">The property's JSON name.</param>
/// <param name="Style">The style as the document spells it.</param>
/// <param name="Explode">Whether the value is exploded.</param>
/// <param name="ContentType">The property's media type, if given.</param>
internal sealed record FieldEncodingModel(string Property, string Style, bool Explode, string? ContentType);

/// <summary>How a body is encoded.</summary>
internal enum BodyEncoding
{
    /// <summary>JSON.</summary>
    Json,

    /// <summary>Plain text.</summary>
    Text,

    /// <summary>Raw bytes as a stream.</summary>
    Binary,

    /// <summary>An object as <c>application/x-www-form-urlencoded</c> fields (nested values as bracket keys).</summary>
    Form,

    /// <summary>An object as <c>multipart/form-data</c> parts: scalars as text parts, bytes as file parts.</summary>
    Multipart,

    /// <summary>A response of server-sent events (<c>text/event-stream</c>), read item by item; the type is the item's.</summary>
    EventStream,

    /// <summary>A response of JSON Lines (<c>application/x-ndjson</c>, <c>application/jsonl</c>) or a JSON text sequence (<c>application/json-seq</c>), read item by item; the type is the item's.</summary>
    JsonLines,

    /// <summary>An object, array or scalar as XML after OpenAPI's XML Object, transcoded to and from the JSON its converter reads (runtime <c>ApiXml</c>).</summary>
    Xml,
}

/// <summary>Facts about <see cref="BodyEncoding"/> that parser and emitters share.</summary>
internal static class BodyEncodings
{
    /// <summary>Whether the body is an object read through its schema's JSON converter (JSON, or form fields turned into JSON).</summary>
    public static bool IsSchemaObject(this BodyEncoding encoding) => encoding is BodyEncoding.Json or BodyEncoding.Form or BodyEncoding.Multipart or BodyEncoding.Xml;

    /// <summary>Whether the response is a sequence of items the client reads and the server writes one at a time.</summary>
    public static bool IsItemStream(this BodyEncoding encoding) => encoding is BodyEncoding.EventStream or BodyEncoding.JsonLines;

    /// <summary>Whether the body is form fields (<c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c>).</summary>
    public static bool IsForm(this BodyEncoding encoding) => encoding is BodyEncoding.Form or BodyEncoding.Multipart;
}

/// <summary>Facts about error answers that parser and emitters share (docs/decisions.md, "Error answers in the declared media type").</summary>
internal static class ErrorAnswers
{
    /// <summary>A media type without its parameters, in lower case.</summary>
    public static string BaseType(string mediaType) => mediaType.Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>
    /// Whether the server writes its error answers for <paramref name="response"/> in the declared media type: a JSON
    /// type as JSON; a text type whose schema is a string or absent (the parser types any other as bytes) as the
    /// message, HTML-escaped for <c>text/html</c>; an XML type with a schema the XML Object expresses as XML. A
    /// response without content is answered as <c>application/json</c>. Not written: XML without such a schema
    /// (<c>text/xml</c> as text included), server-sent events, and binary or other types.
    /// </summary>
    public static bool IsWritable(ResponseModel response) =>
        response.ContentType is null || response.Encoding == BodyEncoding.Json
        || (response.Encoding == BodyEncoding.Xml && response.Xml is not null)
        || (response.Encoding == BodyEncoding.Text && IsMessageText(response.ContentType));

    /// <summary>
    /// Whether an error in <paramref name="mediaType"/> can be the message alone: a <c>text/*</c> type without a structure
    /// of its own (not <c>text/xml</c> nor <c>text/event-stream</c>); the runtime's <c>ApiServerRuntime</c> decides alike.
    /// </summary>
    public static bool IsMessageText(string mediaType)
    {
        var bare = BaseType(mediaType);
        return bare.StartsWith("text/", System.StringComparison.Ordinal) && bare != "text/xml" && bare != "text/event-stream" && !bare.EndsWith("+xml", System.StringComparison.Ordinal);
    }
}

/// <summary>A request body.</summary>
/// <param name="ContentType">The media type sent.</param>
/// <param name="Encoding">How the body is encoded.</param>
/// <param name="Type">The body's type (for JSON).</param>
/// <param name="Required">Whether the body is required.</param>
/// <param name="Description">Doc text.</param>
/// <param name="Name">The C# parameter name.</param>
/// <param name="FormFields">For <see cref="BodyEncoding.Multipart"/>: the object's properties as form fields.</param>
/// <param name="MediaTypes">Every media type of the body's <c>content</c>, in document order (compared by the breaking-change gate).</param>
/// <param name="Shape">For <see cref="BodyEncoding.Form"/>: the body's shape descriptor (runtime <c>ApiValueShape</c>), nested values and encodings included.</param>
/// <param name="Xml">The body's XML form: for <see cref="BodyEncoding.Xml"/>, or the XML alternative of a JSON body.</param>
/// <param name="Constraints">For a JSON body: the validation keywords of the body's own schema (the server enforces them on read).</param>
/// <param name="FormTypeName">
/// For a <see cref="BodyEncoding.Multipart"/> body with file parts: the generated form record the operation takes instead of
/// <paramref name="Type"/>, whose file parts are <c>ApiFile</c> streams (<paramref name="Type"/> keeps <c>byte[]</c> for JSON).
/// </param>
/// <param name="AlternativeShapes">For a <see cref="BodyEncoding.Form"/> body that is a union of objects: each alternative's shape descriptor, in order.</param>
internal sealed record BodyModel(string ContentType, BodyEncoding Encoding, TypeRefModel Type, bool Required, string? Description, string Name, EquatableArray<FormFieldModel> FormFields = default, EquatableArray<string> MediaTypes = default, string? Shape = null, XmlBodyModel? Xml = null, ConstraintsModel? Constraints = null, string? FormTypeName = null, EquatableArray<string> AlternativeShapes = default);

/// <summary>One field of a form body: a property of the body's object type.</summary>
/// <param name="WireName">The field name on the wire (the property's JSON name).</param>
/// <param name="PropertyName">The C# property.</param>
/// <param name="Type">The scalar type of the value, or of each value when <paramref name="IsArray"/>.</param>
/// <param name="IsArray">Whether the field repeats (an array of scalars).</param>
/// <param name="Nullable">Whether the C# property may be null.</param>
/// <param name="PropertyType">The property's whole type (the array for a repeated field), as the schema's record declares it.</param>
/// <param name="Required">Whether the schema requires the property.</param>
/// <param name="Description">The property's doc text.</param>
/// <param name="IsJson">Whether each value travels as a JSON part (an object, OpenAPI's default, or an <c>encoding</c> with a JSON <c>contentType</c>).</param>
/// <param name="ContentType">The part's media type from the property's <c>encoding</c> object: a JSON part's, or a file part's default.</param>
internal sealed record FormFieldModel(string WireName, string PropertyName, TypeRefModel Type, bool IsArray, bool Nullable, TypeRefModel PropertyType, bool Required, string? Description, bool IsJson = false, string? ContentType = null)
{
    /// <summary>Whether the field is a file part (<c>format: binary</c>), an <c>ApiFile</c> in the body's form record.</summary>
    public bool IsFile => Type.Kind == TypeRefKind.Bytes && !IsJson && !IsBase64;

    /// <summary>Whether the field is <c>format: byte</c>: base64 text, a text part.</summary>
    public bool IsBase64 => Type.Kind == TypeRefKind.Bytes && Type.Format == "byte";
}

/// <summary>A documented response.</summary>
/// <param name="Status">The status key as written: <c>200</c>, <c>4XX</c> or <c>default</c>.</param>
/// <param name="StatusCode">The numeric status, or 0 for ranges and default.</param>
/// <param name="Description">Doc text.</param>
/// <param name="ContentType">The media type of the body, if any.</param>
/// <param name="Encoding">How the body is encoded.</param>
/// <param name="Type">The body's type, when it has one.</param>
/// <param name="Headers">The response's declared headers (its <c>headers</c>), in document order.</param>
/// <param name="Envelope">Whether the body is the document's error envelope (<c>x-error-envelope</c>), which the fault table writes and reads.</param>
/// <param name="MediaTypes">Every media type of the response's <c>content</c>, in document order (compared by the breaking-change gate).</param>
/// <param name="Xml">The body's XML form: for <see cref="BodyEncoding.Xml"/>, or the XML alternative of a JSON body.</param>
/// <param name="Constraints">For a JSON body: the validation keywords of the body's own schema.</param>
internal sealed record ResponseModel(string Status, int StatusCode, string? Description, string? ContentType, BodyEncoding Encoding, TypeRefModel? Type, EquatableArray<HeaderModel> Headers = default, bool Envelope = false, EquatableArray<string> MediaTypes = default, XmlBodyModel? Xml = null, ConstraintsModel? Constraints = null)
{
    /// <summary>Whether this is an error answer: a 4xx or 5xx status, a <c>4XX</c>/<c>5XX</c> range, or <c>default</c>.</summary>
    public bool IsError => StatusCode >= 400 || Status == "default" || (StatusCode == 0 && Status.Length == 3 && Status[0] is '4' or '5');

    /// <summary>Whether this is a success answer: a 2xx status or the <c>2XX</c> range.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300 || (StatusCode == 0 && Status.Length == 3 && Status[0] == '2');

    /// <summary>
    /// An error answer whose JSON body (not the envelope), or XML body after the XML Object, the document declares: a
    /// typed error on both sides.
    /// </summary>
    public bool IsDeclaredError => IsError && Type is not null && !Envelope && (Encoding == BodyEncoding.Json || (Encoding == BodyEncoding.Xml && Xml is not null));
}

/// <summary>A declared response header.</summary>
/// <param name="WireName">The header's name.</param>
/// <param name="Type">Its type: a scalar or enum (other schemas are read as text, with a warning).</param>
/// <param name="Required">Whether the document requires it.</param>
/// <param name="Description">Doc text.</param>
internal sealed record HeaderModel(string WireName, TypeRefModel Type, bool Required, string? Description);

/// <summary>
/// A body's XML form (docs/decisions.md, "XML bodies"): the whole body when its encoding is <see cref="BodyEncoding.Xml"/>,
/// else the alternative a JSON body is also declared in, chosen by Content-Type and Accept.
/// </summary>
/// <param name="MediaType">The document's XML media type (<c>application/xml</c>, <c>text/xml</c>, <c>+xml</c>).</param>
/// <param name="Shape">The shape descriptor the runtime's <c>ApiXml</c> reads: element names, namespaces, attributes, wrapping.</param>
internal sealed record XmlBodyModel(string MediaType, string Shape);
