using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Parsing;
using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Parsing;

/// <summary>
/// Swagger 2.0 read into the same model as OpenAPI 3: definitions, body and form parameters, consumes/produces,
/// collectionFormat, file fields, x-nullable, shared parameters and responses, security definitions.
/// </summary>
public sealed class Swagger2ParsingTests
{
    private const string Document = """
        swagger: '2.0'
        info: {title: Pets, version: '1.0'}
        host: api.example.com
        basePath: /v2
        schemes: [http, https]
        consumes: [application/json]
        produces: [application/json, application/xml]
        securityDefinitions:
          key: {type: apiKey, in: header, name: X-Key}
        parameters:
          limit: {name: limit, in: query, type: integer, format: int32, maximum: 100}
        responses:
          NotFound: {description: missing, schema: {$ref: '#/definitions/Error'}}
        paths:
          /pets:
            parameters:
              - $ref: '#/parameters/limit'
            get:
              operationId: listPets
              parameters:
                - {name: tags, in: query, type: array, items: {type: string}}
                - {name: ids, in: query, type: array, items: {type: integer}, collectionFormat: multi}
                - {name: X-Trace, in: header, type: string, x-nullable: true}
              responses:
                '200': {description: ok, schema: {type: array, items: {$ref: '#/definitions/Pet'}}}
                '404': {$ref: '#/responses/NotFound'}
            post:
              operationId: addPet
              parameters:
                - {name: pet, in: body, required: true, schema: {$ref: '#/definitions/Pet'}}
              responses:
                '201': {description: created, schema: {$ref: '#/definitions/Pet'}}
          /pets/{id}/photo:
            post:
              operationId: uploadPhoto
              consumes: [multipart/form-data]
              parameters:
                - {name: id, in: path, required: true, type: integer, format: int64}
                - {name: caption, in: formData, type: string}
                - {name: file, in: formData, required: true, type: file}
              responses:
                '204': {description: stored}
          /pets/{id}/rename:
            post:
              operationId: renamePet
              consumes: [application/x-www-form-urlencoded]
              parameters:
                - {name: id, in: path, required: true, type: integer, format: int64}
                - {name: name, in: formData, required: true, type: string, minLength: 1}
              responses:
                '204': {description: renamed}
        definitions:
          Pet:
            type: object
            required: [name]
            properties:
              id: {type: integer, format: int64}
              name: {type: string}
              nickname: {type: string, x-nullable: true}
              owner: {$ref: '#/definitions/Owner'}
          Owner:
            type: object
            properties:
              name: {type: string}
          Error:
            type: object
            properties:
              message: {type: string}
        """;

    private static readonly ParseResultModel s_result = Parse.Document(Document, "/docs/pets.json");

    private static ApiModel Model => s_result.Model!;

    private static OperationModel Operation(string id) => Model.Surfaces.SelectMany(s => s.Operations).Single(o => o.OperationId == id);

    [Fact]
    public void Swagger2_ReadsWithoutDiagnostics()
    {
        Assert.Empty(s_result.Diagnostics);
        Assert.NotNull(s_result.Model);
    }

    [Fact]
    public void Definitions_BecomeTypes_AndDefinitionReferencesResolve()
    {
        var pet = Model.Object("Pet");
        Assert.Equal(TypeRefKind.Object, pet.Property("owner").Type.Kind);
        Assert.Equal("Owner", pet.Property("owner").Type.TypeName);
        Assert.True(pet.Property("name").Required);
    }

    [Fact]
    public void XNullable_MakesThePropertyAndTheParameterNullable()
    {
        Assert.True(Model.Object("Pet").Property("nickname").Type.Nullable);
        Assert.False(Model.Object("Pet").Property("name").Type.Nullable);
        Assert.True(Operation("listPets").Parameters.Single(p => p.WireName == "X-Trace").Type.Nullable);
    }

    [Fact]
    public void BodyParameter_BecomesARequiredJsonBodyOfItsSchema()
    {
        var body = Operation("addPet").Body!;
        Assert.Equal(("application/json", BodyEncoding.Json, "Pet", true), (body.ContentType, body.Encoding, body.Type.TypeName, body.Required));
        Assert.Equal("201", Operation("addPet").Success!.Status);
    }

    [Fact]
    public void CollectionFormat_CsvByDefault_MultiExplodes()
    {
        var parameters = Operation("listPets").Parameters;
        Assert.False(parameters.Single(p => p.WireName == "tags").Explode);
        Assert.True(parameters.Single(p => p.WireName == "ids").Explode);
        Assert.Equal(TypeRefKind.Int64, parameters.Single(p => p.WireName == "ids").Type.Item!.Kind);
    }

    [Fact]
    public void SharedParameter_ByReference_KeepsItsSchemaAndConstraints()
    {
        var limit = Operation("listPets").Parameters.Single(p => p.WireName == "limit");
        Assert.Equal((ParameterLocation.Query, TypeRefKind.Int32, false), (limit.Location, limit.Type.Kind, limit.Required));
        Assert.Equal("100", limit.Constraints.Maximum);
    }

