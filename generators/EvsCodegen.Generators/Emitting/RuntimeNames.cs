namespace EvsCodegen.Generators.Emitting;

/// <summary>
/// Every runtime type and member the emitted code calls, in one place: the runtime is the compiled libraries
/// <c>EvsCodegen.Runtime</c> and <c>EvsCodegen.Runtime.AspNetCore</c>, which the generator (a netstandard2.0 analyzer)
/// cannot reference, so the names are spelled here once and <c>RuntimeNamesTests</c> resolves each against the
/// libraries by reflection: renaming either side fails the tests, not a consumer's build.
/// </summary>
internal static class RuntimeNames
{
    /// <summary>The runtime's namespace.</summary>
    public const string Namespace = "global::EvsCodegen.Runtime";

    /// <summary>The server runtime's namespace.</summary>
    public const string AspNetCoreNamespace = "global::EvsCodegen.Runtime.AspNetCore";

    /// <summary>The assembly the generated models and clients need, and its package.</summary>
    public const string RuntimeAssembly = "EvsCodegen.Runtime";

    /// <summary>The assembly the generated controllers need, and its package.</summary>
    public const string AspNetCoreAssembly = "EvsCodegen.Runtime.AspNetCore";

    /// <summary><c>ApiJsonReader</c>: the state of one read, called as <c>context</c> by the generated converters.</summary>
    public static class Reader
    {
        public const string Type = Namespace + ".ApiJsonReader";
        public const string Deserialize = "Deserialize";
        public const string Strict = "Strict";
        public const string Read = "Read";
        public const string Expect = "Expect";
        public const string Fail = "Fail";
        public const string Push = "Push";
        public const string PushIndex = "PushIndex";
        public const string Pop = "Pop";
        public const string Mark = "Mark";
        public const string Restore = "Restore";
        public const string PeekString = "PeekString";
        public const string ReadKey = "ReadKey";
        public const string ReadAny = "ReadAny";
        public const string ReadString = "ReadString";
        public const string ReadBoolean = "ReadBoolean";
        public const string ReadInt32 = "ReadInt32";
        public const string ReadInt64 = "ReadInt64";
        public const string ReadSingle = "ReadSingle";
        public const string ReadDouble = "ReadDouble";
        public const string ReadDecimal = "ReadDecimal";
        public const string ReadDateTime = "ReadDateTime";
        public const string ReadDate = "ReadDate";
        public const string ReadGuid = "ReadGuid";
        public const string ReadBytes = "ReadBytes";
        public const string CheckUniqueKey = "CheckUniqueKey";
        public const string CheckCount = "CheckCount";
        public const string CheckLength = "CheckLength";
        public const string CheckUtf8Bytes = "CheckUtf8Bytes";
        public const string CheckPattern = "CheckPattern";
        public const string CheckRange = "CheckRange";
        public const string FailNotAllowed = "FailNotAllowed";
        public const string CheckAllowed = "CheckAllowed";
        public const string CheckMultipleOf = "CheckMultipleOf";
        public const string CheckSchema = "CheckSchema";
        public const string CheckBoolean = "CheckBoolean";
        public const string ReadAlternative = "ReadAlternative";
        public const string BeginObject = "BeginObject";
        public const string NextKey = "NextKey";
        public const string EndObject = "EndObject";
        public const string ReadList = "ReadList";
        public const string ReadFunc = Namespace + ".ApiJsonReadFunc";
    }

    /// <summary><c>ApiJsonKeys</c>: the declared keys of an object converter (<c>s_keys</c>).</summary>
    public static class Keys
    {
        public const string Type = Namespace + ".ApiJsonKeys";
        public const string Required = "Required";
        public const string MinProperties = "MinProperties";
        public const string MaxProperties = "MaxProperties";
    }

    /// <summary><c>ApiJsonUnknownKeys</c>: what an object converter does with undeclared keys.</summary>
    public static class UnknownKeys
    {
        public const string Type = Namespace + ".ApiJsonUnknownKeys";
        public const string Skip = "Skip";
        public const string Forbid = "Forbid";
        public const string Keep = "Keep";
    }

    /// <summary><c>ApiJsonObjectState</c>: the progress of one object read (<c>state</c>).</summary>
    public static class ObjectState
    {
        public const string Type = Namespace + ".ApiJsonObjectState";
        public const string Has = "Has";
    }

