using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Parsing;

/// <summary>What the model of openapi/evs-snapshots.yaml holds.</summary>
public sealed class EvsDocumentParsingTests
{
    private const string SnapshotPath = "/v3/{project_id}/snapshots/{snapshot_id}";
    private const string WireDateTimeFormat = "yyyy-MM-ddTHH:mm:ss.ffffff";

    private static readonly Lazy<ParseResultModel> s_result = new(Parse.Evs);

    private static ApiModel Model => s_result.Value.Model!;

    [Fact]
    public void EvsDocument_ParsesWithoutDiagnostics()
    {
        Assert.NotNull(s_result.Value.Model);
        Assert.Empty(s_result.Value.Diagnostics);
    }

    [Fact]
    public void EvsDocument_HasOneSnapshotsSurface()
    {
        var surface = Assert.Single(Model.Surfaces);

        Assert.Equal("ISnapshotsApi", surface.InterfaceName);
        Assert.Equal("SnapshotsApiClient", surface.ClientName);
        Assert.Equal("SnapshotsApiController", surface.ControllerName);
        Assert.Equal("云硬盘快照 / EVS snapshots.", surface.Description);
    }

    [Fact]
    public void EvsDocument_HasShowSnapshotGetAndUpdateSnapshotPutOnTheSnapshotPath()
    {
        var operations = Model.Surfaces.Single().Operations;

        Assert.Equal(
            [("showSnapshot", "ShowSnapshot", "GET", SnapshotPath), ("updateSnapshot", "UpdateSnapshot", "PUT", SnapshotPath)],
            operations.Select(o => (o.OperationId, o.MethodName, o.HttpMethod, o.Path)));
    }

    [Fact]
    public void EvsDocument_PathLevelParametersApplyToBothOperations()
    {
        foreach (var operation in Model.Surfaces.Single().Operations)
        {
            Assert.Equal(
                [("project_id", "projectId"), ("snapshot_id", "snapshotId")],
                operation.Parameters.Select(p => (p.WireName, p.Name)));
            Assert.All(operation.Parameters, p =>
            {
                Assert.Equal(ParameterLocation.Path, p.Location);
                Assert.True(p.Required);
                Assert.Equal(new TypeRefModel(TypeRefKind.String), p.Type);
            });
        }
    }

    [Fact]
    public void UpdateSnapshot_TakesARequiredJsonUpdateSnapshotRequestAndReturnsSnapshotResponse()
    {
        var update = Model.Surfaces.Single().Operations.Single(o => o.OperationId == "updateSnapshot");

        var body = Assert.IsType<BodyModel>(update.Body);
        Assert.Equal("application/json", body.ContentType);
        Assert.Equal(BodyEncoding.Json, body.Encoding);
        Assert.True(body.Required);
        Assert.Equal(new TypeRefModel(TypeRefKind.Object, TypeName: "UpdateSnapshotRequest"), body.Type);
        Assert.Equal("body", body.Name);

        var success = Assert.IsType<ResponseModel>(update.Success);
        Assert.Equal(200, success.StatusCode);
        Assert.Equal(new TypeRefModel(TypeRefKind.Object, TypeName: "SnapshotResponse"), success.Type);
        Assert.Equal(["200", "400", "401", "403", "404", "413", "415", "500"], update.Responses.Select(r => r.Status));
    }

    [Fact]
    public void ShowSnapshot_HasNoBodyAndReturnsSnapshotResponse()
    {
        var show = Model.Surfaces.Single().Operations.Single(o => o.OperationId == "showSnapshot");

        Assert.Null(show.Body);
        Assert.Equal("SnapshotResponse", show.Success?.Type?.TypeName);
        Assert.Equal(["200", "400", "401", "403", "404", "500"], show.Responses.Select(r => r.Status));
    }

    [Fact]
    public void EvsDocument_NamedTypesAreComponentObjectsAndEnumsInDocumentOrder()
    {
        // ErrorResponse is a map of Fault (no declared properties), so it is not a named type.
        Assert.Equal(
            ["UpdateSnapshotRequest", "UpdateSnapshotOption", "SnapshotResponse", "SnapshotDetail", "SnapshotStatus", "Fault"],
            Model.Types.Select(t => t.Name));
    }

    [Fact]
    public void UpdateSnapshotRequest_RequiresTheSnapshotOptionAndForbidsOtherKeys()
    {
        var request = Model.Object("UpdateSnapshotRequest");

        var snapshot = Assert.Single(request.Properties);
        Assert.Equal(("snapshot", "Snapshot", true), (snapshot.JsonName, snapshot.Name, snapshot.Required));
        Assert.Equal(new TypeRefModel(TypeRefKind.Object, TypeName: "UpdateSnapshotOption"), snapshot.Type);
        Assert.Equal(AdditionalPropertiesKind.Forbid, request.AdditionalProperties);
    }

    [Fact]
    public void UpdateSnapshotOption_HasOptionalNameAndDescriptionBoundedBy255BytesAnd255Characters()
    {
        var option = Model.Object("UpdateSnapshotOption");

        Assert.Equal(AdditionalPropertiesKind.Forbid, option.AdditionalProperties);
        Assert.Null(option.AdditionalPropertiesType);
        Assert.Equal(1, option.MinProperties);
        Assert.Null(option.MaxProperties);
        Assert.Equal([("name", "Name"), ("description", "Description")], option.Properties.Select(p => (p.JsonName, p.Name)));
        Assert.All(option.Properties, p =>
        {
            Assert.False(p.Required);
            Assert.Equal(new TypeRefModel(TypeRefKind.String), p.Type);
            Assert.Equal(new ConstraintsModel(MaxLength: 255, MaxBytes: 255), p.Constraints);
        });
    }

