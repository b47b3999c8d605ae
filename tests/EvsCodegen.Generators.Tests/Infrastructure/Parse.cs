using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Parsing;

namespace EvsCodegen.Generators.Tests.Infrastructure;

/// <summary>Calls <see cref="DocumentParser.Parse(DocumentInputModel, System.Threading.CancellationToken)"/> directly, for tests that assert on the model.</summary>
internal static class Parse
{
    public static DocumentOptionsModel Options(string ns = "Test.Api", EmitKinds emit = EmitKinds.All) =>
        new(ns, emit, Public: true, ClientName: null, ContractName: null, EquatableArray<string>.Empty);

    public static ParseResultModel Document(string text, string path = "/docs/test-api.yaml", DocumentOptionsModel? options = null) =>
        DocumentParser.Parse(new DocumentInputModel(path, text, options ?? Options()), CancellationToken.None);

    /// <summary>Parses and requires a model.</summary>
    public static ApiModel Model(string text, string path = "/docs/test-api.yaml", DocumentOptionsModel? options = null) =>
        Document(text, path, options).Model ?? throw new InvalidOperationException("The document produced no model.");

    /// <summary>Parses with <c>OpenApiModels="all"</c>, for tests about schemas no operation reaches, and requires a model.</summary>
    public static ApiModel AllModels(string text) =>
        Model(text, options: Options() with { Models = ModelsSelection.All });

    public static ParseResultModel Evs() =>
        DocumentParser.Parse(new DocumentInputModel(RepoPaths.EvsDocument, File.ReadAllText(RepoPaths.EvsDocument), Options(OpenApiFile.EvsNamespace)), CancellationToken.None);

    public static ObjectTypeModel Object(this ApiModel model, string name) =>
        Assert.IsType<ObjectTypeModel>(model.Types.Single(t => t.Name == name));

    public static EnumTypeModel Enum(this ApiModel model, string name) =>
        Assert.IsType<EnumTypeModel>(model.Types.Single(t => t.Name == name));

    public static PropertyModel Property(this ObjectTypeModel type, string jsonName) =>
        type.Properties.Single(p => p.JsonName == jsonName);
}