    /// <summary><c>ApiJsonItems</c>: readers and writers of one scalar array item (members named Read…/Write… by kind).</summary>
    public static class Items
    {
        public const string Type = Namespace + ".ApiJsonItems";
        public const string ReadString = "ReadString";
        public const string WriteString = "WriteString";
        public const string ReadBoolean = "ReadBoolean";
        public const string WriteBoolean = "WriteBoolean";
        public const string ReadInt32 = "ReadInt32";
        public const string WriteInt32 = "WriteInt32";
        public const string ReadInt64 = "ReadInt64";
        public const string WriteInt64 = "WriteInt64";
        public const string ReadSingle = "ReadSingle";
        public const string WriteSingle = "WriteSingle";
        public const string ReadDouble = "ReadDouble";
        public const string WriteDouble = "WriteDouble";
        public const string ReadDecimal = "ReadDecimal";
        public const string WriteDecimal = "WriteDecimal";
        public const string ReadDateTime = "ReadDateTime";
        public const string WriteDateTime = "WriteDateTime";
        public const string ReadDate = "ReadDate";
        public const string WriteDate = "WriteDate";
        public const string ReadGuid = "ReadGuid";
        public const string WriteGuid = "WriteGuid";
        public const string ReadBytes = "ReadBytes";
        public const string WriteBytes = "WriteBytes";
        public const string ReadAny = "ReadAny";
        public const string WriteAny = "WriteAny";
    }

    /// <summary><c>ApiJsonRule</c>: the constraints of one value, checked by the reads that take it.</summary>
    public static class Rule
    {
        public const string Type = Namespace + ".ApiJsonRule";
        public const string MinLength = "MinLength";
        public const string MaxLength = "MaxLength";
        public const string MaxBytes = "MaxBytes";
        public const string Pattern = "Pattern";
        public const string Minimum = "Minimum";
        public const string Maximum = "Maximum";
        public const string ExclusiveMinimum = "ExclusiveMinimum";
        public const string ExclusiveMaximum = "ExclusiveMaximum";
        public const string Allowed = "Allowed";
        public const string MultipleOf = "MultipleOf";
        public const string AllowedBoolean = "AllowedBoolean";
        public const string Schema = "Schema";
    }

    /// <summary><c>ApiJsonValue</c>: writing helpers.</summary>
    public static class Value
    {
        public const string Type = Namespace + ".ApiJsonValue";
        public const string WriteOptional = "WriteOptional";
        public const string WriteNullable = "WriteNullable";
        public const string WriteList = "WriteList";
        public const string WriteOptionalList = "WriteOptionalList";
        public const string WriteNullableList = "WriteNullableList";
        public const string Write = "Write";
        public const string WriteDateTime = "WriteDateTime";
        public const string WriteDate = "WriteDate";
        public const string Serialize = "Serialize";
    }

    /// <summary><c>ApiException</c>: every error answer.</summary>
    public static class Exception
    {
        public const string Type = Namespace + ".ApiException";
        public const string FromResponse = "FromResponse";
    }

    /// <summary><c>ApiFaultTable</c> and <c>ApiFault</c>: a document's error answers.</summary>
    public static class Faults
    {
        public const string Type = Namespace + ".ApiFaultTable";
        public const string Fault = Namespace + ".ApiFault";
    }

    /// <summary><c>ApiClientRuntime</c>: what the generated clients share.</summary>
    public static class Client
    {
        public const string Type = Namespace + ".ApiClientRuntime";
        public const string Response = Namespace + ".ApiResponse";
        public const string BuildUri = "BuildUri";
        public const string AddCookie = "AddCookie";
        public const string Bytes = "Bytes";
        public const string ReadJson = "ReadJson";
        public const string ReadJsonAsync = "ReadJsonAsync";
        public const string ReadAsync = "ReadAsync";
        public const string SendAsync = "SendAsync";
        public const string DisableAutoRedirect = "DisableAutoRedirect";
        public const string DeclaredError = "DeclaredError";
        public const string UndeclaredStatus = "UndeclaredStatus";
        public const string Header = "Header";
        public const string HeaderBoolean = "HeaderBoolean";
        public const string HeaderInt32 = "HeaderInt32";
        public const string HeaderInt64 = "HeaderInt64";
        public const string HeaderDouble = "HeaderDouble";
        public const string HeaderDecimal = "HeaderDecimal";
        public const string HeaderDateTime = "HeaderDateTime";
        public const string HeaderDate = "HeaderDate";
        public const string HeaderGuid = "HeaderGuid";
        public const string HeaderEnum = "HeaderEnum";
        public const string Query = Namespace + ".ApiQuery";
        public const string ParameterStyle = Namespace + ".ApiParameterStyle";
        public const string AddQuery = "AddQuery";
        public const string StyledText = "StyledText";
        public const string FormBody = "FormBody";
        public const string SendForStreamAsync = "SendForStreamAsync";
        public const string StreamBody = "StreamBody";
        public const string ReadFileAsync = "ReadFileAsync";
        public const string ReadEventStreamAsync = "ReadEventStreamAsync";
        public const string ReadEventStreamTextAsync = "ReadEventStreamTextAsync";
        public const string ReadJsonLinesAsync = "ReadJsonLinesAsync";
        public const string AddFormText = "AddFormText";
        public const string AddFormFile = "AddFormFile";
        public const string AddFormJson = "AddFormJson";
    }