    [Fact]
    public void SnapshotDetail_RequiresAllNineKeysAndForbidsOthers()
    {
        var detail = Model.Object("SnapshotDetail");

        Assert.Equal(
            ["id", "status", "name", "description", "created_at", "updated_at", "metadata", "volume_id", "size"],
            detail.Properties.Select(p => p.JsonName));
        Assert.All(detail.Properties, p => Assert.True(p.Required, p.JsonName));
        Assert.Equal(AdditionalPropertiesKind.Forbid, detail.AdditionalProperties);
    }

    [Fact]
    public void Timestamps_AreHonestStrings_WithAPatternAndTheWireFormat_NotRfc3339DateTimes()
    {
        var detail = Model.Object("SnapshotDetail");
        var document = File.ReadAllText(RepoPaths.EvsDocument);

        // EVS sends 2013-02-25T03:56:53.081642: no offset, so not an RFC 3339 date-time (Prism rejected it).
        Assert.DoesNotContain("format: date-time", document, StringComparison.Ordinal);
        Assert.Equal(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$", detail.Property("created_at").Constraints.Pattern);
        Assert.Equal(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$", detail.Property("updated_at").Constraints.Pattern);
    }

    [Fact]
    public void XDateTimeFormat_WithoutFormat_IsATimestampInThatFormat()
    {
        var model = Parse.Model("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    at: {type: string, x-datetime-format: 'yyyyMMddHHmmss', nullable: true}
                    plain: {type: string}
            """);

        Assert.Equal(new TypeRefModel(TypeRefKind.DateTime, Nullable: true, Format: "yyyyMMddHHmmss"), model.Object("Item").Property("at").Type);
        Assert.Equal(new TypeRefModel(TypeRefKind.String), model.Object("Item").Property("plain").Type);
    }

    [Fact]
    public void SnapshotDetail_TypesEachPropertyAsTheDocumentDeclares()
    {
        var detail = Model.Object("SnapshotDetail");

        Assert.Equal(new TypeRefModel(TypeRefKind.String), detail.Property("id").Type);
        Assert.Equal(new TypeRefModel(TypeRefKind.Enum, TypeName: "SnapshotStatus"), detail.Property("status").Type);
        Assert.Equal(new TypeRefModel(TypeRefKind.DateTime, Format: WireDateTimeFormat), detail.Property("created_at").Type);
        Assert.Equal(new TypeRefModel(TypeRefKind.DateTime, Nullable: true, Format: WireDateTimeFormat), detail.Property("updated_at").Type);
        Assert.Equal(new TypeRefModel(TypeRefKind.Map, Item: new TypeRefModel(TypeRefKind.String), ItemConstraints: ConstraintsModel.None), detail.Property("metadata").Type);
        Assert.Equal(new TypeRefModel(TypeRefKind.Int32), detail.Property("size").Type);
        Assert.Equal(("VolumeId", "CreatedAt", "UpdatedAt"), (detail.Property("volume_id").Name, detail.Property("created_at").Name, detail.Property("updated_at").Name));
    }

    [Fact]
    public void SnapshotStatus_IsAStringEnumWithSevenMembers()
    {
        var status = Model.Enum("SnapshotStatus");

        Assert.False(status.IsInteger);
        Assert.Equal(
            [
                ("Creating", "creating"), ("Available", "available"), ("Error", "error"), ("Deleting", "deleting"),
                ("ErrorDeleting", "error_deleting"), ("Rollbacking", "rollbacking"), ("BackingUp", "backing-up"),
            ],
            status.Members.Select(m => (m.Name, m.Value)));
    }

    [Fact]
    public void EvsDocument_FaultTableComesFromXFaultOrderedByStatus()
    {
        Assert.Equal(
            [
                new FaultModel(400, "badRequest", "EVS.5400"),
                new FaultModel(401, "unauthorized", "EVS.5401"),
                new FaultModel(403, "forbidden", "EVS.5403"),
                new FaultModel(404, "itemNotFound", "EVS.5404"),
                new FaultModel(413, "overLimit", "EVS.5400"),
                new FaultModel(415, "badMediaType", "EVS.5400"),
                new FaultModel(500, "computeFault", "EVS.5500"),
            ],
            Model.Context.Faults);
    }

    [Fact]
    public void EvsDocument_HasAKeyedErrorEnvelopeOfFault()
    {
        Assert.Equal(new EnvelopeModel("Fault", "Message", "Code"), Model.Context.Envelope);
    }

    [Fact]
    public void EvsDocument_SendsTheAuthTokenApiKeyAsTheXAuthTokenHeader()
    {
        var key = Assert.Single(Model.Context.Schemes);

        Assert.Equal(("authToken", SecuritySchemeKind.ApiKey, "AuthToken", "header", "X-Auth-Token"), (key.SchemeName, key.Kind, key.Property, key.In, key.ParameterName));
        var set = Assert.Single(Model.Context.SecuritySets);
        Assert.Equal("authToken", Assert.Single(Assert.Single(set.Alternatives).Schemes).SchemeName);
        Assert.All(Model.Surfaces.SelectMany(s => s.Operations), o => Assert.Equal(0, o.Security));
    }

    [Fact]
    public void EvsDocument_ContextCarriesNameNamespaceTitleAndVersion()
    {
        var context = Model.Context;

        Assert.Equal("EvsSnapshots", context.DocumentName);
        Assert.Equal(OpenApiFile.EvsNamespace, context.Namespace);
        Assert.Equal(EmitKinds.All, context.Emit);
        Assert.True(context.Public);
        Assert.Equal("Huawei Cloud EVS snapshots (update snapshot)", context.Title);
        Assert.Equal("v3", context.Version);
    }
}