    [Fact]
    public void Responses_TakeProducesAndSharedResponses()
    {
        var list = Operation("listPets");
        Assert.Equal(("application/json", TypeRefKind.Array), (list.Success!.ContentType, list.Success.Type!.Kind));
        var notFound = list.Responses.Single(r => r.Status == "404");
        Assert.Equal(("missing", "Error"), (notFound.Description, notFound.Type!.TypeName));
    }

    [Fact]
    public void FormDataWithAFile_IsAMultipartBody()
    {
        var body = Operation("uploadPhoto").Body!;
        Assert.Equal(("multipart/form-data", BodyEncoding.Multipart, true), (body.ContentType, body.Encoding, body.Required));
        Assert.Equal(["caption", "file"], body.FormFields.Select(f => f.WireName));
        Assert.Equal(TypeRefKind.Bytes, body.FormFields.Single(f => f.WireName == "file").Type.Kind);
        Assert.False(body.FormFields.Single(f => f.WireName == "file").Nullable);
    }

    [Fact]
    public void FormDataWithoutAFile_IsAUrlEncodedBody()
    {
        var body = Operation("renamePet").Body!;
        Assert.Equal(("application/x-www-form-urlencoded", BodyEncoding.Form), (body.ContentType, body.Encoding));
        // URL-encoded fields are described by the body's shape (nested values included), not by FormFields.
        Assert.StartsWith("""{"root":0,"objects":[{"properties":{"name":""", body.Shape, StringComparison.Ordinal);
    }

    [Fact]
    public void SecurityDefinitions_ApiKeyIsSentByTheClient()
    {
        var key = Assert.Single(Model.Context.Schemes);
        Assert.Equal(("key", SecuritySchemeKind.ApiKey, "header", "X-Key"), (key.SchemeName, key.Kind, key.In, key.ParameterName));
    }

    [Fact]
    public void BasicAndOAuth2Definitions_AreReadAsTheir3xSchemes_AndReportedAtThe20Names()
    {
        var text = Document.Replace(
            "  key: {type: apiKey, in: header, name: X-Key}\n",
            "  basicAuth: {type: basic}\n  oauth: {type: oauth2, flow: accessCode, authorizationUrl: 'https://a.example/auth', tokenUrl: 'https://a.example/token', scopes: {read: read}}\n",
            StringComparison.Ordinal).Replace("\nparameters:\n", "\nsecurity: [{oauth: [read]}, {basicAuth: []}]\nparameters:\n", StringComparison.Ordinal);
        var lines = text.Split('\n');

        var result = Parse.Document(text, "/docs/pets.json");

        // Read as 'http' (basic) and 'oauth2' with an authorizationCode flow: the client sends Basic itself and takes the
        // OAuth2 tokens from a provider (EVS2011, info), reported at the 2.0 name.
        Assert.Equal(
            [("EVS2011", Array.FindIndex(lines, l => l.StartsWith("  oauth:", StringComparison.Ordinal)), 2)],
            result.Diagnostics.Select(d => (d.Id, d.LineSpan.Start.Line, d.LineSpan.Start.Character)));
        Assert.Equal(
            [("basicAuth", SecuritySchemeKind.HttpBasic), ("oauth", SecuritySchemeKind.OAuth2)],
            result.Model!.Context.Schemes.Select(s => (s.SchemeName, s.Kind)));
        Assert.Null(result.Model.Context.Schemes[1].TokenUrl);
    }

    [Theory]
    [InlineData("host: api.example.com\nbasePath: /v2\nschemes: [ws, http, https]\n", "http://api.example.com/v2")]
    [InlineData("host: api.example.com:8443\nbasePath: /v2/\n", "https://api.example.com:8443/v2")]
    [InlineData("basePath: /v2\n", "/v2")]
    [InlineData("host: api.example.com\n", "https://api.example.com")]
    public void HostBasePathAndSchemes_BecomeOneServer_AtTheBasePath(string fields, string url)
    {
        var text = "swagger: '2.0'\ninfo: {title: T, version: '1'}\n" + fields + "paths: {}\n";
        var source = new ParseContext("/docs/t.yaml", (YMapping)YamlLoader.Load(text, out _)!, "2.0", CancellationToken.None);

        var upgraded = Swagger2Reader.Upgrade(source);

        var server = Assert.IsType<YMapping>(Assert.Single(upgraded.GetSequence("servers")!.Items));
        Assert.Equal(url, server.GetString("url"));
        var line = text.Split('\n').ToList().FindIndex(l => l.StartsWith(fields.Contains("basePath", StringComparison.Ordinal) ? "basePath" : "host", StringComparison.Ordinal));
        Assert.Equal(line, server.LineSpan.Start.Line);
        Assert.Empty(source.Diagnostics);
    }

    [Fact]
    public void NoHostNorBasePath_GivesNoServer()
    {
        var source = new ParseContext("/docs/t.yaml", (YMapping)YamlLoader.Load("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n", out _)!, "2.0", CancellationToken.None);

        Assert.Null(Swagger2Reader.Upgrade(source).Get("servers"));
    }
}