    /// <summary><c>ApiFile</c>: a binary body as a stream, on both sides of the contract.</summary>
    public static class File
    {
        public const string Type = Namespace + ".ApiFile";
        public const string FromBytes = "FromBytes";
    }

    /// <summary><c>ApiMultipartForm</c>: a multipart body as the server reads it, fields as JSON and file parts as streams.</summary>
    public static class MultipartForm
    {
        public const string Type = AspNetCoreNamespace + ".ApiMultipartForm";
        public const string Empty = "Empty";
        public const string Json = "Json";
        public const string File = "File";
        public const string Files = "Files";
    }

    /// <summary>The credentials of the generated clients (<c>ApiClientRuntime</c>'s security half and its types).</summary>
    public static class Security
    {
        public const string Type = Namespace + ".ApiClientRuntime";
        public const string TokenProvider = Namespace + ".IApiTokenProvider";
        public const string ClientCredentials = Namespace + ".ApiClientCredentialsTokenProvider";
        public const string Credential = Namespace + ".ApiBearerCredential";
        public const string AddBasic = "AddBasic";
        public const string AddBearer = "AddBearer";
        public const string AddTokenAsync = "AddTokenAsync";
        public const string ResolveTokenUrl = "ResolveTokenUrl";
    }

    /// <summary>The server half: the security requirement attribute of generated actions and its registration.</summary>
    public static class ServerSecurity
    {
        public const string Type = AspNetCoreNamespace + ".ApiSecurityServiceCollectionExtensions";
        public const string AttributeType = AspNetCoreNamespace + ".ApiSecurityAttribute";
        public const string AddAnswers = "AddApiSecurityAnswers";
    }

    /// <summary>
    /// <c>ApiRequestInterceptors</c>: the interceptors of one minimal-API mapping, taken once when all are singletons, and
    /// the registration that lets it see their lifetimes.
    /// </summary>
    public static class Interceptors
    {
        public const string Type = AspNetCoreNamespace + ".ApiRequestInterceptors";
        public const string For = "For";
        public const string InterceptAsync = "InterceptAsync";
    }

    /// <summary><c>ApiEndpointServiceCollectionExtensions</c>: what the generated <c>Add…Endpoints</c> registers for the endpoints.</summary>
    public static class EndpointServices
    {
        public const string Type = AspNetCoreNamespace + ".ApiEndpointServiceCollectionExtensions";
        public const string Add = "AddApiEndpointServices";
    }

    /// <summary>What describes the generated actions to ApiExplorer (<c>ApiOperationDescriptionProvider</c>).</summary>
    public static class Description
    {
        public const string Operation = AspNetCoreNamespace + ".ApiOperationAttribute";
        public const string Parameter = AspNetCoreNamespace + ".ApiParameterAttribute";
        public const string Location = AspNetCoreNamespace + ".ApiParameterLocation";
        public const string RequestBody = AspNetCoreNamespace + ".ApiRequestBodyAttribute";
        public const string Response = AspNetCoreNamespace + ".ApiResponseAttribute";
        public const string Type = AspNetCoreNamespace + ".ApiOperationDescriptionServiceCollectionExtensions";
        public const string Add = "AddApiOperationDescriptions";
    }

    /// <summary><c>ApiJsonBody&lt;T&gt;</c>: a JSON request body read ahead of the other checks, its schema problem held.</summary>
    public static class JsonBody
    {
        public const string Type = "global::EvsCodegen.Runtime.AspNetCore.ApiJsonBody";
        public const string Value = "Value";
    }

