using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Parsing;

namespace EvsCodegen.Generators.Tests.Infrastructure;

/// <summary>Calls <see cref="DocumentParser.Parse(DocumentInputModel, System.Threading.CancellationToken)"/> directly, for tests that assert on the model.</summary>
internal static class Parse
{
    public static DocumentOptionsModel Options(string ns = "Test.Api", EmitKinds emit = EmitKinds.All) =>
        new(ns, emit, Public: true, ClientName: null, ContractName: null, EquatableArray<string>.Empty);

    public static ParseResultModel Document(string text, string path = "/docs/test-api.yaml") =>
        DocumentParser.Parse(new DocumentInputModel(path, text, Options()), CancellationToken.None);

    /// <summary>Parses and requires a model.</summary>
    public static ApiModel Model(string text, string path = "/docs/test-api.yaml") =>
        Document(text, path).Model ?? throw new InvalidOperationException("The document produced no model.");

    public static ParseResultModel Evs() =>
        DocumentParser.Parse(new DocumentInputModel(RepoPaths.EvsDocument, File.ReadAllText(RepoPaths.EvsDocument), Options(OpenApiFile.EvsNamespace)), CancellationToken.None);

    public static ObjectTypeModel Object(this ApiModel model, string name) =>
        Assert.IsType<ObjectTypeModel>(model.Types.Single(t => t.Name == name));

    public static EnumTypeModel Enum(this ApiModel model, string name) =>
        Assert.IsType<EnumTypeModel>(model.Types.Single(t => t.Name == name));

    public static PropertyModel Property(this ObjectTypeModel type, string jsonName) =>
        type.Properties.Single(p => p.JsonName == jsonName);
}