    /// <summary><c>ApiServerRuntime</c> and its companions: what the generated controllers share.</summary>
    public static class Server
    {
        public const string Type = AspNetCoreNamespace + ".ApiServerRuntime";
        public const string FormField = AspNetCoreNamespace + ".ApiFormField";
        public const string FormValueKind = AspNetCoreNamespace + ".ApiFormValueKind";
        public const string CheckContentType = "CheckContentType";
        public const string CheckOptionalContentType = "CheckOptionalContentType";
        public const string CheckString = "CheckString";
        public const string CheckNumber = "CheckNumber";
        public const string CheckCount = "CheckCount";
        public const string CheckAllowedNumber = "CheckAllowedNumber";
        public const string CheckMultipleOf = "CheckMultipleOf";
        public const string CheckBoolean = "CheckBoolean";
        public const string ReadBodyAsync = "ReadBodyAsync";
        public const string ReadFormAsJsonAsync = "ReadFormAsJsonAsync";
        public const string ReadMultipartFormAsync = "ReadMultipartFormAsync";
        public const string ReadFormUnionAsync = "ReadFormUnionAsync";
        public const string CheckJsonSyntax = "CheckJsonSyntax";
        public const string ParseJson = "ParseJson";
        public const string ReadJsonBodyAsync = "ReadJsonBodyAsync";
        public const string InterceptAsync = "InterceptAsync";
        public const string ReadJson = "ReadJson";
        public const string ReadText = "ReadText";
        public const string Route = "Route";
        public const string Cookie = "Cookie";
        public const string Value = "Value";
        public const string Values = "Values";
        public const string Split = "Split";
        public const string ParseBoolean = "ParseBoolean";
        public const string ParseInt32 = "ParseInt32";
        public const string ParseInt64 = "ParseInt64";
        public const string ParseDouble = "ParseDouble";
        public const string ParseDecimal = "ParseDecimal";
        public const string ParseDateTime = "ParseDateTime";
        public const string ParseDate = "ParseDate";
        public const string ParseGuid = "ParseGuid";
        public const string ParseEnum = "ParseEnum";
        public const string WriteJsonAsync = "WriteJsonAsync";
        public const string WriteAsync = "WriteAsync";
        public const string WriteFailureAsync = "WriteFailureAsync";
        public const string SetHeader = "SetHeader";
        public const string WriteDeclaredAsync = "WriteDeclaredAsync";
        public const string WriteProblemAsync = "WriteProblemAsync";
        public const string StyledValues = "StyledValues";
        public const string StyledJson = "StyledJson";
        public const string QueryObjectJson = "QueryObjectJson";
        public const string JsonText = "JsonText";
        public const string ReadParameterJson = "ReadParameterJson";
        public const string RequestBody = "RequestBody";
        public const string WriteEventStreamAsync = "WriteEventStreamAsync";
        public const string WriteJsonLinesAsync = "WriteJsonLinesAsync";
        public const string WriteFileAsync = "WriteFileAsync";
    }

    /// <summary>XML bodies on the client: the body's JSON written as XML, an XML answer read through its converter (<c>ApiClientRuntime</c>).</summary>
    public static class XmlClient
    {
        public const string Type = Namespace + ".ApiClientRuntime";
        public const string XmlBody = "XmlBody";
        public const string ReadXml = "ReadXml";
        public const string ReadJsonOrXml = "ReadJsonOrXml";
        public const string DeclaredXmlError = "DeclaredXmlError";
    }

    /// <summary>XML bodies on the server: read by Content-Type into the converter's JSON, written by Accept (<c>ApiServerRuntime</c>).</summary>
    public static class XmlServer
    {
        public const string Type = AspNetCoreNamespace + ".ApiServerRuntime";
        public const string ReadXmlOrJsonBodyAsync = "ReadXmlOrJsonBodyAsync";
        public const string WriteXmlAsync = "WriteXmlAsync";
        public const string WriteJsonOrXmlAsync = "WriteJsonOrXmlAsync";
        public const string WriteDeclaredXmlAsync = "WriteDeclaredXmlAsync";
    }

    /// <summary><c>ApiEnumValues</c>: a string enum's listed values, built once per enum struct.</summary>
    public static class EnumValues
    {
        public const string Type = Namespace + ".ApiEnumValues";
        public const string Contains = "Contains";
    }

    /// <summary>Reading a string enum's value in one call (<c>ApiJsonReader</c>, called as <c>context</c>).</summary>
    public static class EnumReader
    {
        public const string Type = Reader.Type;
        public const string ReadEnumString = "ReadEnumString";
    }

    /// <summary><c>IApiStringEnumeration&lt;T&gt;</c>: what a generated string enum implements (explicitly) for the runtime's converter.</summary>
    public static class StringEnumeration
    {
        public const string Type = Namespace + ".IApiStringEnumeration";
        public const string FromWire = "FromWire";
        public const string Known = "Known";
    }

    /// <summary>
    /// <c>IApiEnumeration&lt;T&gt;</c>: what a generated integer enum implements (explicitly), and the one generic
    /// converter every generated enum names in its <c>[JsonConverter]</c> (no converter class per enum).
    /// </summary>
    public static class Enumeration
    {
        public const string Type = Namespace + ".IApiEnumeration";
        public const string ReadValue = "ReadValue";
        public const string WriteValue = "WriteValue";
        public const string Converter = Namespace + ".ApiEnumJsonConverter";
    }

    /// <summary><c>ApiEnumJson</c>: an enum's read and write, called by object converters and clients.</summary>
    public static class EnumJson
    {
        public const string Type = Namespace + ".ApiEnumJson";
        public const string ReadValue = "ReadValue";
        public const string WriteValue = "WriteValue";
    }
}
